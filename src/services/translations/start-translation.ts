// "Translate into …": a draft in the chosen language with the source's title, dek and body
// copied for the translator (plus its section, tags and picture), in the source's translation
// group and linked to it, all in one transaction. The language is any the site writes in: the
// draft goes to its edition and carries it as its text language when it is not the edition's
// own (Persian in the French edition). One version per edition per story: asking for a language
// whose edition the story already has is a conflict naming the existing version.
import { z } from 'zod';
import { Conflict, Invalid } from '../../core/errors.ts';
import type { Article } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import { articleOrNotFound, writeSave } from '../articles/editing.ts';
import { cleanArticleForm, placeholderSlug } from '../articles/input.ts';
import type { Services } from '../context.ts';
import { loadSiteSettings } from '../settings.ts';
import { authorizeTranslate } from './access.ts';
import { translationTarget } from './targets.ts';

export const StartTranslationInput = z.object({
  sourceId: z.number().int().positive(),
  /** A language tag: an edition ("fr") or a language the site has switched on ("fa"). */
  lang: z.string().max(64),
});
export type StartTranslationInput = z.input<typeof StartTranslationInput>;

/** A language the story already exists in: the editor is sent to that version instead. */
export class TranslationExists extends Conflict {
  constructor(readonly existing: Article) {
    super(`This story already has a version in "${existing.lang}" (article ${existing.id}).`);
  }
}

export async function startTranslation(
  services: Services,
  actor: Actor,
  input: StartTranslationInput,
): Promise<Article> {
  const { sourceId, lang } = parseInput(StartTranslationInput, input);
  const source = await articleOrNotFound(services.repos, sourceId);
  authorizeTranslate(actor.person, source);
  const target = translationTarget(lang, await loadSiteSettings(services.repos));
  if (target.tag === source.textLang)
    throw new Invalid('The translation must be in another language.', { lang: 'same' });
  if (target.edition === source.lang)
    throw new Invalid(`This article is the story's version in the "${source.lang}" edition.`, {
      lang: 'same-edition',
    });
  const edition = target.edition;

  return services.transaction(async (trx, search) => {
    // Read again inside the transaction: two translators starting the same language at once.
    const current = await articleOrNotFound(trx, source.id);
    const group = current.translationGroup ?? current.id;
    const siblings = current.translationGroup === null ? [current] : await trx.articles.translations(group);
    const existing = siblings.find((a) => a.lang === edition && a.status !== 'trashed');
    if (existing) throw new TranslationExists(existing);
    if (current.translationGroup === null) {
      await trx.articles.update(current.id, { translationGroup: group, updatedAt: current.updatedAt });
    }
    const draft = await trx.articles.create({
      lang: edition,
      textLang: target.textLang,
      status: 'draft',
      title: '',
      slug: placeholderSlug(),
      authorIds: [actor.person.id],
      commentsOpen: current.commentsOpen,
      translationGroup: group,
    });
    const { value, errors } = cleanArticleForm(
      {
        title: current.title,
        slug: '',
        dek: current.dek,
        body_html: current.bodyHtml,
        lang: edition,
        text_lang: target.textLang ?? '',
        section_id: current.sectionId,
        tags: '',
        author_ids: [actor.person.id],
        featured_media_id: current.featuredMediaId,
        is_featured: false,
        is_breaking: false,
        comments_open: current.commentsOpen,
        seo_title: '',
        seo_description: '',
        publish_at: '',
      },
      draft.slug,
    );
    const saved = await writeSave(trx, search, actor.person, draft, {
      expectedVersion: draft.version,
      value,
      errors,
    });
    // The story's tags, by id (names would be looked up again, and could match another tag).
    const tagged =
      current.tagIds.length > 0
        ? await trx.articles.update(saved.id, { tagIds: current.tagIds, updatedAt: saved.updatedAt })
        : saved;
    await trx.translations.link({
      articleId: saved.id,
      sourceId: current.id,
      reviewedAt: new Date().toISOString(),
      reviewedBy: actor.person.id,
    });
    await recordAudit(trx, actor, {
      action: 'article.translation-started',
      targetType: 'article',
      targetId: saved.id,
      details: { sourceId: current.id, lang: edition, textLang: target.textLang },
    });
    return tagged;
  });
  // No event: a draft changes nothing readers see, and the source's page is unchanged until
  // the translation is published (hreflang lists published versions only).
}
