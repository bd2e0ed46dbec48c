// `midad backup`: one archive with a consistent copy of the database (SQLite's online backup
// API, or pg_dump from an exported snapshot), every file of the data folder (media, import
// reports), the content digests and a manifest with checksums. The site keeps serving.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { Invalid } from '../../core/errors.ts';
import { type Db, openDatabase, parseDatabaseUrl } from '../../db/connect.ts';
import { writeArchive } from './archive.ts';
import { MEDIA_FILES, mediaDigestOf, type SiteDigests, tableDigests } from './digest.ts';
import { describeFile, type FileEntry, listFiles, stagingDirBeside } from './files.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATA_PREFIX,
  DATABASE_ENTRY,
  type Manifest,
  midadVersion,
} from './manifest.ts';
import { dumpPostgres, requireTool, withSnapshot } from './postgres.ts';
import type { OnProgress } from './progress.ts';
import { openReadOnly, snapshotSqlite, sqliteFiles } from './sqlite-snapshot.ts';
import { appliedMigrations } from './tables.ts';

export interface BackupSummary {
  file: string;
  manifest: Manifest;
  bytes: number;
}

interface DatabaseCopy {
  file: string;
  migrations: string[];
  digests: SiteDigests;
  postgres?: Manifest['postgres'];
}

export async function createBackup(
  config: Config,
  output: string,
  options: { now?: Date; onProgress?: OnProgress } = {},
): Promise<BackupSummary> {
  const target = path.resolve(output);
  if (fs.existsSync(target)) throw new Invalid(`${target} already exists; give the backup a new name.`);
  if (!fs.existsSync(path.dirname(target))) {
    throw new Invalid(`The folder ${path.dirname(target)} does not exist.`);
  }
  const engine = parseDatabaseUrl(config.databaseUrl);
  if (engine.dialect === 'postgres') requireTool('pg_dump');
  const work = stagingDirBeside(target, 'backup');
  try {
    const copy =
      engine.dialect === 'sqlite'
        ? await copySqlite(engine.target, work)
        : await copyPostgres(config.databaseUrl, work);
    const dataFiles = await describeDataFolder(
      config.dataDir,
      [...(engine.dialect === 'sqlite' ? sqliteFiles(path.resolve(engine.target)) : []), target, work],
      options.onProgress,
    );
    const media = dataFiles
      .filter((f) => f.path.startsWith('media/'))
      .map((f) => ({ path: f.path.slice('media/'.length), sha256: f.sha256 }));
    const databaseEntry = {
      ...(await describeFile(work, path.basename(copy.file))),
      path: DATABASE_ENTRY[engine.dialect],
    };
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      midadVersion: midadVersion(),
      engine: engine.dialect,
      createdAt: (options.now ?? new Date()).toISOString(),
      migrations: copy.migrations,
      ...(copy.postgres ? { postgres: copy.postgres } : {}),
      digests: { ...copy.digests, [MEDIA_FILES]: mediaDigestOf(media) },
      files: [databaseEntry, ...dataFiles.map((f) => ({ ...f, path: `${DATA_PREFIX}${f.path}` }))],
    };
    const sources = new Map<string, string>([[databaseEntry.path, copy.file]]);
    for (const f of dataFiles)
      sources.set(`${DATA_PREFIX}${f.path}`, path.join(config.dataDir, ...f.path.split('/')));
    await writeArchive(target, { manifest, sources, workDir: work }, options.onProgress);
    return { file: target, manifest, bytes: fs.statSync(target).size };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function copySqlite(source: string, work: string): Promise<DatabaseCopy> {
  const file = path.join(work, 'midad.db');
  await snapshotSqlite(path.resolve(source), file);
  const db = openReadOnly(file);
  try {
    return { file, migrations: await appliedMigrations(db), digests: await tableDigests(db) };
  } finally {
    await db.close();
  }
}

async function copyPostgres(url: string, work: string): Promise<DatabaseCopy> {
  const file = path.join(work, 'midad.sql');
  const db: Db = await openDatabase(url);
  try {
    return await withSnapshot(db, async (snapshot, trx) => {
      const migrations = await appliedMigrations(trx);
      const digests = await tableDigests(trx);
      await dumpPostgres(url, snapshot, file);
      return {
        file,
        migrations,
        digests,
        postgres: { schema: snapshot.schema, serverVersion: snapshot.serverVersion },
      };
    });
  } finally {
    await db.close();
  }
}

/** Every file of the data folder except the live database files and the backup's own files. */
async function describeDataFolder(
  dataDir: string,
  exclude: string[],
  onProgress?: OnProgress,
): Promise<FileEntry[]> {
  const root = path.resolve(dataDir);
  const skipped = new Set(exclude.map((p) => path.resolve(p)));
  const files = listFiles(root, (rel) => {
    const full = path.join(root, ...rel.split('/'));
    return skipped.has(full) || [...skipped].some((s) => full.startsWith(`${s}.partial-`));
  });
  const out: FileEntry[] = [];
  for (const rel of files) {
    out.push(await describeFile(root, rel));
    onProgress?.('checksums', out.length, files.length);
  }
  return out;
}
