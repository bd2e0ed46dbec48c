// Secret preview links: a draft shown exactly as readers will see it, to anyone holding the
// link, until it is revoked. Only the link's hash is stored. On a published article the link
// shows the changes its maker has autosaved and not yet saved: a correction can be read, and
// shown to someone, before it goes live.
import { randomBytes } from 'node:crypto';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { can } from '../../core/policies/index.ts';
import type { Article, Person } from '../../core/types.ts';
import { sanitizeArticleHtml } from '../../core/html-policy.ts';
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
  const grant = await services.repos.previews.articleFor(hashToken(token));
  const article = grant === null ? null : await services.repos.articles.byId(grant.articleId);
  if (!grant || !article || article.status === 'trashed') throw new NotFound('No such preview.');
  if (article.status !== 'published' || grant.personId === null) return article;
  const aside = await services.repos.autosaves.find(article.id, grant.personId);
  return aside ? withAutosavedText(article, aside.form) : article;
}

/** The article with the autosaved title, dek and body, cleaned as a save would clean them. */
function withAutosavedText(article: Article, form: Record<string, unknown>): Article {
  const text = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : null);
  const title = text(form.title)?.replace(/\s+/g, ' ').trim();
  const dek = text(form.dek)?.trim();
  const body = text(form.body_html);
  return {
    ...article,
    title: title || article.title,
    dek: dek ?? article.dek,
    bodyHtml: body === null ? article.bodyHtml : sanitizeArticleHtml(body).html,
  };
}
