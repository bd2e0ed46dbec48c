// Live coverage commands: start and end the coverage of an article, add an entry, edit it (it
// then says "edited"), pin or unpin it as a key event, delete it. Each is for whoever may edit
// the article (core/policies), validated, written with its audit row in one transaction that
// also moves the article's updated time; after commit the article event goes out as for a save:
// the article page and feeds are evicted exactly, webhooks hear of an updated article, and every
// process's live broadcaster (web/reader/live) wakes on that eviction and pushes the entry.
import { z } from 'zod';
import type { LiveCoverage, LiveEntry } from '../../core/live.ts';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { type Actor, recordAudit } from '../actor.ts';
import { articleOrNotFound } from '../articles/editing.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { entryBody, LiveInvalid } from './entry-body.ts';

const Id = z.number().int().positive();
/** Made by the form when it is drawn; the same form sent twice carries the same key. */
const IdempotencyKey = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9_-]*$/)
  .optional();

export const AddLiveEntryInput = z.object({
  articleId: Id,
  text: z.string().max(200_000),
  mediaId: Id.nullable().optional(),
  pinned: z.boolean().optional(),
  idempotencyKey: IdempotencyKey,
});
export type AddLiveEntryInput = z.input<typeof AddLiveEntryInput>;

export const EditLiveEntryInput = z.object({
  entryId: Id,
  /** When given, the entry must belong to this article (it was reached through its address). */
  articleId: Id.optional(),
  text: z.string().max(200_000),
});
export type EditLiveEntryInput = z.input<typeof EditLiveEntryInput>;

export const EntryRef = z.object({ entryId: Id, articleId: Id.optional() });
export type EntryRef = z.input<typeof EntryRef>;

type Trx = Repositories;

async function entryOrNotFound(services: Pick<Services, 'repos'>, ref: EntryRef): Promise<LiveEntry> {
  const found = await services.repos.live.entryById(ref.entryId);
  if (!found || found.deleted || (ref.articleId !== undefined && found.articleId !== ref.articleId))
    throw new NotFound('No such live entry.');
  return found;
}

/** The write, its audit row and the article's new updated time; then the article event. */
async function commit<T>(services: Services, article: Article, write: (trx: Trx) => Promise<T>): Promise<T> {
  const { result, after } = await services.transaction(async (trx) => {
    const result = await write(trx);
    await trx.live.touchArticle(article.id, new Date().toISOString());
    return { result, after: await articleOrNotFound(trx, article.id) };
  });
  await articleChanged(services.events, article, after);
  return result;
}

async function editableArticle(services: Services, actor: Actor, articleId: number): Promise<Article> {
  const article = await articleOrNotFound(services.repos, articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  return article;
}

async function mustBeLive(repos: Pick<Repositories, 'live'>, articleId: number): Promise<LiveCoverage> {
  const coverage = await repos.live.coverage(articleId);
  if (!coverage) throw new LiveInvalid({ state: 'errLiveNotLive' });
  if (coverage.state !== 'live') throw new LiveInvalid({ state: 'errLiveEnded' });
  return coverage;
}

export async function startLiveCoverage(
  services: Services,
  actor: Actor,
  input: { articleId: number },
): Promise<LiveCoverage> {
  const { articleId } = parseInput(z.object({ articleId: Id }), input);
  const article = await editableArticle(services, actor, articleId);
  const now = await services.repos.live.coverage(article.id);
  if (now?.state === 'live') return now;
  return commit(services, article, async (trx) => {
    const coverage = await trx.live.setCoverage(article.id, 'live', new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'article.live-started',
      targetType: 'article',
      targetId: article.id,
    });
    return coverage;
  });
}

export async function endLiveCoverage(
  services: Services,
  actor: Actor,
  input: { articleId: number },
): Promise<LiveCoverage> {
  const { articleId } = parseInput(z.object({ articleId: Id }), input);
  const article = await editableArticle(services, actor, articleId);
  const now = await services.repos.live.coverage(article.id);
  if (!now) throw new LiveInvalid({ state: 'errLiveNotLive' });
  if (now.state === 'ended') return now;
  return commit(services, article, async (trx) => {
    const coverage = await trx.live.setCoverage(article.id, 'ended', new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'article.live-ended',
      targetType: 'article',
      targetId: article.id,
    });
    return coverage;
  });
}

