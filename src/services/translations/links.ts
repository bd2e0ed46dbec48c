// Linking existing articles as translations of one another, unlinking them, and marking a
// translation reviewed against its source. Linking puts the translation (with any versions
// already grouped with it) into the source's translation group, so hreflang and the language
// switcher follow; a language the group already has is a conflict naming that version. Each
// command is one transaction with its audit row; pages showing the changed groups are evicted.
import { z } from 'zod';
import { Invalid, NotFound } from '../../core/errors.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import { articleOrNotFound } from '../articles/editing.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { authorizeChangeLink } from './access.ts';
import { TranslationExists } from './start-translation.ts';

const Id = z.number().int().positive();
export const LinkTranslationInput = z.object({ articleId: Id, sourceId: Id });
export type LinkTranslationInput = z.input<typeof LinkTranslationInput>;
export const TranslationInput = z.object({ articleId: Id });
export type TranslationInput = z.input<typeof TranslationInput>;

type Trx = Parameters<Parameters<Services['transaction']>[0]>[0];

async function groupOf(trx: Trx, article: Article): Promise<Article[]> {
  return article.translationGroup === null ? [article] : trx.articles.translations(article.translationGroup);
}

async function announce(services: Services, changed: { before: Article; after: Article }[]): Promise<void> {
  for (const { before, after } of changed) await articleChanged(services.events, before, after);
}

/** Moves articles into a group without touching their updated time (their text did not change). */
async function regroup(trx: Trx, articles: Article[], group: number | null) {
  const changed: { before: Article; after: Article }[] = [];
  for (const before of articles) {
    if (before.translationGroup === group) continue;
    const after = await trx.articles.update(before.id, {
      translationGroup: group,
      updatedAt: before.updatedAt,
    });
    changed.push({ before, after });
  }
  return changed;
}

export async function linkTranslation(
  services: Services,
  actor: Actor,
  input: LinkTranslationInput,
): Promise<void> {
  const { articleId, sourceId } = parseInput(LinkTranslationInput, input);
  if (articleId === sourceId)
    throw new Invalid('An article cannot be its own translation.', { source: 'same' });
  const translation = await articleOrNotFound(services.repos, articleId);
  const source = await articleOrNotFound(services.repos, sourceId);
  authorizeChangeLink(actor.person, translation, source);
  const changed = await services.transaction(async (trx) => {
    const t = await articleOrNotFound(trx, articleId);
    const s = await articleOrNotFound(trx, sourceId);
    if (t.lang === s.lang)
      throw new Invalid('Both articles are in the same language.', { source: 'same-language' });
    const sourceLink = await trx.translations.byArticle(s.id);
    if (sourceLink?.sourceId === t.id) {
      throw new Invalid('That article is already a translation of this one.', { source: 'reversed' });
    }
    const sourceGroup = await groupOf(trx, s);
    const moving = (await groupOf(trx, t)).filter((a) => !sourceGroup.some((m) => m.id === a.id));
    for (const a of moving) {
      const clash = sourceGroup.find((m) => m.lang === a.lang && m.status !== 'trashed');
      if (clash) throw new TranslationExists(clash);
    }
    const group = s.translationGroup ?? s.id;
    const moved = await regroup(trx, [s, ...moving], group);
    await trx.translations.link({
      articleId: t.id,
      sourceId: s.id,
      reviewedAt: new Date().toISOString(),
      reviewedBy: actor.person.id,
    });
    await recordAudit(trx, actor, {
      action: 'article.translation-linked',
      targetType: 'article',
      targetId: t.id,
      details: { sourceId: s.id, group },
    });
    return moved;
  });
  await announce(services, changed);
}

export async function unlinkTranslation(
  services: Services,
  actor: Actor,
  input: TranslationInput,
): Promise<void> {
  const { articleId } = parseInput(TranslationInput, input);
  const article = await articleOrNotFound(services.repos, articleId);
  authorizeChangeLink(actor.person, article, null);
  if (article.translationGroup === null)
    throw new Invalid('This article is not linked to any translation.', { article: 'not-linked' });
  const changed = await services.transaction(async (trx) => {
    const a = await articleOrNotFound(trx, articleId);
    const rest = (await groupOf(trx, a)).filter((m) => m.id !== a.id);
    await trx.translations.unlinkAll(a.id);
    // A group of one is no group: its last member stops listing alternates.
    const moved = await regroup(trx, rest.length === 1 ? [a, ...rest] : [a], null);
    await recordAudit(trx, actor, {
      action: 'article.translation-unlinked',
      targetType: 'article',
      targetId: a.id,
      details: { group: a.translationGroup, others: rest.map((m) => m.id) },
    });
    return moved;
  });
  // The versions left in the group list one alternate fewer.
  const others =
    article.translationGroup === null
      ? []
      : await services.repos.articles.translations(article.translationGroup);
  await announce(services, [...changed, ...others.map((o) => ({ before: o, after: o }))]);
}

export async function markTranslationReviewed(
  services: Services,
  actor: Actor,
  input: TranslationInput,
): Promise<void> {
  const { articleId } = parseInput(TranslationInput, input);
  const article = await articleOrNotFound(services.repos, articleId);
  authorizeChangeLink(actor.person, article, null);
  await services.transaction(async (trx) => {
    const done = await trx.translations.markReviewed(article.id, new Date().toISOString(), actor.person.id);
    if (!done) throw new NotFound('This article is not a translation of another.');
    await recordAudit(trx, actor, {
      action: 'article.translation-reviewed',
      targetType: 'article',
      targetId: article.id,
      details: {},
    });
  });
  // Nothing readers see changes: the flag is the newsroom's.
}
