// Moving a language's articles into its new edition (admins): when Persian gets an edition of
// its own, the Persian articles published until then in the French edition move to /fa. Each
// keeps its id, so its old address answers 301 to the new one (reader article routes). A story
// that already has a version in the edition keeps that one and this article stays where it is
// (one version per edition); it is counted as left. One audit row, caches told after commit.
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { furtherEditions, loadSiteSettings } from '../settings.ts';

export const MoveIntoEditionInput = z.object({ tag: z.string().max(64) });

export interface MoveIntoEditionResult {
  moved: number;
  /** Stories that already have a version in the edition. */
  left: number;
}

export async function moveIntoEdition(
  services: Services,
  actor: Actor,
  input: z.input<typeof MoveIntoEditionInput>,
): Promise<MoveIntoEditionResult> {
  authorize(actor.person, { kind: 'settings.manage' });
  const { tag } = parseInput(MoveIntoEditionInput, input);
  if (!furtherEditions(await loadSiteSettings(services.repos)).includes(tag))
    throw new Invalid(`The site has no "${tag}" edition to move articles into.`, { tag: 'not enabled' });

  const { steps, left } = await services.transaction(async (trx, search) => {
    const steps: [Article, Article][] = [];
    let left = 0;
    for (const id of await trx.languages.elsewhereIds(tag)) {
      const article = await trx.articles.byId(id);
      if (!article) continue;
      if (article.translationGroup !== null) {
        const versions = await trx.articles.translations(article.translationGroup);
        if (versions.some((v) => v.id !== id && v.lang === tag && v.status !== 'trashed')) {
          left++;
          continue;
        }
      }
      // The text is the edition's own language now: stored as null, as for any article.
      // The update date stays: readers see no new version of the story, only a new address.
      const moved = await trx.articles.update(id, {
        lang: tag,
        textLang: null,
        updatedAt: article.updatedAt,
      });
      await search.indexArticle(id);
      steps.push([article, moved]);
    }
    await recordAudit(trx, actor, {
      action: 'articles.edition-moved',
      targetType: 'settings',
      targetId: tag,
      details: { edition: tag, moved: steps.map(([a]) => a.id), left },
    });
    return { steps, left };
  });
  for (const [before, after] of steps) await articleChanged(services.events, before, after);
  return { moved: steps.length, left };
}
