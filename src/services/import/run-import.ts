// `midad import wordpress`: a WordPress export (WXR) into this site. The file is read twice,
// streaming: the first pass checks all of it and gathers terms, authors and attachments; the
// second writes items in batches, each batch one transaction. Every written record is entered
// in the import map in the same transaction, so a second run changes nothing and a run
// interrupted at any point resumes where it stopped. A dry run does all of it in one
// transaction that is rolled back, and writes no media files.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { Invalid } from '../../core/errors.ts';
import { LANGUAGES, type Lang } from '../../core/types.ts';
import { createImportsRepository } from '../../db/repositories/imports.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Dialect } from '../../db/migrations/helpers.ts';
import type { Database } from '../../db/schema.ts';
import { fileSource, readWxr } from '../../importers/wordpress/reader.ts';
import { createSearchIndex, newSearchCache } from '../../search/search-index.ts';
import type { WxrItem } from '../../importers/wordpress/types.ts';
import { commentKey } from './comments.ts';
import type { ImportContext, ImportRepos } from './context.ts';
import { type BatchKnown, importItem } from './items.ts';
import { rewriteLinks } from './links.ts';
import { type ImportReport, ReportBuilder } from './report.ts';
import { scanExport, withItemId } from './scan.ts';
import { importAuthors, importTerms } from './terms.ts';
import type { Services } from '../context.ts';

export interface ImportOptions {
  file: string;
  uploadsDir?: string;
  dryRun?: boolean;
  /** E-mail of an existing person who gets the posts whose author is unknown. */
  defaultAuthorEmail?: string;
  skipPingbacks?: boolean;
  /** The old site's category base when it was not "category" (Settings → Permalinks). */
  categoryBase?: string;
  /** The old site's tag base when it was not "tag". */
  tagBase?: string;
  /** Items per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called once the whole export has been read and found sound, before the first write. */
  beforeWrite?: () => Promise<void>;
}

class DryRunRollback extends Error {}

function reposFor(dialect: Dialect) {
  const cache = newSearchCache();
  return (db: Kysely<Database>): ImportRepos => ({
    ...createRepositories(db),
    imports: createImportsRepository(db),
    search: createSearchIndex(db, dialect, cache),
  });
}

function langOf(language: string): Lang {
  const code = language.toLowerCase().slice(0, 2);
  return LANGUAGES.find((l) => l === code) ?? 'ar';
}

function hostsOf(...urls: string[]): Set<string> {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      if (!url) continue;
      // Old posts link to the site with and without "www." alike.
      const host = new URL(url).host.toLowerCase().replace(/^www\./, '');
      hosts.add(host).add(`www.${host}`);
    } catch {
      // a malformed URL names no host
    }
  }
  return hosts;
}

/** A permalink base as WordPress stores it, slashes trimmed; "" or absent means the default. */
export function permalinkBase(value: string | undefined, fallback: string, flag: string): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return fallback;
  const segments = trimmed.split('/');
  const wellFormed = segments.every((s) => /^[\p{L}\p{N}._%-]+$/u.test(s) && s !== '.' && s !== '..');
  if (!wellFormed) {
    throw new Invalid(
      `${flag}: "${value}" is not a permalink base (letters, digits, - and /, e.g. "rubrique").`,
    );
  }
  return trimmed;
}

function checkUploads(dir: string | undefined): string | null {
  if (dir === undefined) return null;
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new Invalid(`The uploads folder ${dir} does not exist or is not a folder.`);
  return path.resolve(dir);
}

