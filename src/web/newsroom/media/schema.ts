// Request shapes of the media library routes. Anything malformed falls back to a harmless
// default (page 1, no search) rather than an error page: these are bookmarkable URLs.
import { z } from 'zod';

export const PAGE_SIZE = 24;

export const LibraryQuery = z.object({
  q: z.string().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  uploaded: z.coerce.number().int().min(0).optional().catch(undefined),
  deleted: z.literal('1').optional().catch(undefined),
  /** "av": only audio and video, as the editor's player block picks them. */
  kind: z.literal('av').optional().catch(undefined),
});
export type LibraryQuery = z.infer<typeof LibraryQuery>;

export const MediaParams = z.object({ id: z.coerce.number().int().positive() });
export type MediaParams = z.infer<typeof MediaParams>;

export const EditQuery = z.object({
  uploaded: z.literal('1').optional().catch(undefined),
  saved: z.literal('1').optional().catch(undefined),
  /** What an audio or video form just did: its confirmation is shown. */
  done: z.enum(['poster', 'track', 'untrack']).optional().catch(undefined),
});
export type EditQuery = z.infer<typeof EditQuery>;

/** The edit form as posted; the lengths are the command's rule (services/media/update-media.ts). */
export const EditBody = z.object({
  alt: z.string().default(''),
  caption: z.string().default(''),
  credit: z.string().default(''),
});
export type EditBody = z.infer<typeof EditBody>;

/** The text fields of an upload form, each given at most once. */
export const UploadShape = z.object({
  alt: z.string().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
});

/** Fields allowed beside the file in an upload form, within their lengths. */
export const UploadFields = z.object({
  alt: z.string().max(500).optional(),
  caption: z.string().max(2000).optional(),
  credit: z.string().max(300).optional(),
});
export type UploadFields = z.infer<typeof UploadFields>;

/** Whether the client asked for JSON (the editor's picker and drag-and-drop) rather than a page. */
export function wantsJson(accept: string | undefined): boolean {
  const value = accept ?? '';
  return value.includes('application/json') && !value.includes('text/html');
}

export const TrackParams = z.object({
  id: z.coerce.number().int().positive(),
  trackId: z.coerce.number().int().positive(),
});
export type TrackParams = z.infer<typeof TrackParams>;

/** The poster form: an image of the library by id, or "remove". */
export const PosterBody = z.object({
  posterId: z.coerce.number().int().positive().optional().catch(undefined),
  remove: z.literal('1').optional().catch(undefined),
});
export type PosterBody = z.infer<typeof PosterBody>;

/** The text fields sent before a WebVTT file, each given at most once. */
export const TrackFields = z.object({
  lang: z.string().max(40).default(''),
  label: z.string().max(200).default(''),
  kind: z.enum(['captions', 'subtitles']).catch('captions').default('captions'),
});
export type TrackFields = z.infer<typeof TrackFields>;
