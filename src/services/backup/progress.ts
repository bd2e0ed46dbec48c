// How far a long backup, restore, export or load has come, for a progress bar: the step under
// way ("checksums", "archive", "tables", "media"), items done, and items in all.
export type OnProgress = (step: string, done: number, total: number) => void;
