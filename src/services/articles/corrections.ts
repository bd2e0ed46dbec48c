// Corrections and updates of a published article: added, edited and deleted by whoever may edit
// the article (editors and admins, and its author: see core/policies). Each write and its audit
// row are one transaction, which also moves the article's updated time: a correction is a change
// readers see, so after commit the same article event as a save goes out (page cache, feeds,
// sitemaps, webhooks).
import { z } from 'zod';
import { CORRECTION_KINDS, CORRECTION_MAX_LENGTH, type Correction } from '../../core/corrections.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article, Person } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { loadSiteSettings } from '../settings.ts';
import { queueCorrectionReply } from '../telegram/correction-replies.ts';
import { articleOrNotFound } from './editing.ts';

/** The same note on the same article within this time is a form sent twice: stored once. */
export const RESUBMIT_WINDOW_MS = 60_000;

/** A refusal the editor shows beside its form: field → message key of the newsroom catalogue. */
export class CorrectionInvalid extends Invalid {
  constructor(readonly errors: Record<string, CorrectionErrorKey>) {
    super('The correction was refused.', errors);
  }
}
export type CorrectionErrorKey = 'errCorrectionEmpty' | 'errCorrectionTooLong' | 'errCorrectionNotPublished';

// The shape only; the length rules are checked below so their refusal names the reason.
const Note = {
  kind: z.enum(CORRECTION_KINDS),
  body: z.string().max(CORRECTION_MAX_LENGTH * 20),
};
export const AddCorrectionInput = z.object({ articleId: z.number().int().positive(), ...Note });
export type AddCorrectionInput = z.input<typeof AddCorrectionInput>;
export const EditCorrectionInput = z.object({
  correctionId: z.number().int().positive(),
  /** When given, the note must belong to this article (it was reached through its address). */
  articleId: z.number().int().positive().optional(),
  ...Note,
});
export type EditCorrectionInput = z.input<typeof EditCorrectionInput>;

function cleanBody(body: string): string {
  // Line ends written by different browsers are made one, so a resubmitted text is the same text.
  const text = body.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw new CorrectionInvalid({ body: 'errCorrectionEmpty' });
  if ([...text].length > CORRECTION_MAX_LENGTH) throw new CorrectionInvalid({ body: 'errCorrectionTooLong' });
  return text;
}

function mustBePublished(article: Article): void {
  // A draft has no readers to correct for: its text is simply edited.
  if (article.status !== 'published') throw new CorrectionInvalid({ status: 'errCorrectionNotPublished' });
}

async function correctionOrNotFound(
  services: Pick<Services, 'repos'>,
  id: number,
  articleId?: number,
): Promise<Correction> {
  const found = await services.repos.corrections.byId(id);
  if (!found || (articleId !== undefined && found.articleId !== articleId))
    throw new NotFound('No such correction.');
  return found;
}

/** The write, its audit row and the article's new updated time, in one transaction. */
async function commit<T>(
  services: Services,
  article: Article,
  write: (trx: Parameters<Parameters<Services['transaction']>[0]>[0]) => Promise<T>,
): Promise<T> {
  const { result, after } = await services.transaction(async (trx) => {
    const result = await write(trx);
    await trx.corrections.markArticleUpdated(article.id, new Date().toISOString());
    return { result, after: await articleOrNotFound(trx, article.id) };
  });
  await articleChanged(services.events, article, after);
  return result;
}

export interface AddedCorrection {
  correction: Correction;
  /** False when the same note was already stored moments ago (the form was sent twice). */
  created: boolean;
}

export async function addCorrection(
  services: Services,
  actor: Actor,
  input: AddCorrectionInput,
): Promise<AddedCorrection> {
  const article = await articleOrNotFound(services.repos, input.articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  const data = parseInput(AddCorrectionInput, input);
  mustBePublished(article);
  const body = cleanBody(data.body);
  const note = { articleId: article.id, kind: data.kind, body };
  const since = new Date(Date.now() - RESUBMIT_WINDOW_MS).toISOString();
  const earlier = await services.repos.corrections.findSame({ ...note, since });
  if (earlier) return { correction: earlier, created: false };
  const correction = await commit(services, article, async (trx) => {
    // Looked up again inside the transaction: two copies of the form racing each other.
    const same = await trx.corrections.findSame({ ...note, since });
    if (same) return same;
    const made = await trx.corrections.create({ ...note, personId: actor.person.id });
    await queueCorrectionReply(trx, article, made);
    await recordAudit(trx, actor, {
      action: `article.${data.kind}-added`,
      targetType: 'article',
      targetId: article.id,
      details: { correctionId: made.id, kind: data.kind, text: body },
    });
    return made;
  });
  return { correction, created: true };
}

export async function editCorrection(
  services: Services,
  actor: Actor,
  input: EditCorrectionInput,
): Promise<Correction> {
  const existing = await correctionOrNotFound(services, input.correctionId, input.articleId);
  const article = await articleOrNotFound(services.repos, existing.articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  const data = parseInput(EditCorrectionInput, input);
  const body = cleanBody(data.body);
  return commit(services, article, async (trx) => {
    const saved = await trx.corrections.update(existing.id, { kind: data.kind, body });
    if (!saved) throw new NotFound('No such correction.');
    await recordAudit(trx, actor, {
      action: 'article.correction-edited',
      targetType: 'article',
      targetId: article.id,
      details: { correctionId: existing.id, from: existing.body, to: body, kind: data.kind },
    });
    return saved;
  });
}

export async function deleteCorrection(
  services: Services,
  actor: Actor,
  input: { correctionId: number; articleId?: number },
): Promise<void> {
  const existing = await correctionOrNotFound(services, input.correctionId, input.articleId);
  const article = await articleOrNotFound(services.repos, existing.articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  await commit(services, article, async (trx) => {
    if (!(await trx.corrections.delete(existing.id))) throw new NotFound('No such correction.');
    await recordAudit(trx, actor, {
      action: 'article.correction-deleted',
      targetType: 'article',
      targetId: article.id,
      details: { correctionId: existing.id, kind: existing.kind, text: existing.body },
    });
  });
}

export interface EditorCorrections {
  article: Article;
  /** Newest first, each with the name of who wrote it (empty when that person is gone). */
  notes: (Correction & { personName: string })[];
  timezone: string;
}

/** The article's notes for its editor (who must be allowed to edit the article). */
export async function correctionsForEditor(
  services: Pick<Services, 'repos'>,
  person: Person,
  articleId: number,
): Promise<EditorCorrections> {
  const article = await articleOrNotFound(services.repos, articleId);
  authorize(person, { kind: 'article.edit', article });
  const [notes, { timezone }] = await Promise.all([
    services.repos.corrections.listForArticle(article.id),
    loadSiteSettings(services.repos),
  ]);
  const people = await services.repos.people.byIds([
    ...new Set(notes.map((n) => n.personId).filter((id): id is number => id !== null)),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    article,
    notes: notes.map((n) => ({ ...n, personName: n.personId === null ? '' : (names.get(n.personId) ?? '') })),
    timezone,
  };
}
