// An edition for a language beyond ar/fr/en: Persian switched on with an edition of its own is
// served under /fa with its own direction, dates and language switcher entry, its interface text
// falling back to Arabic; its articles live there (old addresses redirect), its feed exists, and
// a language without an edition has no pages. Refusals: an edition at an address the site uses,
// an article moved to an edition the site does not have, taking the edition from its articles.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { messages } from '../../core/i18n.ts';
import type { Actor } from '../../services/actor.ts';
import { changeContentLanguages } from '../../services/settings/content-languages.ts';
import { addStaff } from '../../services/staff.ts';
import { articleMessages } from '../newsroom/articles/messages.ts';
import { articlePath } from './urls.ts';

let site: TestSite;
let client: NewsroomClient;
let actor: Actor;
let id: number;

const LANGUAGES = [
  { tag: 'ar', fallback: 'ar' as const },
  { tag: 'fr', fallback: 'fr' as const },
  { tag: 'en', fallback: 'en' as const },
  { tag: 'fa', fallback: 'ar' as const, edition: true },
  { tag: 'ha', fallback: 'fr' as const },
];

const persian = {
  title: 'بازار گائو پس از باران دوباره باز شد',
  slug: 'bazar-gao',
  dek: 'فروشندگان پس از سه روز به بازار برگشتند.',
  body_html: '<p>بازار بزرگ گائو امروز صبح پس از باران‌های سنگین دوباره باز شد.</p>',
};

const save = (fields: Record<string, string>, intent = 'save') => client.saveArticle(id, fields, intent);

before(async () => {
  site = await startTestSite();
  const { person } = await addStaff(site.services, {
    email: 'editions-admin@midad.example',
    name: 'Fatemeh',
    role: 'admin',
    password: 'river niger at dusk 2026',
  });
  actor = { person, ipHash: '' };
  await changeContentLanguages(site.services, actor, { languages: LANGUAGES });
  client = new NewsroomClient(site.app, '198.51.100.91');
  await client.signIn('editions-admin@midad.example', 'river niger at dusk 2026');
  const res = await client.submit('/newsroom/articles', '/newsroom/articles/new', {});
  id = Number(/\/newsroom\/articles\/(\d+)$/.exec(res.location ?? '')?.[1]);
  assert.ok(id > 0);
  const published = await save({ ...persian, lang: 'fa' }, 'publish');
  assert.equal(published.status, 303, published.body.slice(0, 400));
});
after(() => site.close());

