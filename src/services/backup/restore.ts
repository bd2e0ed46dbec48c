// `midad restore`: checks the whole archive (manifest, every checksum, engine, migration level,
// the content digests of the database copy) in a staging folder beside the data folder, and
// only then puts it in place: the SQLite file and the data folder by renames, a PostgreSQL
// database by psql in one transaction, checked again before the schema it replaced (kept aside
// under another name) is dropped. A refused restore changes nothing in the target.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import { openDatabase, parseDatabaseUrl } from '../../db/connect.ts';
import { MIGRATION_NAMES } from '../../db/migrate.ts';
import { readArchive } from './archive.ts';
import { differences, MEDIA_FILES, mediaDigest, type SiteDigests, tableDigests } from './digest.ts';
import { isEmptyDir, stagingDirBeside, swapIntoPlace } from './files.ts';
import { DATA_PREFIX, DATABASE_ENTRY, type Manifest } from './manifest.ts';
import { dropAside, putBack, relationsIn, requireTool, restorePostgres } from './postgres.ts';
import type { OnProgress } from './progress.ts';
import { checkSqliteFile, openReadOnly, sqliteFiles } from './sqlite-snapshot.ts';

export interface RestoreSummary {
  manifest: Manifest;
  dataDir: string;
  database: string;
}

export async function restoreBackup(
  config: Config,
  file: string,
  options: { force: boolean; onProgress?: OnProgress },
): Promise<RestoreSummary> {
  const archive = path.resolve(file);
  const engine = parseDatabaseUrl(config.databaseUrl);
  const dataDir = path.resolve(config.dataDir);
  const dbFile = engine.dialect === 'sqlite' ? path.resolve(engine.target) : null;
  if (!fs.existsSync(archive)) throw new Invalid(`The file ${archive} does not exist.`);
  if (archive.startsWith(dataDir + path.sep)) {
    throw new Invalid(`The backup ${archive} is inside the data folder it would replace; move it out first.`);
  }
  if (engine.dialect === 'postgres') requireTool('psql');
  if (!options.force) refuseNonEmpty(dataDir, dbFile);

  const staging = stagingDirBeside(dataDir, 'restore');
  try {
    const unpacked = path.join(staging, 'archive');
    fs.mkdirSync(unpacked);
    const manifest = await readArchive(archive, unpacked, options.onProgress);
    checkCompatible(manifest, engine.dialect);
    const newData = path.join(unpacked, ...DATA_PREFIX.split('/').filter(Boolean));
    fs.mkdirSync(newData, { recursive: true });
    await expectDigests(archive, manifest, { [MEDIA_FILES]: await mediaDigest(path.join(newData, 'media')) });
    const dump = path.join(unpacked, ...DATABASE_ENTRY[manifest.engine].split('/'));
    if (dbFile) {
      checkSqliteFile(dump, `The database in ${archive}`);
      const db = openReadOnly(dump);
      try {
        await expectDigests(archive, manifest, await tableDigests(db));
      } finally {
        await db.close();
      }
      placeSqlite(dump, newData, dataDir, dbFile);
    } else {
      await restorePostgresTarget(config.databaseUrl, manifest, dump, staging, options.force);
      swapIntoPlace(newData, dataDir);
    }
    return { manifest, dataDir, database: dbFile ?? describeUrl(config.databaseUrl) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function refuseNonEmpty(dataDir: string, dbFile: string | null): void {
  if (!isEmptyDir(dataDir)) {
    throw new Conflict(
      `The data folder ${dataDir} is not empty; restore into an empty one, or add --force to replace it.`,
    );
  }
  if (dbFile && fs.existsSync(dbFile)) {
    throw new Conflict(`The database ${dbFile} already exists; add --force to replace it.`);
  }
}

function checkCompatible(manifest: Manifest, dialect: 'sqlite' | 'postgres'): void {
  if (manifest.engine !== dialect) {
    throw new Invalid(
      `This is a ${manifest.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup and DATABASE_URL names ` +
        `${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}. To move a site between engines, use ` +
        '"midad export" on the old site and "midad import midad" on the new one.',
    );
  }
  const unknown = manifest.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length > 0) {
    throw new Invalid(
      `This backup was made by a newer Midad (${manifest.midadVersion}, migration ${unknown[0]}); ` +
        'upgrade Midad before restoring it.',
    );
  }
}

async function expectDigests(archive: string, manifest: Manifest, actual: SiteDigests): Promise<void> {
  const expected = Object.fromEntries(Object.keys(actual).map((k) => [k, manifest.digests[k]]));
  const wrong = differences(expected as SiteDigests, actual);
  if (wrong.length > 0) {
    throw new Invalid(
      `The content of ${archive} does not match its manifest (${wrong.join(', ')}): the backup is damaged.`,
    );
  }
}

/** The SQLite file goes into the new data folder (or beside its old place), then the folder into place. */
function placeSqlite(dump: string, newData: string, dataDir: string, dbFile: string): void {
  const inside = dbFile.startsWith(dataDir + path.sep);
  if (inside) {
    const dest = path.join(newData, path.relative(dataDir, dbFile));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.renameSync(dump, dest);
    swapIntoPlace(newData, dataDir);
    return;
  }
  swapIntoPlace(newData, dataDir);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  // Journal files of the replaced database would be replayed into the restored one.
  for (const f of sqliteFiles(dbFile).slice(1)) fs.rmSync(f, { force: true });
  const temp = `${dbFile}.restoring`;
  fs.copyFileSync(dump, temp);
  fs.renameSync(temp, dbFile);
}

async function restorePostgresTarget(
  url: string,
  manifest: Manifest,
  dump: string,
  staging: string,
  force: boolean,
): Promise<void> {
  const schema = manifest.postgres?.schema;
  if (!schema) throw new Invalid('The manifest of this PostgreSQL backup does not name its schema.');
  const db = await openDatabase(url);
  try {
    if (db.schema !== schema) {
      throw new Invalid(
        `The backup holds the PostgreSQL schema "${schema}", and DATABASE_URL uses "${db.schema}"; ` +
          'set the search_path of the target to the same schema.',
      );
    }
    const existing = await relationsIn(db, schema);
    if (existing.length > 0 && !force) {
      throw new Conflict(
        `The database ${db.location} already holds ${existing.length} tables (${existing.slice(0, 3).join(', ')}…); ` +
          'restore into an empty database, or add --force to replace them.',
      );
    }
    const restored = await restorePostgres(db, url, schema, dump, staging);
    // Checked after psql's commit, with the replaced schema still kept aside under another name.
    let wrong: string[];
    try {
      wrong = differences(
        Object.fromEntries(
          Object.keys(manifest.digests)
            .filter((k) => k !== MEDIA_FILES)
            .map((k) => [k, manifest.digests[k]]),
        ) as SiteDigests,
        await tableDigests(db),
      );
    } catch (err) {
      await putBack(db, restored);
      throw err;
    }
    if (wrong.length > 0) {
      await putBack(db, restored);
      throw new Invalid(
        `The database restored from the backup differs from it in ${wrong.join(', ')}; ` +
          'the database was put back as it was.',
      );
    }
    await dropAside(db, restored);
  } finally {
    await db.close();
  }
}

function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}
