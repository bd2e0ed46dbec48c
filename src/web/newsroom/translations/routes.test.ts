// The translation desk over HTTP: an editor starts a French translation of an Arabic article
// from its desk and lands in the editor on the draft; once it is published both reader pages
// list each other as hreflang alternates; a correction of the source flags the translation on
// the desk until it is marked reviewed; refusals show the desk again with the reason in the
// person's language and change nothing; linking and unlinking work from the page; a language
// without an edition (Persian in the French edition) is offered and gives the draft its text
// language.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildArticle, PERSIAN_IN_FRENCH } from '../../../../test/support/factories.ts';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { updateSiteSettings } from '../../../services/settings.ts';
import { articlePath } from '../../reader/urls.ts';

let site: TestSite;
let editor: NewsroomClient;
before(async () => {
  site = await startTestSite();
  editor = await staffClient(site, 'editor', '198.51.100.81');
});
after(() => site.close());

const read = async (url: string) => (await site.app.inject({ method: 'GET', url })).body;
const hreflangs = (html: string) =>
  [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => m[1]).sort();

describe('the translation desk', () => {
  it('translates, publishes with hreflang both ways, and flags the translation when the source is corrected', async () => {
    const source = await buildArticle(site.services, {
      lang: 'ar',
      title: 'موسم الأمطار يبدأ مبكرًا',
      bodyHtml: '<p>بدأ موسم الأمطار هذا العام قبل موعده بأسبوعين.</p>',
      publishedAt: new Date(Date.now() - 120_000).toISOString(),
    });
    const desk = `/newsroom/articles/${source.id}/translations`;
    const page = await editor.get(desk);
    assert.equal(page.status, 200);
    assert.match(page.body, /<option value="fr">/);
    const started = await editor.submit(desk, desk, { lang: 'fr' });
    assert.equal(started.status, 303);
    const draftId = Number(/\/newsroom\/articles\/(\d+)$/.exec(started.location ?? '')?.[1]);
    assert.ok(draftId > 0, `redirected to the draft: ${started.location}`);
    const draft = await site.services.repos.articles.byId(draftId);
    assert.equal(draft?.lang, 'fr');
    assert.equal(draft?.title, source.title, 'the text is copied for the translator');

    // The translator's work, then publication.
    await site.services.repos.articles.update(draftId, {
      title: 'La saison des pluies commence tôt',
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const published = (await site.services.repos.articles.byId(draftId))!;
    await site.services.events.emit({
      type: 'article',
      change: 'published',
      before: draft,
      after: published,
    });
    const sourcePage = await read(articlePath(source));
    const translationPage = await read(articlePath(published));
    assert.deepEqual(
      hreflangs(sourcePage).filter((l) => l !== 'x-default'),
      ['ar', 'fr'],
    );
    assert.deepEqual(
      hreflangs(translationPage).filter((l) => l !== 'x-default'),
      ['ar', 'fr'],
    );

    const flaggedText = 'تغيّر الأصل بعد نشر هذه الترجمة';
    assert.ok(!(await editor.get(desk)).body.includes(flaggedText));
    const corrected = await editor.submit(
      `/newsroom/articles/${source.id}/corrections`,
      `/newsroom/articles/${source.id}/corrections`,
      { kind: 'correction', body: 'بدأ الموسم قبل موعده بأسبوعين لا بثلاثة.' },
    );
    assert.equal(corrected.status, 303);
    const flagged = await editor.get(`/newsroom/articles/${draftId}/translations`);
    assert.ok(flagged.body.includes(flaggedText), 'the desk flags the translation');
    const inEditor = await editor.get(`/newsroom/articles/${draftId}`);
    assert.ok(inEditor.body.includes(flaggedText), "the translation's editor shows the flag");
    assert.match(
      inEditor.body,
      /بدأ موسم الأمطار هذا العام قبل موعده بأسبوعين/,
      'and the source to read beside it',
    );
    assert.match(inEditor.body, new RegExp(`href="/newsroom/articles/${draftId}/translations"`));
    const reviewed = await editor.submit(
      `/newsroom/articles/${draftId}/translations`,
      `/newsroom/articles/${draftId}/translations/reviewed`,
      { version_id: String(draftId) },
    );
    assert.equal(reviewed.status, 303);
    assert.ok(!(await editor.get(desk)).body.includes(flaggedText), 'reviewed: no flag');
  });

  it('refuses a language the story already has, with the reason, and links and unlinks existing articles', async () => {
    const ar = await buildArticle(site.services, { lang: 'ar', title: 'سوق الماشية' });
    const en = await buildArticle(site.services, { lang: 'en', title: 'The cattle market' });
    const desk = `/newsroom/articles/${ar.id}/translations`;
    const linked = await editor.submit(desk, `${desk}/link`, { article_id: String(en.id) });
    assert.equal(linked.status, 303);
    assert.equal((await site.services.repos.articles.byId(en.id))?.translationGroup, ar.id);

    const twice = await editor.submit(desk, desk, { lang: 'en' });
    assert.equal(twice.status, 409);
    assert.match(twice.body, /للقصة نسخة بهذه اللغة من قبل/);
    assert.match(twice.body, /The cattle market/);

    const unlinked = await editor.submit(desk, `${desk}/unlink`, { version_id: String(en.id) });
    assert.equal(unlinked.status, 303);
    assert.equal((await site.services.repos.articles.byId(en.id))?.translationGroup, null);
    const again = await editor.submit(desk, `${desk}/unlink`, { version_id: String(en.id) });
    assert.equal(again.status, 422);
    assert.match(again.body, /غير مربوط/);
  });

  it('answers malformed forms with 400 and unknown articles with 404, never 500', async () => {
    const ar = await buildArticle(site.services, { lang: 'ar' });
    const desk = `/newsroom/articles/${ar.id}/translations`;
    assert.equal((await editor.submit(desk, desk, { lang: 'x'.repeat(65) })).status, 400);
    assert.equal((await editor.submit(desk, `${desk}/link`, { article_id: 'abc' })).status, 400);
    assert.equal((await editor.submit(desk, `${desk}/link`, { article_id: '99999999' })).status, 404);
    assert.equal((await editor.get('/newsroom/articles/99999999/translations')).status, 404);
    assert.equal((await editor.get('/newsroom/articles/abc/translations')).status, 404);
  });

  it("offers the site's languages by name, and a Persian translation goes to the French edition as Persian", async () => {
    await updateSiteSettings(site.services.repos, {
      contentLanguages: [...PERSIAN_IN_FRENCH],
    });
    try {
      const source = await buildArticle(site.services, {
        lang: 'ar',
        title: 'مهرجان الشعر في المدينة القديمة',
      });
      const desk = `/newsroom/articles/${source.id}/translations`;
      const page = await editor.get(desk);
      assert.match(page.body, /<option value="fa">الفارسية \(تُنشر في طبعة الفرنسية\)<\/option>/);
      assert.match(page.body, /<option value="fr">الفرنسية<\/option>/);

      const groupOf = async () => (await site.services.repos.articles.byId(source.id))?.translationGroup;
      for (const [lang, reason] of [
        ['zz', 'هذا ليس رمز لغة معروفًا'],
        ['ha', 'الموقع لا ينشر بهذه اللغة'],
      ] as const) {
        const refused = await editor.submit(desk, desk, { lang });
        assert.equal(refused.status, 422, lang);
        assert.ok(refused.body.includes(reason), `the reason for ${lang}, in Arabic`);
        assert.equal(await groupOf(), null, 'nothing created');
      }

      const started = await editor.submit(desk, desk, { lang: 'fa' });
      assert.equal(started.status, 303);
      const draftId = Number(/\/newsroom\/articles\/(\d+)$/.exec(started.location ?? '')?.[1]);
      const draft = await site.services.repos.articles.byId(draftId);
      assert.equal(draft?.lang, 'fr');
      assert.equal(draft?.textLang, 'fa');
      assert.equal(await groupOf(), source.id);
      const after = await editor.get(desk);
      assert.doesNotMatch(after.body, /<option value="(fa|fr)">/, 'the French edition has its version');
      assert.match(after.body, /<td>الفارسية<\/td>/, 'the version is listed in its language');
    } finally {
      await updateSiteSettings(site.services.repos, { contentLanguages: [] });
    }
  });
});