describe('an edition of its own for a further language', () => {
  it('offers the edition in the editor and stores the article in it', async () => {
    const editor = await client.get(`/newsroom/articles/${id}`);
    assert.match(editor.body, /<option value="fa" selected lang="fa">فارسی<\/option>/);
    assert.doesNotMatch(editor.body, /<option value="ha"[^>]*lang="ha">/);
    const saved = (await site.services.repos.articles.byId(id))!;
    assert.equal(saved.lang, 'fa');
    assert.equal(saved.textLang, 'fa');
    assert.equal(articlePath(saved), `/fa/article/${id}/bazar-gao`);
    // The newsroom's list filters by the edition too.
    const list = await client.get('/newsroom/articles?lang=fa');
    assert.match(list.body, /<option value="fa" selected lang="fa">فارسی<\/option>/);
    assert.ok(list.body.includes(persian.title));
    assert.ok(!list.body.includes(site.mainArticle.title));
  });

  it('serves the home page and the article under /fa, right to left, with Persian dates', async () => {
    const home = await site.app.inject('/fa/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html[^>]*lang="fa"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="fa"/);
    assert.ok(home.body.includes(persian.title));
    // Arabic articles stay in the Arabic edition.
    assert.ok(!home.body.includes(site.mainArticle.title));
    // The newsletter form signs up to the interface language's newsletter (Arabic, at the root).
    assert.match(home.body, /<form[^>]*action="\/newsletter\/subscribe"/);

    const page = await site.app.inject(`/fa/article/${id}/bazar-gao`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html[^>]*lang="fa"/);
    assert.match(page.body, /<link rel="canonical" href="[^"]*\/fa\/article\/\d+\/bazar-gao"/);
    // The date is written as Persian writes it (Persian digits), from CLDR.
    const time = /<time[^>]*>([^<]+)<\/time>/.exec(page.body)?.[1] ?? '';
    assert.match(time, /[۰-۹]/, time);
    assert.match(page.body, /<meta property="og:locale" content="fa_IR"/);
    // Interface text the edition has no catalogue for comes from its fallback, Arabic.
    assert.ok(page.body.includes(messages('ar').searchPlaceholder));
  });

  it('names the edition in the language switcher of every edition', async () => {
    const arabicHome = await site.app.inject('/');
    assert.match(arabicHome.body, /href="\/fa\/"[^>]*>[^<]*فارسی/);
    const french = await site.app.inject('/fr/');
    assert.match(french.body, /href="\/fa\/"[^>]*>[^<]*فارسی/);
  });

  it('sends the article’s other addresses to its edition', async () => {
    for (const url of [`/fr/article/${id}`, `/article/${id}/bazar-gao`, `/fa/article/${id}`]) {
      const res = await site.app.inject(url);
      assert.equal(res.statusCode, 301, url);
      assert.equal(res.headers.location, `/fa/article/${id}/bazar-gao`, url);
    }
  });

  it('has its feed and search page', async () => {
    const feed = await site.app.inject('/fa/feed.xml');
    assert.equal(feed.statusCode, 200);
    assert.ok(feed.body.includes(persian.title));
    assert.match(feed.body, /<language>fa<\/language>/);
    const search = await site.app.inject(`/fa/search?q=${encodeURIComponent('بازار')}`);
    assert.equal(search.statusCode, 200);
    // Titles come back with the matched words marked: the result is found by its address.
    assert.ok(search.body.includes(`href="/fa/article/${id}/bazar-gao"`));
  });

  it('is listed by the content API under its tag; a tag without an edition is refused', async () => {
    const list = await site.app.inject('/api/v1/articles?lang=fa');
    assert.equal(list.statusCode, 200);
    const data = (list.json() as { data: { id: number; lang: string; url: string }[] }).data;
    assert.deepEqual(
      data.filter((a) => a.id === id).map((a) => [a.lang, new URL(a.url).pathname]),
      [['fa', `/fa/article/${id}/bazar-gao`]],
    );
    assert.ok(data.every((a) => a.lang === 'fa'));
    assert.equal((await site.app.inject('/api/v1/articles?lang=ha')).statusCode, 400);
  });

  it('is in the sitemap and the news sitemap under its address', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const sitemap = await site.app.inject(`/sitemaps/articles-${month}.xml`);
    assert.equal(sitemap.statusCode, 200);
    assert.ok(sitemap.body.includes(`/fa/article/${id}/bazar-gao</loc>`));
    const news = await site.app.inject('/sitemap-news.xml');
    assert.match(
      news.body,
      new RegExp(`/fa/article/${id}/bazar-gao</loc>[\\s\\S]*?<news:language>fa</news:language>`),
    );
  });

  it('has its web app manifest and offline page', async () => {
    const manifest = await site.app.inject('/fa/manifest.webmanifest');
    assert.equal(manifest.statusCode, 200);
    const json = manifest.json() as { lang: string; dir: string; start_url: string };
    assert.deepEqual([json.lang, json.dir, json.start_url], ['fa', 'rtl', '/fa/']);
    const offline = await site.app.inject('/fa/offline');
    assert.equal(offline.statusCode, 200);
    assert.match(offline.body, /<html[^>]*lang="fa"/);
  });

  it('leaves an old address that looks like a prefix to the recorded redirects', async () => {
    await site.services.repos.redirects.create({ fromPath: '/about/', toPath: '/privacy' });
    const res = await site.app.inject('/about/');
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, '/privacy');
  });

  it('makes a translation into the language in its edition', async () => {
    const source = site.mainArticle;
    const desk = `/newsroom/articles/${source.id}/translations`;
    assert.match((await client.get(desk)).body, /<option value="fa">/);
    const res = await client.submit(desk, desk, { lang: 'fa' });
    assert.equal(res.status, 303);
    const draftId = Number(/\/newsroom\/articles\/(\d+)/.exec(res.location ?? '')?.[1]);
    const draft = (await site.services.repos.articles.byId(draftId))!;
    assert.equal(draft.lang, 'fa');
    assert.equal(draft.textLang, 'fa');
    assert.equal(
      draft.translationGroup,
      (await site.services.repos.articles.byId(source.id))!.translationGroup,
    );
  });

  it('has no pages for a language without an edition, nor for unknown prefixes', async () => {
    for (const url of ['/ha/', '/ha/feed.xml', '/de/', `/ha/article/${id}/bazar-gao`, '/zz-x/search']) {
      assert.equal((await site.app.inject(url)).statusCode, 404, url);
    }
  });
});

