// The editor's "language of the text" over HTTP: a Persian text in the French edition is saved
// through the normal save (canonical tag, right to left on the reader page, found by search);
// a bad tag or one the site has not switched on is refused naming the field, nothing saved; a
// form without the field leaves the language as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Actor } from '../../../services/actor.ts';
import { changeContentLanguages } from '../../../services/settings/content-languages.ts';
import { addStaff } from '../../../services/staff.ts';
import { articlePath } from '../../reader/urls.ts';
import { articleMessages } from './messages.ts';

let site: TestSite;
let client: NewsroomClient;
let id: number;

before(async () => {
  site = await startTestSite();
  const { person } = await addStaff(site.services, {
    email: 'text-lang-editor@midad.example',
    name: 'Mariam',
    role: 'admin',
    password: 'dunes of araouane 2026',
  });
  const actor: Actor = { person, ipHash: '' };
  await changeContentLanguages(site.services, actor, {
    languages: [
      { tag: 'ar', fallback: 'ar' },
      { tag: 'fr', fallback: 'fr' },
      { tag: 'en', fallback: 'en' },
      { tag: 'fa', fallback: 'fr' },
    ],
  });
  client = new NewsroomClient(site.app, '198.51.100.77');
  await client.signIn('text-lang-editor@midad.example', 'dunes of araouane 2026');
  const res = await client.submit('/newsroom/articles', '/newsroom/articles/new', {});
  id = Number(/\/newsroom\/articles\/(\d+)$/.exec(res.location ?? '')?.[1]);
  assert.ok(id > 0);
});
after(() => site.close());

const persian = {
  title: 'نمایشگاه کتاب در تمبکتو گشایش یافت',
  slug: 'salon-livre-tombouctou',
  dek: 'ناشران مالی و ایران در کنار هم.',
  body_html: '<p>نمایشگاه کتاب امسال با حضور ناشران ایرانی گشایش یافت.</p>',
  lang: 'fr',
};

/** What is stored: null when the text is in the edition's language. */
async function storedTextLang(): Promise<string | null> {
  const row = await site.services.db.kysely
    .selectFrom('articles')
    .select(['text_lang'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.text_lang;
}

const save = (fields: Record<string, string>, intent = 'save') => client.saveArticle(id, fields, intent);

const messagesOf = (key: 'errTextLangInvalid' | 'errTextLangNotEnabled') =>
  (['ar', 'fr', 'en'] as const).map((l) => articleMessages(l)[key]);

describe('the language of the text in the editor', () => {
  it('offers the site languages, the edition’s own as "same as the edition"', async () => {
    const page = await client.get(`/newsroom/articles/${id}`);
    assert.match(page.body, /<select id="text_lang" name="text_lang"/);
    assert.match(page.body, /<option value="fa" data-dir="rtl">/);
    assert.match(page.body, /<option value>[^<]+<\/option><option value="ar" data-dir="rtl" hidden>/);
    assert.doesNotMatch(page.body, /<option value="fa"[^>]*selected/);
  });

  it('saves a Persian text in the French edition, canonical, right to left on the reader page', async () => {
    const res = await save({ ...persian, text_lang: 'FA' }, 'publish');
    assert.equal(res.status, 303, res.body.slice(0, 400));
    const saved = (await site.services.repos.articles.byId(id))!;
    assert.equal(saved.lang, 'fr');
    assert.equal(await storedTextLang(), 'fa');
    const reader = await site.app.inject({ method: 'GET', url: articlePath(saved) });
    assert.equal(reader.statusCode, 200);
    assert.match(reader.body, /<html[^>]*lang="fr"/);
    const article = /<article class="article"[^>]*>/.exec(reader.body)?.[0] ?? '';
    assert.match(article, /lang="fa"/);
    assert.match(article, /dir="rtl"/);
    assert.ok(reader.body.includes(persian.title));
    // The editor shows it chosen, and the title, dek and body fields in its language and direction.
    const editor = await client.get(`/newsroom/articles/${id}`);
    assert.match(editor.body, /<option value="fa" data-dir="rtl" selected/);
    assert.match(editor.body, /<input id="title" name="title" value="[^"]*" lang="fa" dir="rtl"/);
    assert.match(editor.body, /<textarea id="dek" name="dek" rows="2" lang="fa" dir="rtl"/);
  });

  it('re-indexes the text in its language: Persian words are not cut as Arabic ones', async () => {
    const hits = async (text: string) =>
      (await site.services.search.search({ text, sort: 'relevance', limit: 10, offset: 0 })).hits.some(
        (h) => h.id === id,
      );
    // In the Arabic edition with no language of its own, the text is analysed as Arabic.
    assert.equal((await save({ ...persian, lang: 'ar', text_lang: '' })).status, 303);
    // Arabic analysis cuts ناشران ("publishers") to ناشر; Persian keeps the word whole.
    assert.equal(await hits('ناشر'), true);
    assert.equal((await save({ ...persian, lang: 'ar', text_lang: 'fa' })).status, 303);
    assert.equal(await storedTextLang(), 'fa');
    assert.equal(await hits('ناشر'), false);
    assert.equal(await hits('ناشران'), true);
    assert.equal((await save({ ...persian, text_lang: 'fa' })).status, 303);
  });

  for (const [label, tag, key] of [
    ['a malformed tag', 'persian!', 'errTextLangInvalid'],
    ['a language CLDR does not know', 'zz', 'errTextLangInvalid'],
    ['a language the site has not switched on', 'ha', 'errTextLangNotEnabled'],
  ] as const) {
    it(`refuses ${label}, naming the field, and saves nothing`, async () => {
      const before = (await site.services.repos.articles.byId(id))!;
      const res = await save({ ...persian, title: 'عنوان دیگر', text_lang: tag });
      assert.equal(res.status, 422);
      assert.match(res.body, /<select id="text_lang" name="text_lang"[^>]*aria-invalid="true"/);
      assert.match(res.body, /id="text_lang-error"/);
      assert.ok(
        messagesOf(key).some((m) => res.body.includes(m)),
        `the ${key} message is shown`,
      );
      const after = (await site.services.repos.articles.byId(id))!;
      assert.equal(after.version, before.version);
      assert.equal(after.title, persian.title);
      assert.equal(after.textLang, 'fa');
    });
  }

  it('refuses the field sent twice (400), nothing saved', async () => {
    const before = (await site.services.repos.articles.byId(id))!;
    const page = await client.get(`/newsroom/articles/${id}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    const res = await client.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
      ...persian,
      title: 'عنوان دیگر',
      text_lang: ['fa', 'ur'],
      version,
    });
    assert.equal(res.status, 400);
    assert.equal((await site.services.repos.articles.byId(id))!.version, before.version);
  });

  it('leaves the language as it is when the form has no such field', async () => {
    const res = await save({ ...persian, dek: 'ناشران مالی، ایران و نیجر.' });
    assert.equal(res.status, 303);
    const saved = (await site.services.repos.articles.byId(id))!;
    assert.equal(saved.dek, 'ناشران مالی، ایران و نیجر.');
    assert.equal(saved.textLang, 'fa');
  });

  it('goes back to the edition’s language with the empty choice, or by naming the edition', async () => {
    assert.equal((await save({ ...persian, text_lang: '' })).status, 303);
    assert.equal(await storedTextLang(), null);
    assert.equal((await save({ ...persian, text_lang: 'fa' })).status, 303);
    assert.equal(await storedTextLang(), 'fa');
    assert.equal((await save({ ...persian, text_lang: 'fr' })).status, 303);
    assert.equal(await storedTextLang(), null);
  });
});
