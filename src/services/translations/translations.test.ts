// The translation desk's commands on both engines: "translate into …" makes a linked draft with
// the source's text, once per language; linking and unlinking existing articles move them
// between stories (refusing a language the story has, the same language, a reversed link);
// a published translation is flagged when its source changes afterwards, until reviewed; who
// may do what; and every write is audited.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildArticle, buildPerson, PERSIAN_IN_FRENCH } from '../../../test/support/factories.ts';
import { loadConfig } from '../../config.ts';
import { Forbidden, Invalid } from '../../core/errors.ts';
import type { Person } from '../../core/types.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import type { Actor } from '../actor.ts';
import { addCorrection } from '../articles/corrections.ts';
import { type Services, servicesFor } from '../context.ts';
import { updateSiteSettings } from '../settings.ts';
import { translationDesk } from './desk.ts';
import { linkTranslation, markTranslationReviewed, unlinkTranslation } from './links.ts';
import { startTranslation, TranslationExists } from './start-translation.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-translations-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const as = (person: Person): Actor => ({ person, ipHash: 'test' });

await forEachEngine((engine) => {
  describe('translation desk commands', () => {
    let services: Services;
    let storedTextLang: (id: number) => Promise<string | null | undefined>;
    const ready = (async () => {
      const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
      const db = await engine.fresh();
      services = servicesFor(config, db);
      storedTextLang = async (id) =>
        (await db.kysely.selectFrom('articles').select('text_lang').where('id', '=', id).executeTakeFirst())
          ?.text_lang;
    })();
    const audited = async (action: string) =>
      (await services.repos.audit.list({ limit: 500, action })).length;

    it('makes a linked draft in another language with the text copied, once per language', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const source = await buildArticle(services, {
        lang: 'ar',
        title: 'افتتاح جسر جديد على النهر',
        dek: 'الجسر يربط ضفتي المدينة',
        bodyHtml: '<p>افتُتح صباح اليوم جسر جديد.</p>',
      });
      const draft = await startTranslation(services, as(editor), { sourceId: source.id, lang: 'fr' });
      assert.equal(draft.lang, 'fr');
      assert.equal(draft.status, 'draft');
      assert.equal(draft.title, source.title);
      assert.equal(draft.dek, source.dek);
      assert.equal(draft.bodyHtml, source.bodyHtml);
      assert.deepEqual(draft.authorIds, [editor.id]);
      const after = await services.repos.articles.byId(source.id);
      assert.equal(after?.translationGroup, source.id, 'the source starts the story group');
      assert.equal(draft.translationGroup, source.id);
      assert.equal(after?.updatedAt, source.updatedAt, "the source's updated time is untouched");
      assert.deepEqual(await services.repos.translations.byArticle(draft.id), {
        articleId: draft.id,
        sourceId: source.id,
        reviewedAt: (await services.repos.translations.byArticle(draft.id))?.reviewedAt,
        reviewedBy: editor.id,
      });
      assert.equal(await audited('article.translation-started'), 1);

      await assert.rejects(
        startTranslation(services, as(editor), { sourceId: source.id, lang: 'fr' }),
        (err) => err instanceof TranslationExists && err.existing.id === draft.id,
      );
      // From the translation too: it is the same story.
      await assert.rejects(
        startTranslation(services, as(editor), { sourceId: draft.id, lang: 'ar' }),
        TranslationExists,
      );
      await assert.rejects(
        startTranslation(services, as(editor), { sourceId: source.id, lang: 'ar' }),
        Invalid,
      );
      await assert.rejects(
        startTranslation(services, as(editor), { sourceId: source.id, lang: 'de' as 'fr' }),
        Invalid,
      );
      const desk = await translationDesk(services, editor, source.id);
      assert.deepEqual(
        desk.versions.map((v) => [v.article.lang, v.sourceId]),
        [
          ['ar', null],
          ['fr', source.id],
        ],
      );
      assert.deepEqual(desk.missing, [{ tag: 'en', edition: 'en', textLang: null }]);
    });

    it('flags a published translation when its source changes afterwards, until reviewed', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const source = await buildArticle(services, { lang: 'ar', publishedAt: '2026-03-01T08:00:00.000Z' });
      await services.repos.articles.update(source.id, { updatedAt: '2026-03-01T08:00:00.000Z' });
      const draft = await startTranslation(services, as(editor), { sourceId: source.id, lang: 'en' });
      const flagged = async () =>
        (await translationDesk(services, editor, source.id)).versions.find((v) => v.article.id === draft.id)
          ?.sourceChanged;
      // The source corrected while the translation is a draft: the translator works on the new text.
      assert.equal(await flagged(), false);
      await services.repos.articles.update(draft.id, {
        status: 'published',
        publishedAt: new Date(Date.now() - 1000).toISOString(),
      });
      assert.equal(await flagged(), false, 'published after the last change of its source');
      await new Promise((r) => setTimeout(r, 5));
      await addCorrection(services, as(editor), {
        articleId: source.id,
        kind: 'correction',
        body: 'صُحّح اسم الجسر في الفقرة الأولى.',
      });
      assert.equal(await flagged(), true, 'the correction of the source flags the translation');
      await markTranslationReviewed(services, as(editor), { articleId: draft.id });
      assert.equal(await flagged(), false);
      assert.equal(await audited('article.translation-reviewed'), 1);
      // Reviewing an article that is not a translation is refused.
      await assert.rejects(markTranslationReviewed(services, as(editor), { articleId: source.id }));
    });

    it('links and unlinks existing articles, refusing what would break a story', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const ar = await buildArticle(services, { lang: 'ar' });
      const fr = await buildArticle(services, { lang: 'fr' });
      const fr2 = await buildArticle(services, { lang: 'fr' });
      const en = await buildArticle(services, { lang: 'en' });
      await linkTranslation(services, as(editor), { articleId: fr.id, sourceId: ar.id });
      assert.equal((await services.repos.articles.byId(fr.id))?.translationGroup, ar.id);
      assert.equal((await services.repos.articles.byId(ar.id))?.translationGroup, ar.id);
      await assert.rejects(
        linkTranslation(services, as(editor), { articleId: fr2.id, sourceId: ar.id }),
        (err) => err instanceof TranslationExists && err.existing.id === fr.id,
      );
      await assert.rejects(
        linkTranslation(services, as(editor), { articleId: ar.id, sourceId: fr.id }),
        Invalid,
      );
      await assert.rejects(
        linkTranslation(services, as(editor), { articleId: fr2.id, sourceId: fr.id }),
        Invalid,
      );
      await assert.rejects(
        linkTranslation(services, as(editor), { articleId: ar.id, sourceId: ar.id }),
        Invalid,
      );
      assert.equal((await services.repos.articles.byId(fr2.id))?.translationGroup, null, 'nothing half-done');

      await linkTranslation(services, as(editor), { articleId: en.id, sourceId: fr.id });
      assert.equal((await services.repos.articles.byId(en.id))?.translationGroup, ar.id);
      await unlinkTranslation(services, as(editor), { articleId: fr.id });
      assert.equal((await services.repos.articles.byId(fr.id))?.translationGroup, null);
      assert.equal(
        await services.repos.translations.byArticle(en.id),
        null,
        "its translation's link went with it",
      );
      assert.equal(
        (await services.repos.articles.byId(en.id))?.translationGroup,
        ar.id,
        'the rest stays one story',
      );
      await unlinkTranslation(services, as(editor), { articleId: en.id });
      assert.equal(
        (await services.repos.articles.byId(ar.id))?.translationGroup,
        null,
        'a story of one is no group',
      );
      await assert.rejects(unlinkTranslation(services, as(editor), { articleId: en.id }), Invalid);
      assert.equal(await audited('article.translation-linked'), 2);
      assert.equal(await audited('article.translation-unlinked'), 2);
    });

    it('lets contributors translate only what they may read, and link only what they may edit', async () => {
      await ready;
      const contributor = await buildPerson(services, { role: 'contributor' });
      const someoneElses = await buildArticle(services, { lang: 'ar' });
      await assert.rejects(
        startTranslation(services, as(contributor), { sourceId: someoneElses.id, lang: 'fr' }),
        Forbidden,
      );
      const own = await buildArticle(services, { lang: 'ar', status: 'draft', authorIds: [contributor.id] });
      const draft = await startTranslation(services, as(contributor), { sourceId: own.id, lang: 'fr' });
      assert.deepEqual(draft.authorIds, [contributor.id]);
      await assert.rejects(
        linkTranslation(services, as(contributor), { articleId: someoneElses.id, sourceId: own.id }),
        Forbidden,
      );
      await assert.rejects(translationDesk(services, contributor, someoneElses.id), Forbidden);
    });

    it("translates into any language the site writes in: the draft carries it in its language's edition", async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      await updateSiteSettings(services.repos, {
        languages: ['ar', 'fr', 'en'],
        contentLanguages: [...PERSIAN_IN_FRENCH],
      });
      try {
        const source = await buildArticle(services, { lang: 'ar', title: 'معرض الكتاب يفتح أبوابه' });
        assert.deepEqual((await translationDesk(services, editor, source.id)).missing, [
          { tag: 'fa', edition: 'fr', textLang: 'fa' },
          { tag: 'fr', edition: 'fr', textLang: null },
          { tag: 'en', edition: 'en', textLang: null },
        ]);

        const persian = await startTranslation(services, as(editor), { sourceId: source.id, lang: 'FA' });
        assert.equal(persian.lang, 'fr', "published in Persian's fallback edition");
        assert.equal(persian.textLang, 'fa');
        assert.equal(await storedTextLang(persian.id), 'fa');
        assert.equal((await services.repos.translations.byArticle(persian.id))?.sourceId, source.id);
        const audit = await services.repos.audit.list({ limit: 500, action: 'article.translation-started' });
        assert.deepEqual(audit.find((e) => e.targetId === String(persian.id))?.details, {
          sourceId: source.id,
          lang: 'fr',
          textLang: 'fa',
        });
        // The French edition now has the story's version: French is no longer offered.
        assert.deepEqual(
          (await translationDesk(services, editor, source.id)).missing.map((m) => m.tag),
          ['en'],
        );
        await assert.rejects(
          startTranslation(services, as(editor), { sourceId: source.id, lang: 'fr' }),
          (err) => err instanceof TranslationExists && err.existing.id === persian.id,
        );

        const english = await startTranslation(services, as(editor), { sourceId: source.id, lang: 'en' });
        assert.equal(english.lang, 'en');
        assert.equal(english.textLang, 'en');
        assert.equal(await storedTextLang(english.id), null, "the edition's own language is stored as null");

        // From the Persian version: its own language, or another in its edition, is refused.
        const reason = (code: string) => (err: unknown) => err instanceof Invalid && err.fields.lang === code;
        await assert.rejects(
          startTranslation(services, as(editor), { sourceId: persian.id, lang: 'fa' }),
          reason('same'),
        );
        await assert.rejects(
          startTranslation(services, as(editor), { sourceId: persian.id, lang: 'fr' }),
          reason('same-edition'),
        );
        const other = await buildArticle(services, { lang: 'en', title: 'A book fair opens' });
        const count = async () => (await services.repos.audit.list({ limit: 500 })).length;
        const before = await count();
        await assert.rejects(
          startTranslation(services, as(editor), { sourceId: other.id, lang: 'zz' }),
          reason('invalid'),
        );
        await assert.rejects(
          startTranslation(services, as(editor), { sourceId: other.id, lang: 'ha' }),
          reason('not enabled'),
        );
        // Persian's edition switched off: Persian has nowhere to go.
        await updateSiteSettings(services.repos, { languages: ['ar', 'en'] });
        assert.deepEqual(
          (await translationDesk(services, editor, other.id)).missing.map((m) => m.tag),
          ['ar'],
        );
        await assert.rejects(
          startTranslation(services, as(editor), { sourceId: other.id, lang: 'fa' }),
          reason('not enabled'),
        );
        assert.equal(await count(), before, 'nothing written');
        assert.equal((await services.repos.articles.byId(other.id))?.translationGroup, null);
      } finally {
        await updateSiteSettings(services.repos, { languages: ['ar', 'fr', 'en'], contentLanguages: [] });
      }
    });
  });
});
