// Secret preview links: a draft shown exactly as readers will see it, to anyone holding the
// link, until it is revoked. Only the link's hash is stored. On a published article the link
// shows the changes its maker has autosaved and not yet saved: a correction can be read, and
// shown to someone, before it goes live.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { sanitizeArticleHtml } from '../../core/html-policy.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import { hashToken } from '../auth/sessions.ts';
import type { Services } from '../context.ts';
import { articleOrNotFound } from './editing.ts';

export const PreviewLinkInput = z.object({ articleId: z.number().int().positive() });
export type PreviewLinkInput = z.input<typeof PreviewLinkInput>;

/** A new link for the article; its path (`/preview/<token>`) is shown once and never stored. */
export async function createPreviewLink(
  services: Services,
  actor: Actor,
  input: PreviewLinkInput,
): Promise<string> {
  const { articleId } = parseInput(PreviewLinkInput, input);
  const article = await articleOrNotFound(services.repos, articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  const token = randomBytes(24).toString('base64url');
  await services.transaction(async (trx) => {
    await trx.previews.create({ tokenHash: hashToken(token), articleId, personId: actor.person.id });
    await recordAudit(trx, actor, {
      action: 'article.preview-created',
      targetType: 'article',
      targetId: articleId,
    });
  });
  return `/preview/${token}`;
}

/** Ends every preview link of the article; how many were live. */
export async function revokePreviewLinks(
  services: Services,
  actor: Actor,
  input: PreviewLinkInput,
): Promise<number> {
  const { articleId } = parseInput(PreviewLinkInput, input);
  const article = await articleOrNotFound(services.repos, articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  return services.transaction(async (trx) => {
    const revoked = await trx.previews.revokeAll(articleId);
    await recordAudit(trx, actor, {
      action: 'article.previews-revoked',
      targetType: 'article',
      targetId: articleId,
      details: { revoked },
    });
    return revoked;
  });
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
