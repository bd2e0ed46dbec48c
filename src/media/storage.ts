// Local-disk media storage. Files live under one root folder and are addressed by a
// relative POSIX path such as "2026/11/3fa2c9d1e0b4a7f6-640.webp". A relative path can
// never reach outside the root: absolute paths, ".." segments, backslashes and NUL bytes
// are refused before anything touches the disk.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Invalid } from '../core/errors.ts';

/** What the rest of the program asks of media storage; an S3-compatible store can implement it too. */
export interface MediaStorage {
  save(relPath: string, data: Buffer): Promise<void>;
  read(relPath: string): Promise<Buffer>;
  exists(relPath: string): Promise<boolean>;
  /** Removes the file if it is there. */
  remove(relPath: string): Promise<void>;
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Checks a relative media path and returns it in normal form ("a/b/c.webp").
 * Every segment must be plain letters, digits, dot, underscore or hyphen, and may not start with a dot.
 */
export function normalizeMediaPath(relPath: string): string {
  if (typeof relPath !== 'string' || relPath.length === 0 || relPath.length > 255) {
    throw new Invalid('Media path is empty or too long.', { path: 'invalid' });
  }
  const segments = relPath.split('/');
  for (const segment of segments) {
    if (!SAFE_SEGMENT.test(segment)) {
      throw new Invalid(`Media path "${relPath}" has an unsafe segment.`, { path: 'invalid' });
    }
  }
  return segments.join('/');
}

/** Joins a relative media path to the root, refusing anything that would land outside it. */
export function safeJoin(root: string, relPath: string): string {
  const clean = normalizeMediaPath(relPath);
  const base = path.resolve(root);
  const full = path.resolve(base, ...clean.split('/'));
  if (full !== base && !full.startsWith(base + path.sep)) {
    throw new Invalid(`Media path "${relPath}" leaves the media root.`, { path: 'invalid' });
  }
  return full;
}

/** A fresh, unguessable stem in a year/month folder: "2026/11/3fa2c9d1e0b4a7f6". */
export function newMediaStem(now: Date = new Date()): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${randomBytes(8).toString('hex')}`;
}

export class LocalMediaStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Absolute file path of a stored item (for streaming it to a response). */
  fullPath(relPath: string): string {
    return safeJoin(this.root, relPath);
  }

  async save(relPath: string, data: Buffer): Promise<void> {
    const full = safeJoin(this.root, relPath);
    await mkdir(path.dirname(full), { recursive: true });
    // Write beside the target and rename, so a reader never sees half a file.
    const temporary = `${full}.${randomBytes(4).toString('hex')}.part`;
    try {
      await writeFile(temporary, data, { flag: 'wx' });
      await rename(temporary, full);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async read(relPath: string): Promise<Buffer> {
    return readFile(safeJoin(this.root, relPath));
  }

  async exists(relPath: string): Promise<boolean> {
    try {
      return (await stat(safeJoin(this.root, relPath))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(relPath: string): Promise<void> {
    await rm(safeJoin(this.root, relPath), { force: true });
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
