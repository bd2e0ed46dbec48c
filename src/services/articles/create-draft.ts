// A new, empty draft with its writer on the byline; the editor opens on it.
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import { type Article, LANGUAGES } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { placeholderSlug } from './input.ts';

export const CreateDraftInput = z.object({ lang: z.enum(LANGUAGES) });
export type CreateDraftInput = z.input<typeof CreateDraftInput>;

export async function createDraft(
  services: Services,
  actor: Actor,
  input: CreateDraftInput,
): Promise<Article> {
  authorize(actor.person, { kind: 'article.create' });
  const { lang } = parseInput(CreateDraftInput, input);
  const article = await services.transaction(async (trx) => {
    const created = await trx.articles.create({
      lang,
      status: 'draft',
      title: '',
      slug: placeholderSlug(),
      authorIds: [actor.person.id],
      commentsOpen: true,
    });
    await recordAudit(trx, actor, {
      action: 'article.created',
      targetType: 'article',
      targetId: created.id,
      details: { lang },
    });
    return created;
  });
  // No event: an empty draft changes nothing anyone outside the newsroom sees.
  return article;
}
