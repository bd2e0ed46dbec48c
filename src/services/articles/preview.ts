// Secret preview links: a draft shown exactly as readers will see it, to anyone holding the
// link, until it is revoked. Only the link's hash is stored.
import { randomBytes } from 'node:crypto';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { can } from '../../core/policies/index.ts';
import type { Article, Person } from '../../core/types.ts';
import { hashToken } from '../auth/sessions.ts';
import type { Services } from '../context.ts';

export async function createPreviewLink(
  services: Services,
  person: Person,
  articleId: number,
): Promise<string> {
  const article = await services.repos.articles.byId(articleId);
  if (!article) throw new NotFound('No such article.');
  if (!can(person, { kind: 'article.edit', article })) throw new Forbidden('forbidden');
  const token = randomBytes(24).toString('base64url');
  await services.repos.previews.create({ tokenHash: hashToken(token), articleId, personId: person.id });
  return `/preview/${token}`;
}

export async function revokePreviewLinks(
  services: Services,
  person: Person,
  articleId: number,
): Promise<number> {
  const article = await services.repos.articles.byId(articleId);
  if (!article) throw new NotFound('No such article.');
  if (!can(person, { kind: 'article.edit', article })) throw new Forbidden('forbidden');
  return services.repos.previews.revokeAll(articleId);
}

export async function articleForPreview(services: Services, token: string): Promise<Article> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new NotFound('No such preview.');
  const id = await services.repos.previews.articleFor(hashToken(token));
  const article = id === null ? null : await services.repos.articles.byId(id);
  if (!article || article.status === 'trashed') throw new NotFound('No such preview.');
  return article;
}
