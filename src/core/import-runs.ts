// A WordPress import started from the newsroom, as storage keeps it and the pages show it: its
// state is stored so any process can show its progress.
import type { IsoDate } from './types.ts';

export const IMPORT_RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'interrupted'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

export interface ImportRun {
  id: number;
  status: ImportRunStatus;
  fileName: string;
  filePath: string;
  options: Record<string, unknown>;
  personId: number | null;
  done: number;
  total: number;
  /** The import report (JSON), once finished. */
  report: unknown;
  error: string | null;
  createdAt: IsoDate;
  startedAt: IsoDate | null;
  updatedAt: IsoDate;
  finishedAt: IsoDate | null;
}