describe('section names in a further edition', () => {
  it('names a section in the edition, shown there; other editions keep theirs', async () => {
    const section = (await site.services.repos.sections.list())[0]!;
    const page = await client.get('/newsroom/sections');
    assert.match(page.body, /<input id="s\d+-x-fa" name="name_x_fa" value dir="rtl" lang="fa"/);
    const form = `/newsroom/sections/${section.id}`;
    const res = await client.submit('/newsroom/sections', form, {
      slug: section.slug,
      name_ar: section.names.ar,
      name_fr: section.names.fr,
      name_en: section.names.en,
      name_x_fa: 'ساحل به فارسی',
      parent_id: '',
      position: String(section.position),
    });
    assert.equal(res.status, 303, res.body.slice(0, 300));
    assert.match((await site.app.inject('/fa/')).body, /<a href="\/fa\/section\/[^"]+">ساحل به فارسی<\/a>/);
    const french = (await site.app.inject('/fr/')).body;
    assert.ok(french.includes(`>${section.names.fr}</a>`));
    assert.ok(!french.includes('ساحل به فارسی'));
  });

  it('refuses a name for a language without an edition, and changes nothing', async () => {
    const section = (await site.services.repos.sections.list())[0]!;
    const res = await client.submit('/newsroom/sections', `/newsroom/sections/${section.id}`, {
      slug: section.slug,
      name_ar: section.names.ar,
      name_x_ha: 'Sahel',
      parent_id: '',
      position: '0',
    });
    assert.equal(res.status, 422);
    assert.deepEqual((await site.services.repos.sections.byId(section.id))!.otherNames, {
      fa: 'ساحل به فارسی',
    });
  });
});

