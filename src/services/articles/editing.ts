// Creating and saving articles from the newsroom. A save names the version it started from;
// if someone saved since, nothing is written and the caller gets both versions to compare.
// An autosave of a published article is kept aside, never on the live page: a half-typed
// correction must not reach readers before the writer presses Update.
import { Conflict, Forbidden, Invalid, NotFound } from '../../core/errors.ts';
import { can } from '../../core/policies/index.ts';
import { slugify } from '../../core/slug.ts';
import type { Article, Lang, Person } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { type CleanArticle, type FieldErrors, placeholderSlug } from './input.ts';

export class ArticleInvalid extends Invalid {
  constructor(readonly errors: FieldErrors) {
    super('The article has errors.', errors);
  }
}

/** A save that started from an older version. The newer article is attached for comparison. */
export class StaleSave extends Conflict {
  constructor(readonly current: Article) {
    super(`Article ${current.id} was saved elsewhere (now version ${current.version}).`);
  }
}

export async function createDraft(services: Services, person: Person, lang: Lang): Promise<Article> {
  if (!can(person, { kind: 'article.create' })) throw new Forbidden('forbidden');
  return services.transaction(async (repos) => {
    const article = await repos.articles.create({
      lang,
      status: 'draft',
      title: '',
      slug: placeholderSlug(),
      authorIds: [person.id],
      commentsOpen: true,
    });
    await repos.audit.record({
      personId: person.id,
      action: 'article.created',
      targetType: 'article',
      targetId: String(article.id),
      details: { lang },
      ipHash: '',
    });
    return article;
  });
}

export interface SaveInput {
  id: number;
  expectedVersion: number;
  value: CleanArticle;
  /** Field problems found while cleaning the form. */
  errors: FieldErrors;
  /** Autosaves are never recorded as revisions: they would drown the real ones. */
  autosave: boolean;
  /** The form as typed, kept aside when an autosave meets a published article. */
  form?: Record<string, unknown>;
}

/** What a save did: `keptAside` is set when an autosave was put aside and the article left as it was. */
export interface SaveOutcome {
  article: Article;
  keptAside: { savedAt: string } | null;
}

export async function saveArticle(services: Services, person: Person, input: SaveInput): Promise<Article> {
  return (await saveOrKeepAside(services, person, input)).article;
}

export async function saveOrKeepAside(
  services: Services,
  person: Person,
  input: SaveInput,
): Promise<SaveOutcome> {
  const outcome = await services.transaction(async (repos, search) => {
    const current = await repos.articles.byId(input.id);
    if (!current || current.status === 'trashed') throw new NotFound('No such article.');
    if (!can(person, { kind: 'article.edit', article: current })) throw new Forbidden('forbidden');
    if (current.version !== input.expectedVersion) throw new StaleSave(current);
    if (input.autosave && current.status === 'published') {
      // Kept even with field errors: nothing is published from it, and it is the writer's work.
      const aside = await repos.autosaves.put({
        articleId: current.id,
        personId: person.id,
        baseVersion: current.version,
        form: input.form ?? {},
      });
      return { before: current, after: current, keptAside: { savedAt: aside.savedAt } };
    }

    const errors = { ...input.errors, ...(await checkReferences(repos, input.value, person, current)) };
    if (current.status === 'published' && input.value.title === '') errors.title = 'errTitleRequired';
    if (Object.keys(errors).length > 0) throw new ArticleInvalid(errors);

    const tagIds = await tagIdsFor(repos, input.value.tagNames);
    const v = input.value;
    let saved: Article;
    try {
      saved = await repos.articles.update(
        current.id,
        {
          title: v.title,
          slug: v.slug,
          dek: v.dek,
          bodyHtml: v.bodyHtml,
          lang: v.lang,
          sectionId: v.sectionId,
          featuredMediaId: v.featuredMediaId,
          isFeatured: v.isFeatured,
          isBreaking: v.isBreaking,
          commentsOpen: v.commentsOpen,
          seoTitle: v.seoTitle,
          seoDescription: v.seoDescription,
          authorIds: v.authorIds.length > 0 ? v.authorIds : current.authorIds,
          tagIds,
        },
        { expectedVersion: input.expectedVersion },
      );
    } catch (err) {
      if (err instanceof Conflict && /slug/.test(err.message))
        throw new ArticleInvalid({ slug: 'errSlugTaken' });
      if (err instanceof Conflict) throw new StaleSave((await repos.articles.byId(current.id)) ?? current);
      throw err;
    }
    if (saved.status === 'published' && !input.autosave) {
      await repos.revisions.create({
        articleId: saved.id,
        version: saved.version,
        title: saved.title,
        dek: saved.dek,
        bodyHtml: saved.bodyHtml,
        personId: person.id,
        reason: 'save',
      });
    }
    // A real save supersedes whatever this person had autosaved aside.
    if (!input.autosave) await repos.autosaves.discard(current.id, person.id);
    await search.indexArticle(saved.id);
    return { before: current, after: saved, keptAside: null };
  });
  if (!outcome.keptAside) await articleChanged(services.events, outcome.before, outcome.after);
  return { article: outcome.after, keptAside: outcome.keptAside };
}

