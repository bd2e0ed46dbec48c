// One backup archive: a gzipped tar whose first entry is the manifest, then the database dump
// and the data folder's files. Written to a temporary name and renamed when complete, so a
// failed backup never leaves a file that looks like a backup. Read back into a staging folder
// and checked against the manifest (every file listed, every size and SHA-256 right, nothing
// else present) before a restore uses any of it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Invalid, SetupError } from '../../core/errors.ts';
import { listFiles, sha256File } from './files.ts';
import { MANIFEST_NAME, Manifest } from './manifest.ts';
import type { OnProgress } from './progress.ts';

export interface PackInput {
  manifest: Manifest;
  /** Archive path → file on disk, for every file the manifest lists. */
  sources: ReadonlyMap<string, string>;
  /** A private folder the packing may use; removed by the caller. */
  workDir: string;
}

/** Writes the archive to `output` (atomically: a temporary name renamed when complete). */
export async function writeArchive(output: string, input: PackInput, onProgress?: OnProgress): Promise<void> {
  // tar takes paths relative to one folder: the work folder gets the manifest and a symbolic
  // link to each file, named as in the archive; tar follows them (only these, which we made).
  const root = path.join(input.workDir, 'pack');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, MANIFEST_NAME), `${JSON.stringify(input.manifest, null, 2)}\n`);
  const entries = [MANIFEST_NAME];
  for (const file of input.manifest.files) {
    const source = input.sources.get(file.path);
    if (!source) throw new Error(`no source for archive entry ${file.path}`);
    const link = path.join(root, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.resolve(source), link);
    entries.push(file.path);
  }
  const partial = `${path.resolve(output)}.partial-${randomBytes(4).toString('hex')}`;
  let packed = 0;
  try {
    // The archive holds the site secret and password hashes: readable by its owner only, from
    // the moment it is created (a chmod afterwards leaves a window, and a crash a readable file).
    // The copies it is made from sit in the work folder, which is private (0700) too.
    const tar = await import('tar');
    await tar.c(
      {
        gzip: true,
        file: partial,
        mode: 0o600,
        cwd: root,
        portable: true,
        strict: true,
        follow: true,
        // Folders are entries too: only files are counted, as the manifest lists them.
        onWriteEntry: (entry) => {
          if (entry.type === 'File') onProgress?.('archive', ++packed, entries.length);
        },
      },
      entries,
    );
    await checkWritten(partial, input.manifest);
    fs.renameSync(partial, path.resolve(output));
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Unpacks `file` into `staging` (an empty private folder) and checks it against its manifest.
 * Anything wrong is an Invalid naming the first problem; the caller removes the staging folder.
 */
export async function readArchive(file: string, staging: string, onProgress?: OnProgress): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new Invalid(`The file ${file} does not exist.`);
  if (!fs.statSync(file).isFile()) throw new Invalid(`${file} is not a file.`);
  const foreign: string[] = [];
  const tar = await import('tar');
  try {
    await tar.x({
      file,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        if (type === 'File' || type === 'Directory') return true;
        foreign.push(entryPath);
        return false;
      },
    });
  } catch (err) {
    throw new Invalid(`${file} is not a readable Midad backup (${(err as Error).message}).`);
  }
  if (foreign.length > 0) {
    throw new Invalid(`${file} holds entries a Midad backup never has (${foreign[0]}).`);
  }
  const manifest = parseManifest(file, staging);
  await checkFiles(file, staging, manifest, onProgress);
  return manifest;
}

function parseManifest(file: string, staging: string): Manifest {
  const manifestPath = path.join(staging, MANIFEST_NAME);
  if (!fs.existsSync(manifestPath)) {
    throw new Invalid(`${file} has no ${MANIFEST_NAME}: it is not a Midad backup.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    throw new Invalid(`The manifest of ${file} is not valid JSON.`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== 'midad-backup')
    throw new Invalid(`${file} is not a Midad backup (format: ${String(format)}).`);
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Invalid(
      `The manifest of ${file} is not one this version of Midad reads (${issue?.path.join('.')}: ${issue?.message}).`,
    );
  }
  return parsed.data;
}

async function checkFiles(
  file: string,
  staging: string,
  manifest: Manifest,
  onProgress?: OnProgress,
): Promise<void> {
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (listed.has(entry.path)) throw new Invalid(`The manifest of ${file} lists ${entry.path} twice.`);
    listed.add(entry.path);
    const full = path.join(staging, ...entry.path.split('/'));
    if (!fs.existsSync(full))
      throw new Invalid(`${file} is missing ${entry.path}, which its manifest lists.`);
    const size = fs.statSync(full).size;
    if (size !== entry.size || (await sha256File(full)) !== entry.sha256) {
      throw new Invalid(`${entry.path} in ${file} does not match its checksum: the backup is damaged.`);
    }
    onProgress?.('checksums', listed.size, manifest.files.length);
  }
  const extra = listFiles(staging).find((p) => p !== MANIFEST_NAME && !listed.has(p));
  if (extra) throw new Invalid(`${file} holds ${extra}, which its manifest does not list.`);
}

/**
 * Reads a freshly written archive back and compares every entry with the manifest: a file that
 * changed while it was packed would otherwise give a backup that no restore accepts.
 */
async function checkWritten(file: string, manifest: Manifest): Promise<void> {
  const seen = new Map<string, Promise<string>>();
  const tar = await import('tar');
  await tar.t({
    file,
    strict: true,
    onReadEntry: (entry) => {
      const hash = createHash('sha256');
      seen.set(
        entry.path,
        new Promise((resolve, reject) => {
          entry.on('data', (chunk: Buffer) => hash.update(chunk));
          entry.on('end', () => resolve(hash.digest('hex')));
          entry.on('error', reject);
        }),
      );
    },
  });
  for (const expected of manifest.files) {
    const actual = await seen.get(expected.path);
    if (actual !== expected.sha256) {
      throw new SetupError(`${expected.path} changed while it was being archived; run the backup again.`);
    }
  }
}
