// The manifest at the head of every backup archive: what made it, from which engine and
// migration level, the content digests, and every other file of the archive with its size and
// SHA-256. A restore trusts nothing in the archive that the manifest does not vouch for.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../paths.ts';

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'midad-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Where the database dump sits in the archive, per engine. */
export const DATABASE_ENTRY = { sqlite: 'database/midad.db', postgres: 'database/midad.sql' } as const;
/** Files of the data folder sit under this prefix in the archive. */
export const DATA_PREFIX = 'data/';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ArchivedFile = z.object({
  path: z
    .string()
    .min(1)
    .max(1024)
    // Relative POSIX paths only: nothing absolute, no "..", no empty or dot segments.
    .refine((p) => p.split('/').every((s) => s !== '' && s !== '.' && s !== '..') && !p.includes('\\')),
  size: z.number().int().nonnegative(),
  sha256: Sha256,
});
export type ArchivedFile = z.infer<typeof ArchivedFile>;

const DigestSchema = z.object({ rows: z.number().int().nonnegative(), sha256: Sha256 });

export const Manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  midadVersion: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  postgres: z.object({ schema: z.string().min(1), serverVersion: z.string() }).optional(),
  digests: z.record(z.string(), DigestSchema),
  files: z.array(ArchivedFile),
});
export type Manifest = z.infer<typeof Manifest>;

export function midadVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
