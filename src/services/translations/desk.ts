// The translation desk of one article: every version of the story with its status, which one
// each was translated from, whether its source changed since it was last checked, the site's
// languages the story is still missing, and articles that could be linked as versions of it.
import { type Person, type Article, LANGUAGES } from '../../core/types.ts';
import { sourceChanged } from '../../core/translations.ts';
import { articleOrNotFound } from '../articles/editing.ts';
import type { Services } from '../context.ts';
import { loadSiteSettings, servedLanguages } from '../settings.ts';
import { mayReadSource } from './access.ts';
import { type TranslationTarget, translationTargets } from './targets.ts';
import { can } from '../../core/policies/index.ts';
import { Forbidden } from '../../core/errors.ts';

export interface DeskVersion {
  article: Article;
  /** The version this one was translated from, when the desk knows it. */
  sourceId: number | null;
  reviewedAt: string | null;
  /** Published, and its source changed after it was published and last reviewed. */
  sourceChanged: boolean;
  /** The person may open it in the editor. */
  editable: boolean;
}

export interface TranslationDesk {
  article: Article;
  versions: DeskVersion[];
  /**
   * The site's languages whose edition has no version yet: "translate into …" offers these
   * (editions, and content languages such as Persian published in the French edition).
   */
  missing: TranslationTarget[];
  /** Recent articles in other languages, not in this story, that may be linked to it. */
  candidates: Article[];
  /** The source of the opened article, when it is a translation (side-by-side reading). */
  source: Article | null;
}

const CANDIDATES_PER_LANGUAGE = 30;

/** The story's versions with their links and flags (what the editor's panel and the desk share). */
async function storyVersions(services: Services, person: Person, article: Article) {
  const { repos } = services;
  const group =
    article.translationGroup === null
      ? [article]
      : await repos.articles.translations(article.translationGroup);
  const members = group.filter((a) => a.status !== 'trashed' || a.id === article.id);
  const links = await repos.translations.touching(members.map((a) => a.id));
  const linkOf = new Map(links.map((l) => [l.articleId, l]));
  const byId = new Map(members.map((a) => [a.id, a]));
  const versions = members.map((a): DeskVersion => {
    const link = linkOf.get(a.id) ?? null;
    const source = link ? byId.get(link.sourceId) : undefined;
    return {
      article: a,
      sourceId: link?.sourceId ?? null,
      reviewedAt: link?.reviewedAt ?? null,
      sourceChanged: link && source ? sourceChanged(link, a, source) : false,
      editable: can(person, { kind: 'article.edit', article: a }),
    };
  });
  const ownLink = linkOf.get(article.id);
  const source = ownLink ? (byId.get(ownLink.sourceId) ?? null) : null;
  return { members, versions, source };
}

export interface TranslationSummary {
  /** Versions of the story besides this one. */
  others: number;
  /** Versions whose source changed after they were published (this one included). */
  flagged: number;
  /** This article's source, when it is a translation. */
  source: Article | null;
  thisFlagged: boolean;
}

/** What the editor shows of the story's translations: counts, flags and the source to read. */
export async function translationSummary(
  services: Services,
  person: Person,
  article: Article,
): Promise<TranslationSummary> {
  const { members, versions, source } = await storyVersions(services, person, article);
  return {
    others: members.length - 1,
    flagged: versions.filter((v) => v.sourceChanged).length,
    source,
    thisFlagged: versions.some((v) => v.article.id === article.id && v.sourceChanged),
  };
}

export async function translationDesk(
  services: Services,
  person: Person,
  articleId: number,
): Promise<TranslationDesk> {
  const { repos } = services;
  const article = await articleOrNotFound(repos, articleId);
  if (!mayReadSource(person, article)) throw new Forbidden('You may not see this article.');
  const { members, versions, source } = await storyVersions(services, person, article);
  const byId = new Map(members.map((a) => [a.id, a]));
  const settings = await loadSiteSettings(repos);
  const present = new Set(members.map((a) => a.lang));
  const missing = translationTargets(settings).filter((t) => !present.has(t.edition));
  const others = LANGUAGES.filter((l) => l !== article.lang && servedLanguages(settings).includes(l));
  const candidates: Article[] = [];
  for (const lang of others) {
    if (present.has(lang)) continue;
    const page = await repos.articles.listForNewsroom({
      lang,
      limit: CANDIDATES_PER_LANGUAGE,
      ...(can(person, { kind: 'article.list-all' }) ? {} : { authorId: person.id }),
    });
    candidates.push(...page.items.filter((a) => a.status !== 'trashed' && !byId.has(a.id)));
  }
  return { article, versions, missing, candidates, source };
}
