// The portable export: the whole site as one JSON document, the same whichever engine wrote it.
// Rows keep their ids, so links between them (and article URLs, which carry the id) survive.
// It holds password hashes, two-step secrets and the site secret, so that signing in and
// signed links keep working on the new site: it is as sensitive as a backup.
import { z } from 'zod';
import { normalizeMediaPath } from '../../media/storage.ts';

export const EXPORT_FORMAT = 'midad-export';
export const EXPORT_FORMAT_VERSION = 1;
export const EXPORT_NOTE =
  'A Midad site export. It holds password hashes, two-step secrets and the site secret: keep it private.';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Value = z.union([z.string(), z.number(), z.null()]);

export const ExportedMediaFile = z.object({
  path: z.string().refine((p) => {
    try {
      return normalizeMediaPath(p) === p;
    } catch {
      return false;
    }
  }, 'not a safe media path'),
  size: z.number().int().nonnegative(),
  sha256: Sha256,
  base64: z.string(),
});
export type ExportedMediaFile = z.infer<typeof ExportedMediaFile>;

export const SiteExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  midadVersion: z.string(),
  exportedAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()),
  note: z.string().optional(),
  tables: z.record(z.string(), z.array(z.record(z.string(), Value))),
  digests: z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), sha256: Sha256 })),
  /** Absent when exported with --without-media: the media folder is then copied by hand. */
  mediaFiles: z.array(ExportedMediaFile).optional(),
});
export type SiteExport = z.infer<typeof SiteExport>;
