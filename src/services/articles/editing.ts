// What every way of saving an article shares: the refusals a writer can meet, and the write
// itself, run inside the calling command's transaction. A save names the version it started
// from; if someone saved since, nothing is written and the caller gets the newer article.
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { can } from '../../core/policies/index.ts';
import { isInterfaceLang } from '../../core/languages/choices.ts';
import { slugify } from '../../core/slug.ts';
import type { Article, Person } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { SearchIndex } from '../../search/contract.ts';
import { furtherEditions, loadSiteSettings, siteLanguages } from '../settings.ts';
import type { CleanArticle, FieldErrors } from './input.ts';
import { checkTextLanguage } from './text-language.ts';

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

export async function articleOrNotFound(repos: Pick<Repositories, 'articles'>, id: number): Promise<Article> {
  const article = await repos.articles.byId(id);
  if (!article) throw new NotFound('No such article.');
  return article;
}

export interface SaveWrite {
  expectedVersion: number;
  value: CleanArticle;
  /** Field problems found while cleaning the form. */
  errors: FieldErrors;
  /** Autosaves are never recorded as revisions: they would drown the real ones. */
  autosave?: boolean;
}

/**
 * Writes the cleaned form over `current` (read in this transaction), keeps a revision when the
 * article is live, drops this person's autosave kept aside, and re-indexes it.
 */
export async function writeSave(
  trx: Repositories,
  search: SearchIndex,
  person: Person,
  current: Article,
  input: SaveWrite,
): Promise<Article> {
  if (current.version !== input.expectedVersion) throw new StaleSave(current);
  const errors = { ...input.errors, ...(await checkReferences(trx, input.value, person, current)) };
  const text = await textLanguageToStore(trx, input.value, current);
  if (text.error) errors.text_lang = text.error;
  if (current.status === 'published' && input.value.title === '') errors.title = 'errTitleRequired';
  if (Object.keys(errors).length > 0) throw new ArticleInvalid(errors);

  // Tags picked from the suggestions by id, then names typed anew (found, or made).
  const tagIds = [...new Set([...input.value.tagIds, ...(await tagIdsFor(trx, input.value.tagNames))])];
  const v = input.value;
  let saved: Article;
  try {
    saved = await trx.articles.update(
      current.id,
      {
        title: v.title,
        slug: v.slug,
        dek: v.dek,
        bodyHtml: v.bodyHtml,
        lang: v.lang,
        ...(text.value !== undefined ? { textLang: text.value } : {}),
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
    if (err instanceof Conflict) throw new StaleSave((await trx.articles.byId(current.id)) ?? current);
    throw err;
  }
  if (saved.status === 'published' && !input.autosave) {
    await trx.revisions.create({
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
  if (!input.autosave) await trx.autosaves.discard(current.id, person.id);
  await search.indexArticle(saved.id);
  return saved;
}

/**
 * The text language a save writes: undefined leaves it, null is the edition's own. A tag is
 * canonicalised and must be one the site has switched on (as the write API's command checks);
 * the edition's own language is always accepted and stored as null.
 */
async function textLanguageToStore(
  repos: Repositories,
  v: CleanArticle,
  current: Article,
): Promise<{ value?: string | null; error?: string }> {
  if (v.textLang === undefined) {
    // The edition moved to the text's own language: the text is then simply the edition's.
    // (`textLang` reads as the edition's when none is stored, so that case writes null again.)
    return current.textLang === v.lang ? { value: null } : {};
  }
  if (v.textLang === '') return { value: null };
  const enabled = siteLanguages(await loadSiteSettings(repos));
  const check = checkTextLanguage(v.textLang, [
    ...enabled,
    { tag: v.lang, fallback: isInterfaceLang(v.lang) ? v.lang : 'en' },
  ]);
  if (!check.ok)
    return { error: check.code === 'invalid_language' ? 'errTextLangInvalid' : 'errTextLangNotEnabled' };
  return { value: check.tag === v.lang ? null : check.tag };
}

async function checkReferences(
  repos: Repositories,
  v: CleanArticle,
  person: Person,
  current: Article,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  // ar/fr/en are always accepted (as before editions were data); a further edition must be on,
  // unless the article is already in it (an edition switched off keeps its articles editable).
  if (!isInterfaceLang(v.lang) && v.lang !== current.lang) {
    if (!furtherEditions(await loadSiteSettings(repos)).includes(v.lang))
      errors.lang = 'errEditionNotEnabled';
  }
  // A story keeps one version per edition: moving this one where another version lives is refused.
  if (!errors.lang && v.lang !== current.lang && current.translationGroup !== null) {
    const versions = await repos.articles.translations(current.translationGroup);
    if (versions.some((a) => a.id !== current.id && a.lang === v.lang && a.status !== 'trashed'))
      errors.lang = 'errEditionTaken';
  }
  if (v.sectionId !== null && !(await repos.sections.byId(v.sectionId)))
    errors.section_id = 'errSectionMissing';
  if (v.featuredMediaId !== null && !(await repos.media.byId(v.featuredMediaId))) {
    errors.featured_media_id = 'errMediaMissing';
  }
  if (v.tagIds.length > 0 && (await repos.tags.byIds(v.tagIds)).length !== v.tagIds.length) {
    errors.tag_ids = 'errTagMissing';
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
