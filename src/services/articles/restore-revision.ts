// Putting a revision's title, dek and body back, as a new version; the restore is itself a
// revision, so it can be undone the same way.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { articleOrNotFound } from './editing.ts';

export const RestoreRevisionInput = z.object({
  articleId: z.number().int().positive(),
  revisionId: z.number().int().positive(),
});
export type RestoreRevisionInput = z.input<typeof RestoreRevisionInput>;

export async function restoreRevision(
  services: Services,
  actor: Actor,
  input: RestoreRevisionInput,
): Promise<Article> {
  const data = parseInput(RestoreRevisionInput, input);
  authorize(actor.person, {
    kind: 'article.edit',
    article: await articleOrNotFound(services.repos, data.articleId),
  });
  const { before, after } = await services.transaction(async (trx, search) => {
    const article = await articleOrNotFound(trx, data.articleId);
    const revision = await trx.revisions.byId(data.revisionId);
    if (!revision || revision.articleId !== article.id) throw new NotFound('No such revision.');
    authorize(actor.person, { kind: 'article.edit', article });
    const restored = await trx.articles.update(
      article.id,
      { title: revision.title, dek: revision.dek, bodyHtml: revision.bodyHtml },
      { expectedVersion: article.version },
    );
    await trx.revisions.create({
      articleId: article.id,
      version: restored.version,
      title: restored.title,
      dek: restored.dek,
      bodyHtml: restored.bodyHtml,
      personId: actor.person.id,
      reason: 'restore',
    });
    await recordAudit(trx, actor, {
      action: 'article.revision-restored',
      targetType: 'article',
      targetId: article.id,
      details: { revisionId: revision.id },
    });
    await search.indexArticle(article.id);
    return { before: article, after: restored };
  });
  await articleChanged(services.events, before, after);
  return after;
}
