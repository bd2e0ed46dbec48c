// Languages as site data, per-article text languages and search across them, through the
// commands and the write API: refusals name their reason, a language with articles cannot be
// switched off, a query written with Arabic letters finds Persian text, linked tags match
// across scripts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Invalid } from '../../src/core/errors.ts';
import type { Person } from '../../src/core/types.ts';
import type { Actor } from '../../src/services/actor.ts';
import { setTextLanguage } from '../../src/services/articles/text-language.ts';
import { loadSiteSettings, siteLanguages } from '../../src/services/settings.ts';
import { changeContentLanguages } from '../../src/services/settings/content-languages.ts';
import { addStaff } from '../../src/services/staff.ts';
import { findTag, linkTags, unlinkTag } from '../../src/services/tags/link-tags.ts';
import { buildArticle, buildTag } from '../support/factories.ts';
import { HttpClient } from '../support/http-client.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

let site: TestSite;
let admin: Person;
let actor: Actor;
const password = 'manuscrits de tombouctou 2026';
before(async () => {
  site = await startTestSite({ listen: true });
  admin = (
    await addStaff(site.services, {
      email: 'lang-admin@midad.example',
      name: 'Admin',
      role: 'admin',
      password,
    })
  ).person;
  actor = { person: admin, ipHash: '' };
});
after(() => site.close());

const reason = (pattern: RegExp) => (err: unknown) => err instanceof Invalid && pattern.test(err.message);

describe('site languages', () => {
  it('defaults to the served editions, Arabic first', async () => {
    const langs = siteLanguages(await loadSiteSettings(site.services.repos));
    assert.equal(langs[0]?.tag, 'ar');
  });

  it('accepts any tag CLDR knows, canonicalised, with its interface fallback', async () => {
    const saved = await changeContentLanguages(site.services, actor, {
      languages: [
        { tag: 'ar', fallback: 'ar' },
        { tag: 'fr', fallback: 'fr' },
        { tag: 'en', fallback: 'en' },
        { tag: 'FA', fallback: 'fr' },
        { tag: 'ff_adlm', fallback: 'fr' },
      ],
    });
    assert.deepEqual(
      saved.map((l) => l.tag),
      ['ar', 'fr', 'en', 'fa', 'ff-Adlm'],
    );
    const stored = siteLanguages(await loadSiteSettings(site.services.repos));
    assert.deepEqual(
      stored.find((l) => l.tag === 'fa'),
      { tag: 'fa', fallback: 'fr' },
    );
  });

  it('refuses a malformed or unknown tag with the reason', async () => {
    for (const tag of ['persian', 'zz', 'son', 'fa--x']) {
      await assert.rejects(
        changeContentLanguages(site.services, actor, {
          languages: [
            { tag: 'ar', fallback: 'ar' },
            { tag, fallback: 'fr' },
          ],
        }),
        reason(/tag|unknown/),
        tag,
      );
    }
  });

  it('refuses to switch off a language that articles are written in, naming how many', async () => {
    const a = await buildArticle(site.services, { lang: 'fr', title: 'Un texte persan' });
    await setTextLanguage(site.services, actor, { articleId: a.id, language: 'fa' });
    const b = await buildArticle(site.services, { lang: 'fr', title: 'Un autre' });
    await setTextLanguage(site.services, actor, { articleId: b.id, language: 'fa' });
    await assert.rejects(
      changeContentLanguages(site.services, actor, {
        languages: [
          { tag: 'ar', fallback: 'ar' },
          { tag: 'fr', fallback: 'fr' },
          { tag: 'en', fallback: 'en' },
        ],
      }),
      reason(/^2 article\(s\) are written in fa/),
    );
    assert.ok(siteLanguages(await loadSiteSettings(site.services.repos)).some((l) => l.tag === 'fa'));
  });
});

describe('the language of an article text', () => {
  it('refuses a bad tag and a language the site does not publish in', async () => {
    const a = await buildArticle(site.services, { lang: 'fr' });
    await assert.rejects(
      setTextLanguage(site.services, actor, { articleId: a.id, language: 'xx!' }),
      reason(/BCP 47/),
    );
    await assert.rejects(
      setTextLanguage(site.services, actor, { articleId: a.id, language: 'ur' }),
      reason(/does not publish in ur/),
    );
    const fa = await setTextLanguage(site.services, actor, { articleId: a.id, language: 'fa-IR' });
    assert.equal(fa.textLang, 'fa-IR');
    assert.equal(fa.lang, 'fr');
  });

  it('is set through the write API, which refuses a bad tag with 422 and the reason', async () => {
    const client = new HttpClient(site.baseUrl);
    assert.equal((await client.signIn('lang-admin@midad.example', password)).status, 303);
    const created = await client.submit('/newsroom/account/tokens', '/newsroom/account/tokens', {
      name: 'languages',
      expires: '90',
    });
    const token = /data-secret="(midad_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
    assert.ok(token);
    const a = await buildArticle(site.services, { lang: 'fr' });
    const post = (language: unknown) =>
      fetch(`${site.baseUrl}/api/v1/admin/articles/${a.id}/language`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ language }),
      });
    const bad = await post('not a tag');
    assert.equal(bad.status, 422);
    assert.match(JSON.stringify(await bad.json()), /BCP 47/);
    const ok = await post('fa');
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { data: { text_language: string; lang: string } };
    assert.equal(body.data.text_language, 'fa');
    assert.equal(body.data.lang, 'fr');
  });
});

