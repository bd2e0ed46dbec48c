// Saving the editor's form, with the workflow step its button asked for (save, submit, publish,
// schedule, unpublish, trash, restore) in the same transaction: a refused step leaves the
// article as it was, and a refused save takes no step.
import { z } from 'zod';
import { zonedTimeToUtc } from '../../core/dates.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { loadSiteSettings } from '../settings.ts';
import { ArticleInvalid, articleOrNotFound, writeSave } from './editing.ts';
import { ArticleForm, cleanArticleForm } from './input.ts';
import { applyTransition, policyFor, TRANSITIONS } from './workflow.ts';

export const INTENTS = ['save', ...TRANSITIONS] as const;
export type Intent = (typeof INTENTS)[number];

export const SaveArticleInput = z.object({
  articleId: z.number().int().positive(),
  /** The version the form started from; a save after someone else's is refused (StaleSave). */
  version: z.number().int(),
  intent: z.enum(INTENTS).default('save'),
  form: ArticleForm,
});
export type SaveArticleInput = z.input<typeof SaveArticleInput>;

export async function saveArticle(
  services: Services,
  actor: Actor,
  input: SaveArticleInput,
): Promise<Article> {
  const article = await articleOrNotFound(services.repos, input.articleId);
  authorize(actor.person, { kind: 'article.edit', article });
  const data = parseInput(SaveArticleInput, input);
  const intent = data.intent;
  // A step this person may not take is refused before the save, so a refusal changes nothing.
  if (intent !== 'save') authorize(actor.person, policyFor(intent, article));
  const { value, errors } = cleanArticleForm(data.form, article.slug);
  const { timezone } = await loadSiteSettings(services.repos);
  const at = intent === 'schedule' ? zonedTimeToUtc(value.publishAt, timezone) : null;

  // Problems the step would meet are found before anything is written.
  const early: Record<string, string> = {};
  if (['submit', 'publish', 'schedule'].includes(intent) && value.title === '')
    early.title = 'errTitleRequired';
  if (intent === 'schedule' && !at) early.publish_at = 'errDateInvalid';
  else if (at && at.getTime() <= Date.now()) early.publish_at = 'errDatePast';
  if (Object.keys(early).length > 0) throw new ArticleInvalid({ ...errors, ...early });

  const changes = await services.transaction(async (trx, search) => {
    const steps: [Article, Article][] = [];
    let current = await articleOrNotFound(trx, article.id);
    // A trashed article is not edited, only restored.
    if (current.status !== 'trashed') {
      authorize(actor.person, { kind: 'article.edit', article: current });
      const saved = await writeSave(trx, search, actor.person, current, {
        expectedVersion: data.version,
        value,
        errors,
      });
      await recordAudit(trx, actor, {
        action: 'article.saved',
        targetType: 'article',
        targetId: saved.id,
        details: {
          version: saved.version,
          ...(saved.textLang !== current.textLang
            ? { textLang: { from: current.textLang, to: saved.textLang } }
            : {}),
        },
      });
      steps.push([current, saved]);
      current = saved;
    }
    if (intent !== 'save') {
      steps.push([current, await applyTransition(trx, search, actor, current, { transition: intent, at })]);
    }
    return steps;
  });
  for (const [before, after] of changes) await articleChanged(services.events, before, after);
  return changes.at(-1)?.[1] ?? article;
}
