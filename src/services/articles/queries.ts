// What the newsroom's article pages show: the editor's article with what its menus and side
// panels need, and one revision (the list is in list.ts). Each returns plain data; the pages word it.
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Revision } from '../../core/revisions.ts';
import type { Article, IsoDate, Lang, Person, Section, Tag } from '../../core/types.ts';
import type { Services } from '../context.ts';
import { loadSiteSettings, siteLanguages } from '../settings.ts';
import { articleOrNotFound } from './editing.ts';

/** The article, if this person may open it in the editor (NotFound, Forbidden otherwise). */
export async function editableArticle(
  services: Pick<Services, 'repos'>,
  person: Person,
  articleId: number,
): Promise<Article> {
  const article = await articleOrNotFound(services.repos, articleId);
  authorize(person, { kind: 'article.edit', article });
  return article;
}

export interface EditorArticle {
  article: Article;
  tags: Tag[];
  /** This person's autosave of the published article, kept aside: the form as typed. */
  aside: { form: Record<string, unknown>; baseVersion: number; savedAt: IsoDate } | null;
  timezone: string;
}

export async function articleForEditor(
  services: Pick<Services, 'repos'>,
  person: Person,
  articleId: number,
): Promise<EditorArticle> {
  const article = await editableArticle(services, person, articleId);
  const [tags, aside, { timezone }] = await Promise.all([
    services.repos.tags.byIds(article.tagIds),
    services.repos.autosaves.find(article.id, person.id),
    loadSiteSettings(services.repos),
  ]);
  return {
    article,
    tags,
    aside: aside ? { form: aside.form, baseVersion: aside.baseVersion, savedAt: aside.savedAt } : null,
    timezone,
  };
}

export interface EditorSupport {
  timezone: string;
  /** The languages the site writes in: the choices of the text's language. */
  languages: { tag: string; fallback: Lang }[];
  sections: Section[];
  /** People who can be put on a byline (not disabled). */
  people: { id: number; name: string }[];
  revisions: Revision[];
  previewLinks: number;
  /** Other people with autosaved changes kept aside, oldest first. */
  othersAside: { name: string; savedAt: IsoDate }[];
  /** The newest images for the featured-image menu, plus the one already chosen. */
  media: { id: number; label: string }[];
}

export async function editorSupport(
  services: Pick<Services, 'repos' | 'db'>,
  person: Person,
  article: Article,
): Promise<EditorSupport> {
  const { repos } = services;
  const [settings, sections, people, revisions, previews, asides, media] = await Promise.all([
    loadSiteSettings(repos),
    repos.sections.list(),
    repos.people.list(),
    repos.revisions.listForArticle(article.id),
    repos.previews.activeForArticle(article.id),
    repos.autosaves.listForArticle(article.id),
    recentImages(services, article.featuredMediaId),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    timezone: settings.timezone,
    languages: siteLanguages(settings),
    sections,
    people: people.filter((p) => !p.disabled).map((p) => ({ id: p.id, name: p.name })),
    revisions,
    previewLinks: previews.length,
    othersAside: asides
      .filter((a) => a.personId !== person.id && names.has(a.personId))
      .map((a) => ({ name: names.get(a.personId)!, savedAt: a.savedAt })),
    media,
  };
}

async function recentImages(
  services: Pick<Services, 'repos' | 'db'>,
  chosen: number | null,
): Promise<{ id: number; label: string }[]> {
  const rows = await services.db.kysely
    .selectFrom('media')
    .select(['id', 'alt', 'caption', 'path'])
    .where('mime', 'like', 'image/%')
    .orderBy('id', 'desc')
    .limit(60)
    .execute();
  if (chosen !== null && !rows.some((r) => r.id === chosen)) {
    const m = await services.repos.media.byId(chosen);
    if (m) rows.push({ id: m.id, alt: m.alt, caption: m.caption, path: m.path });
  }
  return rows.map((r) => ({ id: r.id, label: `#${r.id} ${r.alt || r.caption || r.path}`.slice(0, 90) }));
}

export interface RevisionPage {
  article: Article;
  revision: Revision;
  timezone: string;
}

export async function revisionForPage(
  services: Pick<Services, 'repos'>,
  person: Person,
  input: { articleId: number; revisionId: number },
): Promise<RevisionPage> {
  const article = await editableArticle(services, person, input.articleId);
  const revision = await services.repos.revisions.byId(input.revisionId);
  if (!revision || revision.articleId !== article.id) throw new NotFound('No such revision.');
  const { timezone } = await loadSiteSettings(services.repos);
  return { article, revision, timezone };
}