describe('search across languages', () => {
  it('finds Persian text written with ی and ک by a query typed with ي and ك', async () => {
    const a = await buildArticle(site.services, {
      lang: 'fr',
      title: 'کتابخانهٔ یزد',
      bodyHtml: '<p>کتابخانهٔ قدیمی یزد دوباره باز شد و کودکان برای کتاب‌خوانی آمدند.</p>',
    });
    await setTextLanguage(site.services, actor, { articleId: a.id, language: 'fa' });
    const found = await site.services.search.search({ text: 'يزد', sort: 'relevance', limit: 10, offset: 0 });
    assert.ok(
      found.hits.some((h) => h.id === a.id),
      'ي finds ی',
    );
    const kaf = await site.services.search.search({
      text: 'كتابخانه',
      sort: 'relevance',
      limit: 10,
      offset: 0,
    });
    assert.ok(
      kaf.hits.some((h) => h.id === a.id),
      'ك finds ک',
    );
    const digits = await buildArticle(site.services, { lang: 'fr', title: 'سال ۱۴۰۳ در یزد' });
    const western = await site.services.search.search({
      text: '1403',
      sort: 'relevance',
      limit: 10,
      offset: 0,
    });
    assert.ok(
      western.hits.some((h) => h.id === digits.id),
      'Persian digits are digits',
    );
  });

  it('does not cut Persian words as Arabic ones (ایران is not اير)', async () => {
    const a = await buildArticle(site.services, {
      lang: 'fr',
      title: 'سفر به ایران',
      bodyHtml: '<p>سفر به ایران در پاییز.</p>',
    });
    await setTextLanguage(site.services, actor, { articleId: a.id, language: 'fa' });
    const row = await site.services.db.kysely
      .selectFrom('articles')
      .select(['text_lang'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.text_lang, 'fa');
    const wrong = await site.services.search.search({ text: 'اير', sort: 'relevance', limit: 10, offset: 0 });
    assert.ok(!wrong.hits.some((h) => h.id === a.id));
  });

  it('finds articles by a tag linked to one in another script', async () => {
    // A town the built-in place names do not know: only the site's links join its spellings.
    const ar = await buildTag(site.services, { name: 'ولاتة' });
    const fr = await buildTag(site.services, { name: 'Oualata' });
    const en = await buildTag(site.services, { name: 'Walata' });
    const article = await buildArticle(site.services, {
      lang: 'en',
      title: 'Manuscripts of the old city',
      bodyHtml: '<p>Libraries keep old manuscripts.</p>',
      tagIds: [en.id],
    });
    const before = await site.services.search.search({
      text: 'ولاتة',
      sort: 'relevance',
      limit: 10,
      offset: 0,
    });
    assert.ok(!before.hits.some((h) => h.id === article.id), 'not linked yet');
    await linkTags(site.services, actor, { tagId: ar.id, withId: fr.id });
    await linkTags(site.services, 'cli', {
      tagId: (await findTag(site.services, 'Walata')).id,
      withId: fr.id,
    });
    const linked = await site.services.repos.languages.linkedTags([ar.id]);
    assert.deepEqual(linked.get(ar.id)?.sort(), [fr.id, en.id].sort());
    const after = await site.services.search.search({
      text: 'ولاتة',
      sort: 'relevance',
      limit: 10,
      offset: 0,
    });
    assert.ok(
      after.hits.some((h) => h.id === article.id),
      'found through the linked tag',
    );
    await unlinkTag(site.services, actor, { tagId: en.id });
    const unlinked = await site.services.search.search({
      text: 'ولاتة',
      sort: 'relevance',
      limit: 10,
      offset: 0,
    });
    assert.ok(!unlinked.hits.some((h) => h.id === article.id));
    await assert.rejects(linkTags(site.services, actor, { tagId: ar.id, withId: ar.id }), reason(/itself/));
  });
});
