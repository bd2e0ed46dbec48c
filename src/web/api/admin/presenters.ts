// The write API's wire shapes: snake_case, as the content API's, built from the commands'
// results. A database row is never the answer.
import type { z } from 'zod';
import type { QueuedComment } from '../../../services/comments/moderation-queue.ts';
import type { ArticleWithTags } from '../../../services/articles/api-queries.ts';
import { articlePath } from '../../../core/urls.ts';
import type { Media } from '../../../core/types.ts';
import { mediaUrl } from '../../../media/images.ts';
import type { AdminArticleSchema, AdminCommentSchema, AdminMediaSchema } from './schema.ts';

export function presentAdminArticle(
  { article, tagNames }: ArticleWithTags,
  base: string,
): z.infer<typeof AdminArticleSchema> {
  return {
    id: article.id,
    lang: article.lang,
    text_language: article.textLang,
    status: article.status,
    version: article.version,
    title: article.title,
    slug: article.slug,
    dek: article.dek,
    body_html: article.bodyHtml,
    section_id: article.sectionId,
    tags: tagNames,
    author_ids: article.authorIds,
    featured_media_id: article.featuredMediaId,
    is_featured: article.isFeatured,
    is_breaking: article.isBreaking,
    comments_open: article.commentsOpen,
    seo_title: article.seoTitle,
    seo_description: article.seoDescription,
    published_at: article.publishedAt,
    created_at: article.createdAt,
    updated_at: article.updatedAt,
    url: article.status === 'published' ? `${base}${articlePath(article)}` : null,
  };
}

export function presentAdminMedia(media: Media, base: string): z.infer<typeof AdminMediaSchema> {
  return {
    id: media.id,
    url: `${base}${mediaUrl('/media/', media.path)}`,
    mime: media.mime,
    size: media.size,
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    created_at: media.createdAt,
  };
}

export function presentAdminComment({ comment, article }: QueuedComment): z.infer<typeof AdminCommentSchema> {
  return {
    id: comment.id,
    status: comment.status,
    article: article ? { id: article.id, title: article.title } : null,
    parent_id: comment.parentId,
    author_name: comment.authorName,
    author_email: comment.authorEmail,
    author_url: comment.authorUrl,
    body: comment.body,
    created_at: comment.createdAt,
  };
}
