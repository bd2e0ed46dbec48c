// A new draft with its writer on the byline; the editor opens on it. The write API may give the
// draft its first content at once: it is cleaned and checked as an editor save is, in the same
// transaction, so a refused field leaves no empty draft behind.
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import { Invalid } from '../../core/errors.ts';
import { isInterfaceLang } from '../../core/languages/choices.ts';
import { canonicalLanguage } from '../../core/languages/tags.ts';
import type { Article, Edition } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { furtherEditions, loadSiteSettings } from '../settings.ts';
import { writeSave } from './editing.ts';
import { ArticleForm, cleanArticleForm, placeholderSlug } from './input.ts';

export const CreateDraftInput = z.object({
  /** ar, fr, en, or a further edition the site has switched on. */
  lang: z.string().max(40),
  /** The first content, as the editor's form would send it (its language is `lang`). */
  form: ArticleForm.omit({ lang: true }).optional(),
});
export type CreateDraftInput = z.input<typeof CreateDraftInput>;

export async function createDraft(
  services: Services,
  actor: Actor,
  input: CreateDraftInput,
): Promise<Article> {
  authorize(actor.person, { kind: 'article.create' });
  const parsed = parseInput(CreateDraftInput, input);
  const { form } = parsed;
  const article = await services.transaction(async (trx, search) => {
    const lang = await editionToCreate(trx, parsed.lang);
    let created = await trx.articles.create({
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
    if (form) {
      const { value, errors } = cleanArticleForm({ ...form, lang }, created.slug);
      created = await writeSave(trx, search, actor.person, created, {
        expectedVersion: created.version,
        value,
        errors,
      });
      await recordAudit(trx, actor, {
        action: 'article.saved',
        targetType: 'article',
        targetId: created.id,
        details: { version: created.version },
      });
    }
    return created;
  });
  // No event: a draft changes nothing anyone outside the newsroom sees.
  return article;
}

/** ar/fr/en always; a further edition only while the site has it. Refused with the reason. */
async function editionToCreate(
  repos: Parameters<typeof loadSiteSettings>[0],
  input: string,
): Promise<Edition> {
  if (isInterfaceLang(input)) return input;
  const tag = canonicalLanguage(input);
  if (tag === null)
    throw new Invalid(`"${input}" is not a language tag (ar, fr, en or an edition's tag).`, {
      lang: 'invalid',
    });
  if (!furtherEditions(await loadSiteSettings(repos)).includes(tag))
    throw new Invalid(`The site has no "${tag}" edition; give the language an edition of its own first.`, {
      lang: 'not enabled',
    });
  return tag;
}