export interface AddedLiveEntry {
  entry: LiveEntry;
  /** False when the same form was already stored (its idempotency key). */
  created: boolean;
}

export async function addLiveEntry(
  services: Services,
  actor: Actor,
  input: AddLiveEntryInput,
): Promise<AddedLiveEntry> {
  const article = await editableArticle(services, actor, input.articleId);
  const data = parseInput(AddLiveEntryInput, input);
  const key = data.idempotencyKey || null;
  // A double submit of an entry already stored is answered with it, whatever happened since.
  if (key) {
    const stored = await services.repos.live.entryByKey(article.id, key);
    if (stored) return { entry: stored, created: false };
  }
  await mustBeLive(services.repos, article.id);
  const photo = data.mediaId ? await services.repos.media.byId(data.mediaId) : null;
  if (data.mediaId && !photo?.mime.startsWith('image/')) throw new LiveInvalid({ media: 'errLivePhoto' });
  const bodyHtml = entryBody({ text: data.text, photo });
  let created = false;
  const entry = await commit(services, article, async (trx) => {
    // Checked again inside the transaction: an end of coverage racing this entry.
    await mustBeLive(trx, article.id);
    const made = await trx.live.createEntry({
      articleId: article.id,
      bodyHtml,
      personId: actor.person.id,
      pinned: data.pinned ?? false,
      idempotencyKey: key,
    });
    created = made.created;
    if (made.created) {
      await recordAudit(trx, actor, {
        action: 'article.live-entry-added',
        targetType: 'article',
        targetId: article.id,
        details: { entryId: made.entry.id },
      });
    }
    return made.entry;
  });
  return { entry, created };
}

export async function editLiveEntry(
  services: Services,
  actor: Actor,
  input: EditLiveEntryInput,
): Promise<LiveEntry> {
  const data = parseInput(EditLiveEntryInput, input);
  const existing = await entryOrNotFound(services, data);
  const article = await editableArticle(services, actor, existing.articleId);
  const bodyHtml = entryBody({ text: data.text, photo: null });
  if (bodyHtml === existing.bodyHtml) return existing;
  return commit(services, article, async (trx) => {
    const saved = await trx.live.updateEntry(existing.id, { bodyHtml, edited: true });
    if (!saved) throw new NotFound('No such live entry.');
    await recordAudit(trx, actor, {
      action: 'article.live-entry-edited',
      targetType: 'article',
      targetId: article.id,
      details: { entryId: existing.id },
    });
    return saved;
  });
}

export async function pinLiveEntry(
  services: Services,
  actor: Actor,
  input: EntryRef & { pinned: boolean },
): Promise<LiveEntry> {
  const data = parseInput(EntryRef.extend({ pinned: z.boolean() }), input);
  const existing = await entryOrNotFound(services, data);
  const article = await editableArticle(services, actor, existing.articleId);
  if (existing.pinned === data.pinned) return existing;
  return commit(services, article, async (trx) => {
    const saved = await trx.live.updateEntry(existing.id, { pinned: data.pinned });
    if (!saved) throw new NotFound('No such live entry.');
    await recordAudit(trx, actor, {
      action: data.pinned ? 'article.live-entry-pinned' : 'article.live-entry-unpinned',
      targetType: 'article',
      targetId: article.id,
      details: { entryId: existing.id },
    });
    return saved;
  });
}

export async function deleteLiveEntry(services: Services, actor: Actor, input: EntryRef): Promise<void> {
  const data = parseInput(EntryRef, input);
  const existing = await entryOrNotFound(services, data);
  const article = await editableArticle(services, actor, existing.articleId);
  await commit(services, article, async (trx) => {
    if (!(await trx.live.updateEntry(existing.id, { deleted: true })))
      throw new NotFound('No such live entry.');
    await recordAudit(trx, actor, {
      action: 'article.live-entry-deleted',
      targetType: 'article',
      targetId: article.id,
      details: { entryId: existing.id, html: existing.bodyHtml },
    });
  });
}
