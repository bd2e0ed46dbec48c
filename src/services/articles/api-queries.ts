// What the write API shows of an article besides its own fields: its tags by name, as a client
// sends them. Reads only; the person must be allowed to open the article in the editor.
import type { Article, Person } from '../../core/types.ts';
import type { Services } from '../context.ts';
import { editableArticle } from './queries.ts';

export interface ArticleWithTags {
  article: Article;
  tagNames: string[];
}

export async function withTagNames(
  services: Pick<Services, 'repos'>,
  article: Article,
): Promise<ArticleWithTags> {
  const tags = await services.repos.tags.byIds(article.tagIds);
  const names = new Map(tags.map((t) => [t.id, t.name]));
  return { article, tagNames: article.tagIds.flatMap((id) => names.get(id) ?? []) };
}

export async function editableArticleWithTags(
  services: Pick<Services, 'repos'>,
  person: Person,
  articleId: number,
): Promise<ArticleWithTags> {
  return withTagNames(services, await editableArticle(services, person, articleId));
}
