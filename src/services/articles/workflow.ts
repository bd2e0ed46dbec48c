// Moving an article through its life: draft → pending review → scheduled or published,
// unpublished back to draft, trashed and restored. Each step checks the policy, is audited,
// and keeps the search index in the same transaction.
import { z } from 'zod';
import { type Action, authorize } from '../../core/policies/index.ts';
import type { Article, ArticleStatus } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { SearchIndex } from '../../search/contract.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { queueChannelPosts } from '../telegram/channel-posts.ts';
import { ArticleInvalid, articleOrNotFound } from './editing.ts';
import { isPlaceholderSlug } from './input.ts';

export const TRANSITIONS = ['submit', 'publish', 'schedule', 'unpublish', 'trash', 'restore'] as const;
export type Transition = (typeof TRANSITIONS)[number];

const ALLOWED_FROM: Record<Transition, ArticleStatus[]> = {
  submit: ['draft'],
  publish: ['draft', 'pending', 'scheduled', 'private'],
  schedule: ['draft', 'pending', 'scheduled'],
  unpublish: ['published', 'scheduled', 'private'],
  trash: ['draft', 'pending', 'scheduled', 'published', 'private'],
  restore: ['trashed'],
};

export function policyFor(transition: Transition, article: Pick<Article, 'status' | 'authorIds'>): Action {
  if (transition === 'submit') return { kind: 'article.submit', article };
  if (transition === 'trash' || transition === 'restore') return { kind: 'article.trash', article };
  return { kind: 'article.publish', article };
}

export const TransitionInput = z.object({
  id: z.number().int().positive(),
  transition: z.enum(TRANSITIONS),
  /** For `schedule`: when it goes live (must be in the future). */
  at: z.date().nullish(),
  now: z.date().optional(),
});
export type TransitionInput = z.input<typeof TransitionInput>;

export async function transitionArticle(
  services: Services,
  actor: Actor,
  input: TransitionInput,
): Promise<Article> {
  const data = parseInput(TransitionInput, input);
  authorize(actor.person, policyFor(data.transition, await articleOrNotFound(services.repos, data.id)));
  const { before, after } = await services.transaction(async (trx, search) => {
    const article = await articleOrNotFound(trx, data.id);
    const after = await applyTransition(trx, search, actor, article, data);
    return { before: article, after };
  });
  await articleChanged(services.events, before, after);
  return after;
}

/**
 * One step on `article` (read in the caller's transaction), with its audit row. The policy is
 * checked again on the article as read here: a byline changed by the same save counts.
 */
export async function applyTransition(
  trx: Repositories,
  search: SearchIndex,
  actor: Actor,
  article: Article,
  input: { transition: Transition; at?: Date | null | undefined; now?: Date | undefined },
): Promise<Article> {
  const now = input.now ?? new Date();
  authorize(actor.person, policyFor(input.transition, article));
  if (!ALLOWED_FROM[input.transition].includes(article.status)) {
    throw new ArticleInvalid({ form: 'errTransition' });
  }
  const publishing = input.transition === 'publish' || input.transition === 'schedule';
  if (publishing || input.transition === 'submit') {
    const errors: Record<string, string> = {};
    if (article.title.trim() === '') errors.title = 'errTitleRequired';
    if (isPlaceholderSlug(article.slug)) errors.slug = 'errSlugInvalid';
    if (Object.keys(errors).length > 0) throw new ArticleInvalid(errors);
  }
  let status: ArticleStatus;
  let publishedAt = article.publishedAt;
  switch (input.transition) {
    case 'submit':
      status = 'pending';
      break;
    case 'publish':
      status = 'published';
      // A story unpublished and published again keeps its first date.
      if (!publishedAt || publishedAt > now.toISOString()) publishedAt = now.toISOString();
      break;
    case 'schedule':
      if (!input.at || Number.isNaN(input.at.getTime()))
        throw new ArticleInvalid({ publish_at: 'errDateInvalid' });
      if (input.at.getTime() <= now.getTime()) throw new ArticleInvalid({ publish_at: 'errDatePast' });
      status = 'scheduled';
      publishedAt = input.at.toISOString();
      break;
    case 'unpublish':
    case 'restore':
      status = 'draft';
      break;
    case 'trash':
      status = 'trashed';
      break;
  }
  const updated = await trx.articles.update(
    article.id,
    { status, publishedAt },
    { expectedVersion: article.version },
  );
  if (input.transition === 'publish') await recordPublish(trx, updated, actor.person.id);
  await search.indexArticle(updated.id);
  await recordAudit(trx, actor, {
    action: `article.${input.transition}`,
    targetType: 'article',
    targetId: article.id,
    details: {
      from: article.status,
      to: status,
      ...(input.transition === 'schedule' ? { at: publishedAt } : {}),
    },
  });
  return updated;
}

export async function recordPublish(
  repos: Repositories,
  article: Article,
  personId: number | null,
): Promise<void> {
  await repos.revisions.create({
    articleId: article.id,
    version: article.version,
    title: article.title,
    dek: article.dek,
    bodyHtml: article.bodyHtml,
    personId,
    reason: 'publish',
  });
  // Posts to the language's Telegram channel are queued with the publish itself (once per article).
  await queueChannelPosts(repos, article);
}
