// Files on disk: listing a folder, hashing a file by streaming it, and moving a prepared
// folder into place so that a target is either the old one or the new one, never half of each.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface FileEntry {
  /** POSIX path relative to the listed folder. */
  path: string;
  size: number;
  sha256: string;
}

/** Regular files under root, relative POSIX paths, sorted; symbolic links are not followed. */
export function listFiles(root: string, skip: (relPath: string) => boolean = () => false): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (skip(relPath)) continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relPath);
      else if (entry.isFile()) out.push(relPath);
    }
  };
  walk(root, '');
  return out.sort();
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export async function describeFile(root: string, relPath: string): Promise<FileEntry> {
  const full = path.join(root, ...relPath.split('/'));
  return { path: relPath, size: fs.statSync(full).size, sha256: await sha256File(full) };
}

/** True when the folder is missing or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  if (!fs.existsSync(dir)) return true;
  if (!fs.statSync(dir).isDirectory()) return false;
  return fs.readdirSync(dir).length === 0;
}

/** A fresh folder beside `target` (same file system, so a rename into place is atomic). */
export function stagingDirBeside(target: string, purpose: string): string {
  const parent = path.dirname(path.resolve(target));
  fs.mkdirSync(parent, { recursive: true });
  const dir = path.join(parent, `.${path.basename(target)}.${purpose}-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/**
 * Puts the prepared folder `ready` at `target`. An existing target is first renamed aside and
 * removed only once the new one is in place: a crash in between leaves a complete folder at
 * one of the two names, and the aside name is said in the error.
 */
export function swapIntoPlace(ready: string, target: string): void {
  const resolved = path.resolve(target);
  if (!fs.existsSync(resolved)) {
    fs.renameSync(ready, resolved);
    return;
  }
  const aside = `${resolved}.replaced-${randomBytes(4).toString('hex')}`;
  fs.renameSync(resolved, aside);
  try {
    fs.renameSync(ready, resolved);
  } catch (err) {
    fs.renameSync(aside, resolved);
    throw err;
  }
  fs.rmSync(aside, { recursive: true, force: true });
}
