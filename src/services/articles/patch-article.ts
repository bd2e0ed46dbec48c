// Changing some fields of an article and keeping the rest, for clients that send only what
// changed (the write API). The article's current fields fill in the others and the result is
// an ordinary editor save (saveArticle): the same checks, version guard, revision and audit.
import type { Article } from '../../core/types.ts';
import type { Actor } from '../actor.ts';
import type { Services } from '../context.ts';
import type { ArticleForm } from './input.ts';
import { editableArticle } from './queries.ts';
import { saveArticle } from './save-article.ts';

export type ArticleChanges = Partial<Omit<ArticleForm, 'publish_at'>>;

export async function patchArticle(
  services: Services,
  actor: Actor,
  input: { articleId: number; version: number; changes: ArticleChanges },
): Promise<Article> {
  const article = await editableArticle(services, actor.person, input.articleId);
  const tags = await services.repos.tags.byIds(article.tagIds);
  const current: ArticleForm = {
    title: article.title,
    slug: article.slug,
    dek: article.dek,
    body_html: article.bodyHtml,
    lang: article.lang,
    section_id: article.sectionId,
    tags: tags.map((t) => t.name).join(', '),
    author_ids: article.authorIds,
    featured_media_id: article.featuredMediaId,
    is_featured: article.isFeatured,
    is_breaking: article.isBreaking,
    comments_open: article.commentsOpen,
    seo_title: article.seoTitle,
    seo_description: article.seoDescription,
    publish_at: '',
  };
  // The version the client read guards the save: if the article changed since, it is refused
  // (StaleSave, 409) and these filled-in fields are never written.
  return saveArticle(services, actor, {
    articleId: input.articleId,
    version: input.version,
    intent: 'save',
    form: { ...current, ...input.changes },
  });
}
