// Content hashes of a site: one SHA-256 per content table over its rows in key order (each row
// as JSON with sorted keys), and one over the media files. Two sites with the same digests
// hold the same articles, comments, people, media, redirects and settings, whichever engine
// they run on. Backups and exports carry the digests of what they hold; restore and load
// compare them with what they wrote.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Db } from '../../db/connect.ts';
import { listFiles, sha256File } from './files.ts';
import { appliedMigrations, CONTENT_TABLES, type Row, readRows } from './tables.ts';

export interface Digest {
  rows: number;
  sha256: string;
}

export type SiteDigests = Record<string, Digest>;

/** The digest entry for the media files. */
export const MEDIA_FILES = 'media files';

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function digestRows(rows: readonly Row[]): Digest {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${canonical(row)}\n`);
  return { rows: rows.length, sha256: hash.digest('hex') };
}

/** Digests of every content table the database has (an older backup lacks the newer ones). */
export async function tableDigests(db: Pick<Db, 'kysely'>): Promise<SiteDigests> {
  const applied = new Set(await appliedMigrations(db));
  const out: SiteDigests = {};
  for (const table of CONTENT_TABLES) {
    if (table.since && !applied.has(table.since)) continue;
    out[table.name] = digestRows(await readRows(db, table));
  }
  return out;
}

/** Digest of the files under the media folder: their paths and contents. */
export async function mediaDigest(mediaRoot: string): Promise<Digest> {
  const files: { path: string; sha256: string }[] = [];
  for (const file of listFiles(mediaRoot)) {
    files.push({ path: file, sha256: await sha256File(path.join(mediaRoot, ...file.split('/'))) });
  }
  return mediaDigestOf(files);
}

const NOTHING = digestRows([]);

/**
 * Names of the entries whose digests differ. A table one side lacks counts as empty: a backup
 * from before a table existed matches a site where that table has no rows.
 */
export function differences(expected: SiteDigests, actual: SiteDigests): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names].filter((n) => (expected[n] ?? NOTHING).sha256 !== (actual[n] ?? NOTHING).sha256).sort();
}

/** The media digest from already-hashed files (paths relative to the media folder). */
export function mediaDigestOf(files: readonly { path: string; sha256: string }[]): Digest {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) hash.update(`${file.path}\0${file.sha256}\n`);
  return { rows: files.length, sha256: hash.digest('hex') };
}