export async function importWordPress(services: Services, options: ImportOptions): Promise<ImportReport> {
  const uploadsDir = checkUploads(options.uploadsDir);
  const categoryBase = permalinkBase(options.categoryBase, 'category', '--category-base');
  const tagBase = permalinkBase(options.tagBase, 'tag', '--tag-base');
  const fileName = options.file;
  const scan = await scanExport(options.file, fileName);
  const report = new ReportBuilder(options.file, options.dryRun === true);
  for (const w of scan.warnings) report.warn(w.message, w.line);
  const { channel } = scan;
  // The site's address without scheme or "www.": a later export of the same site after a move
  // to HTTPS must still be recognized as the same source.
  const source = (channel.baseBlogUrl || channel.link || channel.baseSiteUrl || path.basename(fileName))
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/+$/, '');
  report.report.source = source;
  report.report.wxrVersion = channel.version;

  let defaultAuthorId: number | null = null;
  if (options.defaultAuthorEmail) {
    const person = await services.repos.people.byEmail(options.defaultAuthorEmail);
    if (!person)
      throw new Invalid(
        `--default-author: no person on this site has the e-mail ${options.defaultAuthorEmail}.`,
      );
    defaultAuthorId = person.id;
  }
  if (!options.dryRun) await options.beforeWrite?.();
  const reposOf = reposFor(services.db.dialect);
  const known = reposOf(services.db.kysely).imports;
  const ctx: ImportContext = {
    source,
    lang: langOf(channel.language),
    hosts: hostsOf(channel.link, channel.baseBlogUrl, channel.baseSiteUrl),
    scan,
    report,
    dryRun: options.dryRun === true,
    uploadsDir,
    mediaRoot: services.config.mediaRoot,
    skipPingbacks: options.skipPingbacks === true,
    categoryBase,
    tagBase,
    defaultAuthorId,
    people: await known.all(source, 'person'),
    peopleByWpId: new Map(),
    sections: await known.all(source, 'section'),
    tags: await known.all(source, 'tag'),
    media: await known.all(source, 'media'),
  };

  const run = async (inBatch: <T>(fn: (repos: ImportRepos) => Promise<T>) => Promise<T>) => {
    await inBatch(async (repos) => {
      await importAuthors(repos, ctx);
      await importTerms(repos, ctx);
    });
    let done = 0;
    let batch: WxrItem[] = [];
    const flush = async () => {
      const items = batch;
      batch = [];
      await inBatch(async (repos) => {
        const ids = items.map((i) => i.postId);
        const keys = items.flatMap((i) => i.comments.map((c) => commentKey(i, c)));
        const batchKnown: BatchKnown = {
          articles: await repos.imports.targets(source, 'article', ids),
          comments: await repos.imports.targets(source, 'comment', keys),
          newArticles: [],
          meta: [],
        };
        for (const item of items) await importItem(repos, ctx, item, batchKnown);
        await repos.imports.recordMany(source, 'article', batchKnown.newArticles);
        await repos.imports.addMetaMany(batchKnown.meta);
      });
      done += items.length;
      options.onProgress?.(done, scan.items);
    };
    for await (const record of readWxr(fileSource(options.file), { fileName })) {
      if (record.kind !== 'item') continue;
      batch.push(withItemId(record.item));
      if (batch.length >= (options.batchSize ?? 100)) await flush();
    }
    await flush();
    // Every article of this source, not only this run's: a resumed run must finish the links
    // of articles written before the interruption.
    const all = [...(await inBatch((repos) => repos.imports.all(source, 'article'))).values()];
    for (let i = 0; i < all.length; i += 200) {
      const ids = all.slice(i, i + 200);
      await inBatch((repos) => rewriteLinks(repos, ctx, ids));
    }
  };

  const kysely = services.db.kysely;
  if (ctx.dryRun) {
    await kysely
      .transaction()
      .execute(async (trx) => {
        const repos = reposOf(trx);
        await run((fn) => fn(repos));
        throw new DryRunRollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof DryRunRollback)) throw err;
      });
  } else {
    await run((fn) => kysely.transaction().execute((trx) => fn(reposOf(trx))));
    // New people and tags are names the search analyzer protects from stemming.
    services.search.forgetNames();
  }
  return report.finish();
}

/**
 * Imported articles are written without change events, so their related lists (and those of
 * the articles around them) are rebuilt once after an import: one pass over the site costs far
 * less than one refresh per article. Called once importWordPress has returned, so the export's
 * data is garbage by then and the two never hold memory at the same time.
 */
export async function rebuildAfterImport(services: Services): Promise<void> {
  await services.transaction((_repos, search) => search.related.rebuild());
}
