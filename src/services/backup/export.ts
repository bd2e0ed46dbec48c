// `midad export FILE`: writes the site as portable JSON (see export-format.ts), reading every
// table in one transaction so the rows agree with one another, and media files one at a time
// so memory stays flat. Written under a temporary name and renamed when complete.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { Invalid, SetupError } from '../../core/errors.ts';
import { openDatabase, parseDatabaseUrl } from '../../db/connect.ts';
import { digestRows, MEDIA_FILES, mediaDigestOf, type SiteDigests } from './digest.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, EXPORT_NOTE } from './export-format.ts';
import { listFiles } from './files.ts';
import { midadVersion } from './manifest.ts';
import type { OnProgress } from './progress.ts';
import { appliedMigrations, CONTENT_TABLES, readRows } from './tables.ts';

export interface ExportSummary {
  file: string;
  bytes: number;
  digests: SiteDigests;
  mediaFiles: number | null;
}

export async function exportSite(
  config: Config,
  output: string,
  options: { withoutMedia?: boolean; now?: Date; onProgress?: OnProgress } = {},
): Promise<ExportSummary> {
  const target = path.resolve(output);
  if (fs.existsSync(target)) throw new Invalid(`${target} already exists; give the export a new name.`);
  if (!fs.existsSync(path.dirname(target)))
    throw new Invalid(`The folder ${path.dirname(target)} does not exist.`);
  const engine = parseDatabaseUrl(config.databaseUrl);
  if (engine.dialect === 'sqlite' && !fs.existsSync(engine.target)) {
    throw new SetupError(`There is no database at ${path.resolve(engine.target)}: nothing to export.`);
  }
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      out.write(text, (err) => (err ? reject(err) : resolve()));
    });
  // Its one transaction is a snapshot: on SQLite it must not take the write lock from the server.
  const db = await openDatabase(config.databaseUrl, { snapshotReads: true });
  try {
    const head = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      midadVersion: midadVersion(),
      exportedAt: (options.now ?? new Date()).toISOString(),
      engine: engine.dialect,
      note: EXPORT_NOTE,
    };
    await write(`${JSON.stringify(head).slice(0, -1)},\n`);
    const tx = db.kysely.transaction();
    const digests: SiteDigests = await (engine.dialect === 'postgres'
      ? tx.setIsolationLevel('repeatable read')
      : tx
    ).execute(async (trx) => {
      const reader = { kysely: trx };
      await write(`"migrations":${JSON.stringify(await appliedMigrations(reader))},\n"tables":{`);
      const found: SiteDigests = {};
      for (const [i, table] of CONTENT_TABLES.entries()) {
        const rows = await readRows(reader, table);
        found[table.name] = digestRows(rows);
        await write(`${i > 0 ? ',' : ''}\n${JSON.stringify(table.name)}:[`);
        for (let j = 0; j < rows.length; j += 500) {
          const lines = rows.slice(j, j + 500).map((row) => `\n${JSON.stringify(row)}`);
          await write(`${j > 0 ? ',' : ''}${lines.join(',')}`);
        }
        await write(']');
        options.onProgress?.('tables', i + 1, CONTENT_TABLES.length);
      }
      await write('\n}');
      return found;
    });
    let mediaFiles: number | null = null;
    if (!options.withoutMedia) {
      const media = await writeMediaFiles(config.mediaRoot, write, options.onProgress);
      digests[MEDIA_FILES] = mediaDigestOf(media);
      mediaFiles = media.length;
    }
    await write(`,\n"digests":${JSON.stringify(digests)}\n}\n`);
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    fs.renameSync(partial, target);
    return { file: target, bytes: fs.statSync(target).size, digests, mediaFiles };
  } finally {
    out.destroy();
    fs.rmSync(partial, { force: true });
    await db.close();
  }
}

async function writeMediaFiles(
  mediaRoot: string,
  write: (text: string) => Promise<void>,
  onProgress?: OnProgress,
): Promise<{ path: string; sha256: string }[]> {
  const done: { path: string; sha256: string }[] = [];
  await write(',\n"mediaFiles":[');
  const files = listFiles(mediaRoot);
  for (const [i, rel] of files.entries()) {
    const bytes = fs.readFileSync(path.join(mediaRoot, ...rel.split('/')));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    done.push({ path: rel, sha256 });
    const entry = { path: rel, size: bytes.length, sha256, base64: bytes.toString('base64') };
    await write(`${i > 0 ? ',' : ''}\n${JSON.stringify(entry)}`);
    onProgress?.('media', i + 1, files.length);
  }
  await write(']');
  return done;
}