/** Drops this person's autosave of an article they may edit; whether there was one. */
export async function discardAutosave(
  services: Services,
  person: Person,
  articleId: number,
): Promise<boolean> {
  return services.transaction(async (repos) => {
    const article = await repos.articles.byId(articleId);
    if (!article) throw new NotFound('No such article.');
    if (!can(person, { kind: 'article.edit', article })) throw new Forbidden('forbidden');
    return repos.autosaves.discard(article.id, person.id);
  });
}

async function checkReferences(
  repos: Repositories,
  v: CleanArticle,
  person: Person,
  current: Article,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (v.sectionId !== null && !(await repos.sections.byId(v.sectionId)))
    errors.section_id = 'errSectionMissing';
  if (v.featuredMediaId !== null && !(await repos.media.byId(v.featuredMediaId))) {
    errors.featured_media_id = 'errMediaMissing';
  }
  if (v.authorIds.length > 0) {
    const people = await repos.people.byIds(v.authorIds);
    if (people.length !== v.authorIds.length) errors.author_ids = 'errAuthorMissing';
    // Only editors choose someone else's byline; others must keep themselves on it.
    const isEditor = can(person, { kind: 'article.list-all' });
    if (!isEditor && !v.authorIds.includes(person.id) && current.authorIds.includes(person.id)) {
      errors.author_ids = 'errAuthorSelf';
    }
  }
  return errors;
}

/** Existing tags by name (case-insensitive), new ones created: tags are made on the fly. */
async function tagIdsFor(repos: Repositories, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const all = await repos.tags.list();
  const ids: number[] = [];
  for (const name of names) {
    const existing = all.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const base = slugify(name) || `tag-${all.length + ids.length + 1}`;
    let slug = base;
    for (let n = 2; (await repos.tags.bySlug(slug)) !== null; n++) slug = `${base}-${n}`;
    ids.push((await repos.tags.create({ slug, name })).id);
  }
  return [...new Set(ids)];
}

/** Puts a revision's title, dek and body back, as a new version; the restore is itself a revision. */
export async function restoreRevision(
  services: Services,
  person: Person,
  input: { articleId: number; revisionId: number },
): Promise<Article> {
  const { before, after } = await services.transaction(async (repos, search) => {
    const article = await repos.articles.byId(input.articleId);
    const revision = await repos.revisions.byId(input.revisionId);
    if (!article || !revision || revision.articleId !== article.id) throw new NotFound('No such revision.');
    if (!can(person, { kind: 'article.edit', article })) throw new Forbidden('forbidden');
    const restored = await repos.articles.update(
      article.id,
      { title: revision.title, dek: revision.dek, bodyHtml: revision.bodyHtml },
      { expectedVersion: article.version },
    );
    await repos.revisions.create({
      articleId: article.id,
      version: restored.version,
      title: restored.title,
      dek: restored.dek,
      bodyHtml: restored.bodyHtml,
      personId: person.id,
      reason: 'restore',
    });
    await repos.audit.record({
      personId: person.id,
      action: 'article.revision-restored',
      targetType: 'article',
      targetId: String(article.id),
      details: { revisionId: revision.id },
      ipHash: '',
    });
    await search.indexArticle(article.id);
    return { before: article, after: restored };
  });
  await articleChanged(services.events, before, after);
  return after;
}
