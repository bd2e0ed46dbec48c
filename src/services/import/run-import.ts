// `midad import wordpress`: a WordPress export (WXR) into this site. The file is read twice,
// streaming: the first pass checks all of it and gathers terms, authors and attachments; the
// second writes items in batches, each batch one transaction. Every written record is entered
// in the import map in the same transaction, so a second run changes nothing and a run
// interrupted at any point resumes where it stopped. A dry run does all of it in one
// transaction that is rolled back, and writes no media files.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { editionOfLanguage } from '../../core/languages/choices.ts';
import { parseInput } from '../../core/validation.ts';
import { fileSource, readWxr } from '../../importers/wordpress/reader.ts';
import type { WxrItem } from '../../importers/wordpress/types.ts';
import type { Services } from '../context.ts';
import { commentKey } from './comments.ts';
import type { ImportContext, ImportRepos } from './context.ts';
import { type BatchKnown, importItem } from './items.ts';
import { forcedLanguage, ImportLanguages } from './languages.ts';
import { joinTranslationGroups } from './translation-groups.ts';
import { adoptChannel, saveLanguages } from './site-settings.ts';
import { loadSiteSettings, siteLanguages } from '../settings.ts';
import { rewriteLinks } from './links.ts';
import { type ImportReport, ReportBuilder } from './report.ts';
import { scanExport, withItemId } from './scan.ts';
import { ImportRunOptions, permalinkBase } from './options.ts';
import { importAuthors, importTerms } from './terms.ts';

export const ImportInput = ImportRunOptions.extend({
  /** The export (WXR) on this machine. */
  file: z.string().min(1),
  /** Items per transaction. */
  batchSize: z.number().int().min(1).max(10_000).default(100),
});
export type ImportInput = z.input<typeof ImportInput>;

export interface ImportHooks {
  onProgress?: (done: number, total: number) => void;
  /** Called once the whole export has been read and found sound, before the first write. */
  beforeWrite?: () => Promise<void>;
}

/** The options of an import, with what the caller wants to hear of its progress. */
export type ImportOptions = ImportInput & ImportHooks;

class DryRunRollback extends Error {}

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

function checkUploads(dir: string | undefined): string | null {
  if (dir === undefined) return null;
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new Invalid(`The uploads folder ${dir} does not exist or is not a folder.`);
  return path.resolve(dir);
}

export async function importWordPress(services: Services, options: ImportOptions): Promise<ImportReport> {
  const { onProgress, beforeWrite } = options;
  const data = parseInput(ImportInput, options);
  const forced = forcedLanguage(data.language);
  const uploadsDir = checkUploads(data.uploadsDir);
  const categoryBase = permalinkBase(data.categoryBase, 'category', '--category-base');
  const tagBase = permalinkBase(data.tagBase, 'tag', '--tag-base');
  const fileName = data.file;
  const scan = await scanExport(data.file, fileName);
  const report = new ReportBuilder(data.file, data.dryRun);
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
  if (data.defaultAuthorEmail) {
    const person = await services.repos.people.byEmail(data.defaultAuthorEmail);
    if (!person)
      throw new Invalid(
        `--default-author: no person on this site has the e-mail ${data.defaultAuthorEmail}.`,
      );
    defaultAuthorId = person.id;
  }
  const site = siteLanguages(await loadSiteSettings(services.repos)).map((l) => ({ ...l }));
  const languages = new ImportLanguages(
    ImportLanguages.declaredOf(channel.language, site),
    forced,
    site,
    report,
  );
  if (!data.dryRun) await beforeWrite?.();
  const known = services.repos.imports;
  const ctx: ImportContext = {
    source,
    lang: editionOfLanguage(forced ?? languages.declared, site),
    languages,
    hosts: hostsOf(channel.link, channel.baseBlogUrl, channel.baseSiteUrl),
    scan,
    report,
    dryRun: data.dryRun,
    uploadsDir,
    mediaRoot: services.config.mediaRoot,
    skipPingbacks: data.skipPingbacks,
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
      await adoptChannel(repos, channel);
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
      onProgress?.(done, scan.items);
    };
    for await (const record of readWxr(fileSource(data.file), { fileName })) {
      if (record.kind !== 'item') continue;
      batch.push(withItemId(record.item));
      if (batch.length >= data.batchSize) await flush();
    }
    await flush();
    // Every article of this source, not only this run's: a resumed run must finish the links
    // of articles written before the interruption.
    const all = [...(await inBatch((repos) => repos.imports.all(source, 'article'))).values()];
    for (let i = 0; i < all.length; i += 200) {
      const ids = all.slice(i, i + 200);
      await inBatch((repos) => rewriteLinks(repos, ctx, ids));
    }
    // Groups hold the posts of earlier runs of this source too (see translation-groups.ts).
    for (const groups of languages.groups.batches(200))
      await inBatch((repos) => joinTranslationGroups(repos, source, groups, report));
    await inBatch((repos) => saveLanguages(repos, languages, report));
  };

  // One batch is one of the services' transactions, with the search index bound to it.
  const inTransaction = <T>(fn: (repos: ImportRepos) => Promise<T>) =>
    services.transaction((repos, search) => fn({ ...repos, search }));
  if (ctx.dryRun) {
    await inTransaction(async (repos) => {
      await run((fn) => fn(repos));
      throw new DryRunRollback();
    }).catch((err: unknown) => {
      if (!(err instanceof DryRunRollback)) throw err;
    });
  } else {
    await run(inTransaction);
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
