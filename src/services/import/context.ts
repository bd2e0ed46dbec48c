// What every step of an import shares: the repositories of the current batch's transaction,
// the maps from WordPress keys to Midad ids built so far, and the report.
import { isValidSlug, slugify } from '../../core/slug.ts';
import type { Edition } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { SearchIndex } from '../../search/contract.ts';
import type { ImportLanguages } from './languages.ts';
import type { ReportBuilder } from './report.ts';
import { lenientDecode, redirectKey } from './paths.ts';
import type { ScanResult } from './scan.ts';

/** The repositories of one batch's transaction, with the search index kept in the same one. */
export type ImportRepos = Repositories & { search: SearchIndex };

export interface ImportContext {
  /** Identifies the old site in the import map: its base URL. */
  source: string;
  /** The edition of the export's declared language: where its sections' and tags' old URLs go. */
  lang: Edition;
  /** Each post's language, from its text (see languages.ts). */
  languages: ImportLanguages;
  /** Hosts of the old site, for recognizing its own links. */
  hosts: Set<string>;
  scan: ScanResult;
  report: ReportBuilder;
  dryRun: boolean;
  uploadsDir: string | null;
  mediaRoot: string;
  skipPingbacks: boolean;
  /** The old site's category and tag bases (Settings → Permalinks), without slashes. */
  categoryBase: string;
  tagBase: string;
  defaultAuthorId: number | null;
  /** WordPress login (lower case) → person id. */
  people: Map<string, number>;
  /** WordPress author id → person id, for comments written by signed-in users. */
  peopleByWpId: Map<string, number>;
  /** Category nicename as written (lower case) → section id. */
  sections: Map<string, number>;
  /** Tag slug as written (lower case) → tag id. */
  tags: Map<string, number>;
  /** WordPress attachment id → media id (-1: looked at, not imported). */
  media: Map<string, number>;
  /** Uploads path (lower case) → attachment id, built on first use. */
  attachmentsByFile?: Map<string, string>;
}

export const SLUG_CHARS = 200;

/**
 * A Midad slug from a WordPress one: percent-decoded (a character cut by WordPress's 200-byte
 * limit is dropped, with a warning), kept when already valid, otherwise rebuilt.
 */
export function importSlug(
  ctx: ImportContext,
  raw: string,
  fallbackText: string,
  fallback: string,
  line?: number,
): string {
  const { text, repaired } = lenientDecode(raw.trim());
  if (repaired)
    ctx.report.warn(`the slug "${raw}" was cut in the middle of a character; repaired as "${text}"`, line);
  const lowered = text.toLowerCase();
  if (isValidSlug(lowered, SLUG_CHARS)) return lowered;
  return slugify(lowered, SLUG_CHARS) || slugify(fallbackText, SLUG_CHARS) || fallback;
}

/** Adds an old path → new path redirect unless the old path already has one. */
export async function addRedirect(
  repos: ImportRepos,
  ctx: ImportContext,
  oldPath: string | null,
  to: string,
) {
  const key = oldPath === null ? null : redirectKey(oldPath);
  if (key === null || key === to) return;
  const existing = await repos.redirects.byFromPath(key);
  if (existing) {
    // The same old URL twice (a guid equal to the link) is one redirect; another target is a clash.
    if (existing.toPath !== to) {
      ctx.report.count('redirects', 'skipped');
      ctx.report.warn(`the old URL ${key} already redirects to ${existing.toPath}; kept`);
    }
    return;
  }
  await repos.redirects.create({ fromPath: key, toPath: to, statusCode: 301 });
  ctx.report.count('redirects', 'imported');
}

/** Adds the redirects from old paths to one new path, in one round trip; clashes are reported. */
export async function addRedirects(
  repos: ImportRepos,
  ctx: ImportContext,
  oldPaths: readonly (string | null)[],
  to: string,
): Promise<void> {
  const keys = [...new Set(oldPaths.flatMap((p) => (p === null ? [] : (redirectKey(p) ?? []))))].filter(
    (k) => k !== to,
  );
  const existing = await repos.imports.addRedirects(keys.map((fromPath) => ({ fromPath, toPath: to })));
  ctx.report.count('redirects', 'imported', keys.length - existing.length);
  for (const e of existing) {
    if (e.toPath === to) continue;
    ctx.report.count('redirects', 'skipped');
    ctx.report.warn(`the old URL ${e.fromPath} already redirects to ${e.toPath}; kept`);
  }
}

/** The first of slug, slug-2, slug-3… that `taken` says is free. */
export async function freeSlug(
  slug: string,
  taken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  if (!(await taken(slug))) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