describe('moving a language’s articles into its edition', () => {
  it('moves the Persian articles of other editions to /fa, keeping their old addresses as redirects', async () => {
    // A Persian text published in the French edition before Persian had an edition.
    const res = await client.submit('/newsroom/articles', '/newsroom/articles/new', {});
    const other = Number(/\/newsroom\/articles\/(\d+)$/.exec(res.location ?? '')?.[1]);
    const page = await client.get(`/newsroom/articles/${other}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    const saved = await client.submit(`/newsroom/articles/${other}`, `/newsroom/articles/${other}`, {
      title: 'نیامی در انتظار باران',
      slug: 'niamey-baran',
      body_html: '<p>کشاورزان نیامی هنوز منتظر نخستین باران فصل هستند.</p>',
      lang: 'fr',
      text_lang: 'fa',
      version,
      intent: 'publish',
    });
    assert.equal(saved.status, 303);
    // And one that cannot move: its story already has a Persian version (the first article).
    const story = (await site.services.repos.articles.byId(id))!;
    const group = story.translationGroup ?? story.id;
    await site.services.repos.articles.update(id, { translationGroup: group, updatedAt: story.updatedAt });
    const twin = await site.services.repos.articles.create({
      lang: 'en',
      textLang: 'fa',
      status: 'draft',
      title: 'نسخه دوم',
      slug: 'twin',
      authorIds: [],
      commentsOpen: false,
      translationGroup: group,
    });

    const languages = await client.get('/newsroom/settings/languages');
    assert.match(languages.body, /id="move-fa"/);
    const moved = await client.submit('/newsroom/settings/languages', '/newsroom/settings/languages/move', {
      tag: 'fa',
    });
    assert.equal(moved.status, 200);
    assert.ok(moved.body.includes('نُقل 1 إلى نسخة فارسی؛ بقي 1'), moved.body.slice(0, 300));
    const after = (await site.services.repos.articles.byId(other))!;
    assert.deepEqual([after.lang, after.textLang], ['fa', 'fa']);
    const old = await site.app.inject(`/fr/article/${other}/niamey-baran`);
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, `/fa/article/${other}/niamey-baran`);
    assert.equal((await site.services.repos.articles.byId(twin.id))!.lang, 'en');
  });

  it('refuses to move one version of a story into an edition where another version lives', async () => {
    const story = (await site.services.repos.articles.byId(id))!;
    const twin = (await site.services.repos.articles.translations(story.translationGroup!)).find(
      (a) => a.lang === 'en',
    )!;
    const page = await client.get(`/newsroom/articles/${twin.id}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    const res = await client.submit(`/newsroom/articles/${twin.id}`, `/newsroom/articles/${twin.id}`, {
      title: twin.title,
      slug: twin.slug,
      lang: 'fa',
      version,
    });
    assert.equal(res.status, 422);
    assert.ok(res.body.includes(articleMessages('ar').errEditionTaken));
    assert.equal((await site.services.repos.articles.byId(twin.id))!.lang, 'en');
  });
});

describe('refusals', () => {
  it('refuses an article moved to an edition the site does not have, and keeps it', async () => {
    const res = await save({ ...persian, lang: 'ha' });
    assert.equal(res.status, 422);
    assert.ok(res.body.includes(articleMessages('ar').errEditionNotEnabled));
    assert.equal((await site.services.repos.articles.byId(id))!.lang, 'fa');
  });

  it('refuses an edition at an address the site uses for its own pages', async () => {
    await assert.rejects(
      changeContentLanguages(site.services, actor, {
        languages: [...LANGUAGES, { tag: 'tag', fallback: 'en', edition: true }],
      }),
      /\/tag\/ is taken/,
    );
  });

  it('refuses to take the edition away while articles are published in it, naming how many', async () => {
    const n = (await site.services.repos.languages.editionCounts()).get('fa');
    assert.ok(n && n >= 3);
    await assert.rejects(
      changeContentLanguages(site.services, actor, {
        languages: LANGUAGES.map((l) => (l.tag === 'fa' ? { tag: 'fa', fallback: 'ar' as const } : l)),
      }),
      new RegExp(`: ${n} article\\(s\\) are published in the fa edition`),
    );
    assert.equal((await site.app.inject('/fa/')).statusCode, 200);
  });
});

describe('a further edition as the main language', () => {
  const settingsForm = (defaultLang: string, languages: string[]) => ({
    name: 'مداد',
    tagline: '',
    description: '',
    defaultLang,
    timezone: 'Africa/Niamey',
    commentModeration: 'first-time',
    languages,
    dateDisplay: 'both',
    maxUploadMB: '20',
    readership: 'on',
  });

  it('makes a Persian-only site whose bare address opens the Persian edition', async () => {
    const saved = await client.submit('/newsroom/settings', '/newsroom/settings', settingsForm('fa', []));
    assert.equal(saved.status, 303, saved.body.slice(0, 300));
    try {
      const root = await site.app.inject('/');
      assert.equal(root.statusCode, 302);
      assert.equal(root.headers.location, '/fa/');
      const home = await site.app.inject('/fa/');
      assert.equal(home.statusCode, 200);
      // Newsletters are written in ar/fr/en, none of which this site publishes: no sign-up form.
      assert.ok(!home.body.includes('/newsletter/subscribe'));
      assert.equal((await site.app.inject('/fr/')).statusCode, 404);
      assert.equal((await site.app.inject(articlePath(site.mainArticle))).statusCode, 404);
      // While it is the main language, its edition stays.
      await assert.rejects(
        changeContentLanguages(site.services, actor, {
          languages: LANGUAGES.map((l) => (l.tag === 'fa' ? { tag: 'fa', fallback: 'ar' as const } : l)),
        }),
        /fa is the site's main language/,
      );
    } finally {
      const back = await client.submit(
        '/newsroom/settings',
        '/newsroom/settings',
        settingsForm('ar', ['ar', 'fr', 'en']),
      );
      assert.equal(back.status, 303);
    }
    assert.equal((await site.app.inject('/')).statusCode, 200);
  });

  it('refuses a main language that has no edition, and keeps the settings', async () => {
    const res = await client.submit('/newsroom/settings', '/newsroom/settings', settingsForm('ha', []));
    assert.equal(res.status, 422);
    assert.equal((await site.app.inject('/')).statusCode, 200);
  });
});
