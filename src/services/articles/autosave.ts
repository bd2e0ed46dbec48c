// Autosave while the writer types, and dropping what was kept aside. An autosave of a published
// article is kept aside for its writer, never on the live page: a half-typed correction must
// not reach readers before the writer presses Save. Autosaves are not audited one by one: they
// come every few seconds and would drown the log; the save that follows is.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { IsoDate } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { articleOrNotFound, StaleSave, writeSave } from './editing.ts';
import { ArticleForm, cleanArticleForm, formValues } from './input.ts';

export const AutosaveInput = z.object({
  articleId: z.number().int().positive(),
  version: z.number().int(),
  form: ArticleForm,
});
export type AutosaveInput = z.input<typeof AutosaveInput>;

export interface AutosaveOutcome {
  /** The version the next autosave names. */
  version: number;
  savedAt: IsoDate;
  /** False when the form was kept aside and the published article left as it was. */
  live: boolean;
}

export async function autosaveArticle(
  services: Services,
  actor: Actor,
  input: AutosaveInput,
): Promise<AutosaveOutcome> {
  const article = await articleOrNotFound(services.repos, input.articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  const data = parseInput(AutosaveInput, input);
  const { value, errors } = cleanArticleForm(data.form, article.slug);
  const outcome = await services.transaction(async (trx, search) => {
    const current = await articleOrNotFound(trx, article.id);
    if (current.status === 'trashed') throw new NotFound('No such article.');
    authorize(actor.person, { kind: 'article.edit', article: current });
    if (current.version !== data.version) throw new StaleSave(current);
    if (current.status === 'published') {
      // Kept even with field errors: nothing is published from it, and it is the writer's work.
      const aside = await trx.autosaves.put({
        articleId: current.id,
        personId: actor.person.id,
        baseVersion: current.version,
        form: { ...formValues(data.form) },
      });
      return { before: current, after: current, savedAt: aside.savedAt, live: false };
    }
    const saved = await writeSave(trx, search, actor.person, current, {
      expectedVersion: data.version,
      value,
      errors,
      autosave: true,
    });
    return { before: current, after: saved, savedAt: saved.updatedAt, live: true };
  });
  if (outcome.live) await articleChanged(services.events, outcome.before, outcome.after);
  return { version: outcome.after.version, savedAt: outcome.savedAt, live: outcome.live };
}

export const DiscardAutosaveInput = z.object({ articleId: z.number().int().positive() });
export type DiscardAutosaveInput = z.input<typeof DiscardAutosaveInput>;

/** Drops this person's autosave of an article they may edit; whether there was one. */
export async function discardAutosave(
  services: Services,
  actor: Actor,
  input: DiscardAutosaveInput,
): Promise<boolean> {
  const { articleId } = parseInput(DiscardAutosaveInput, input);
  const article = await articleOrNotFound(services.repos, articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  return services.transaction(async (trx) => {
    const dropped = await trx.autosaves.discard(article.id, actor.person.id);
    if (dropped) {
      await recordAudit(trx, actor, {
        action: 'article.autosave-discarded',
        targetType: 'article',
        targetId: article.id,
      });
    }
    return dropped;
  });
}
