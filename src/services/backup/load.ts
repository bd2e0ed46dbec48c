// `midad import midad FILE`: loads a portable export into an empty site (or, with --force, in
// place of the site's content) in one transaction: rows with their ids, identity counters
// moved past them, the search index and related lists rebuilt, and the content digests
// compared with the export's before the commit. Media files are checked and written to a
// staging folder first and put in place after the commit.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import { MIGRATION_NAMES } from '../../db/migrate.ts';
import { openServices, type Services } from '../context.ts';
import { differences, MEDIA_FILES, mediaDigest, type SiteDigests } from './digest.ts';
import { EXPORT_FORMAT, SiteExport } from './export-format.ts';
import { isEmptyDir, stagingDirBeside, swapIntoPlace } from './files.ts';
import { loadRows } from './load-rows.ts';
import type { OnProgress } from './progress.ts';
import { CONTENT_TABLES } from './tables.ts';

export interface LoadSummary {
  digests: SiteDigests;
  mediaFiles: number | null;
  articlesIndexed: number;
}

export async function loadExport(
  config: Config,
  file: string,
  options: { force: boolean; onProgress?: OnProgress },
): Promise<LoadSummary> {
  const data = parseExport(path.resolve(file));
  // The media files are checked before the database is opened (and so migrated): a damaged
  // export leaves no trace in the target, not even empty tables.
  let staging = data.mediaFiles ? await stageMedia(config.mediaRoot, data, file, options.onProgress) : null;
  try {
    const services = await openServices(config);
    let indexed: number;
    try {
      if (!options.force) await refuseNonEmpty(services);
      indexed = await loadRows(services, data, options.force, options.onProgress);
    } finally {
      await services.close();
    }
    if (staging) swapIntoPlace(staging, config.mediaRoot);
    staging = null;
    return { digests: data.digests, mediaFiles: data.mediaFiles?.length ?? null, articlesIndexed: indexed };
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The export's media files in a staging folder, each checked, and the whole against its digest. */
async function stageMedia(
  mediaRoot: string,
  data: SiteExport,
  file: string,
  onProgress?: OnProgress,
): Promise<string> {
  const staging = writeMediaStaging(mediaRoot, data, onProgress);
  const wrong = differences({ [MEDIA_FILES]: data.digests[MEDIA_FILES] } as SiteDigests, {
    [MEDIA_FILES]: await mediaDigest(staging),
  });
  if (wrong.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Invalid(`The media files of ${file} do not match its digest: the export is damaged.`);
  }
  return staging;
}

function parseExport(file: string): SiteExport {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new Invalid(`The file ${file} does not exist.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Invalid(`${file} is not valid JSON (${(err as Error).message}); is it cut short?`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== EXPORT_FORMAT)
    throw new Invalid(`${file} is not a Midad export (format: ${String(format)}).`);
  const parsed = SiteExport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Invalid(
      `${file} is not an export this version of Midad reads (${issue?.path.join('.')}: ${issue?.message}).`,
    );
  }
  const data = parsed.data;
  const unknownMigration = data.migrations.find((m) => !MIGRATION_NAMES.includes(m));
  if (unknownMigration) {
    throw new Invalid(
      `${file} was exported by a newer Midad (${data.midadVersion}); upgrade Midad before loading it.`,
    );
  }
  const known = new Set(CONTENT_TABLES.map((t) => t.name));
  const unknownTable = Object.keys(data.tables).find((t) => !known.has(t));
  if (unknownTable)
    throw new Invalid(`${file} has a table this version of Midad does not know: ${unknownTable}.`);
  return data;
}

async function refuseNonEmpty(services: Services): Promise<void> {
  for (const table of CONTENT_TABLES) {
    const row = (
      await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table.name)}`.execute(
        services.db.kysely,
      )
    ).rows[0];
    if (Number(row?.n ?? 0) > 0) {
      throw new Conflict(
        `The site at ${services.db.location} is not empty (its ${table.name} table has rows); ` +
          'load into a new site, or add --force to replace its content.',
      );
    }
  }
  if (!isEmptyDir(services.config.mediaRoot)) {
    throw new Conflict(
      `The media folder ${services.config.mediaRoot} is not empty; add --force to replace it.`,
    );
  }
}

/** Checks every media file against its size and checksum, and writes them to a staging folder. */
function writeMediaStaging(mediaRoot: string, data: SiteExport, onProgress?: OnProgress): string {
  const staging = stagingDirBeside(mediaRoot, 'load');
  try {
    const files = data.mediaFiles ?? [];
    for (const [i, media] of files.entries()) {
      const bytes = Buffer.from(media.base64, 'base64');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== media.size || sha256 !== media.sha256) {
        throw new Invalid(
          `The media file ${media.path} in the export does not match its checksum: the export is damaged.`,
        );
      }
      const dest = path.join(staging, ...media.path.split('/'));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, bytes);
      onProgress?.('media', i + 1, files.length);
    }
    return staging;
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
