// The language an article's text is written in (editors, authors on their own articles, the
// write API): any language the site has switched on, as a BCP 47 tag. The article stays in
// its edition (URL and interface language); only its text's lang and direction change, so a
// Persian article inside the French edition is shown right to left within French pages.
import { z } from 'zod';
import { Invalid, NotFound } from '../../core/errors.ts';
import type { SiteLanguage } from '../../core/languages/choices.ts';
import { baseLanguage, checkLanguageTag } from '../../core/languages/tags.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { loadSiteSettings, siteLanguages } from '../settings.ts';

export const SetTextLanguageInput = z.object({
  articleId: z.number().int().positive(),
  language: z.string().max(64),
});
export type SetTextLanguageInput = z.input<typeof SetTextLanguageInput>;

export type TextLanguageCheck =
  | { ok: true; tag: string }
  | { ok: false; code: 'invalid_language' | 'not_enabled'; reason: string };

/**
 * A text language as typed, canonicalised, and accepted only when the site has switched it on
 * (itself or its base language: "fa" on allows "fa-AF"). The editor's save shares this check.
 */
export function checkTextLanguage(input: string, enabled: readonly SiteLanguage[]): TextLanguageCheck {
  const check = checkLanguageTag(input);
  if (!check.ok) return { ok: false, code: 'invalid_language', reason: check.reason };
  const tag = check.tag;
  if (!enabled.some((l) => l.tag === tag || l.tag === baseLanguage(tag)))
    return {
      ok: false,
      code: 'not_enabled',
      reason: `The site does not publish in ${tag}; switch it on in the language settings first.`,
    };
  return { ok: true, tag };
}

export async function setTextLanguage(
  services: Services,
  actor: Actor,
  input: SetTextLanguageInput,
): Promise<Article> {
  const data = parseInput(SetTextLanguageInput, input);
  const article = await services.repos.articles.byId(data.articleId);
  if (!article) throw new NotFound('No such article.');
  authorize(actor.person, { kind: 'article.edit', article });
  const check = checkTextLanguage(data.language, siteLanguages(await loadSiteSettings(services.repos)));
  if (!check.ok) throw new Invalid(check.reason, { language: check.code });
  const tag = check.tag;
  if (tag === article.textLang) return article;
  const after = await services.transaction(async (trx, search) => {
    const updated = await trx.articles.update(article.id, { textLang: tag === article.lang ? null : tag });
    await search.indexArticle(article.id);
    await recordAudit(trx, actor, {
      action: 'article.language-changed',
      targetType: 'article',
      targetId: article.id,
      details: { from: article.textLang, to: tag },
    });
    return updated;
  });
  await articleChanged(services.events, article, after);
  return after;
}
