// Page metadata over HTTP on the demo site: Open Graph and Twitter tags on every reader page,
// JSON-LD (NewsArticle, BreadcrumbList, ProfilePage, WebSite) with the properties Google and
// schema.org name, hreflang between translations, and escaping a hostile title cannot defeat.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Article } from '../../../core/types.ts';
import { articlePath, authorPath, sectionPath, tagPath } from '../urls.ts';

let site: TestSite;

before(async () => {
  site = await startTestSite();
});
after(() => site.close());

type Json = Record<string, unknown>;

async function page(path: string): Promise<string> {
  const res = await site.app.inject(path);
  assert.equal(res.statusCode, 200, path);
  return res.body;
}

function jsonLd(html: string): Json[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Json,
  );
}

function ofType(docs: Json[], type: string): Json {
  const doc = docs.find((d) => d['@type'] === type);
  assert.ok(doc, `a ${type} document`);
  return doc;
}

function meta(html: string, key: string): string[] {
  const re = new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, '\\$&')}" content="([^"]*)"`, 'g');
  return [...html.matchAll(re)].map((m) => m[1]!);
}

function hreflangs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g))
    out[m[1]!] = m[2]!;
  return out;
}

async function translatedPair(): Promise<[Article, Article]> {
  const { repos } = site.services;
  const en = (await repos.articles.listPublished({ lang: 'en', limit: 50 })).items.find(
    (a) => a.translationGroup !== null,
  );
  assert.ok(en, 'the demo has a translated English article');
  const ar = (await repos.articles.translations(en.translationGroup!)).find((a) => a.lang === 'ar')!;
  return [ar, en];
}

describe('page metadata', () => {
  it('gives every reader page a canonical URL, Open Graph and Twitter tags', async () => {
    const a = site.mainArticle;
    const { repos } = site.services;
    const section = (await repos.sections.byId(a.sectionId!))!;
    const tag = (await repos.tags.byId(a.tagIds[0]!))!;
    const author = (await repos.people.byId(a.authorIds[0]!))!;
    for (const path of [
      '/',
      '/fr/',
      sectionPath('ar', section.slug),
      tagPath('ar', tag.slug),
      authorPath('ar', author.slug),
      articlePath(a),
    ]) {
      const html = await page(path);
      assert.match(html, /<link rel="canonical" href="http[^"]+"/, path);
      for (const key of [
        'og:title',
        'og:description',
        'og:url',
        'og:type',
        'og:locale',
        'og:site_name',
        'twitter:card',
        'twitter:title',
      ]) {
        assert.equal(meta(html, key).length, 1, `${path} has one ${key}`);
      }
      for (const doc of jsonLd(html)) assert.equal(doc['@context'], 'https://schema.org');
    }
  });

  it('describes an article as a NewsArticle with a breadcrumb', async () => {
    const a = site.mainArticle;
    const html = await page(articlePath(a));
    const canonical = site.baseUrl + articlePath(a);
    const docs = jsonLd(html);
    const article = ofType(docs, 'NewsArticle');
    assert.equal(article.headline, a.title);
    assert.ok(typeof article.description === 'string' && article.description.length > 20);
    assert.equal(article.inLanguage, 'ar');
    assert.equal(article.isAccessibleForFree, true);
    assert.deepEqual(article.mainEntityOfPage, { '@type': 'WebPage', '@id': canonical });
    assert.equal(article.datePublished, a.publishedAt);
    assert.match(String(article.dateModified), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const [image] = article.image as Json[];
    assert.ok(String(image!.url).startsWith(`${site.baseUrl}/media/`));
    assert.ok(Number(image!.width) > 0 && Number(image!.height) > 0);
    const [author] = article.author as Json[];
    assert.equal(author!['@type'], 'Person');
    assert.ok(String(author!.url).startsWith(`${site.baseUrl}/author/`));
    const publisher = article.publisher as Json;
    assert.equal(publisher['@type'], 'NewsMediaOrganization');
    assert.equal(publisher.name, 'مداد');
    assert.ok(String((publisher.logo as Json).url).startsWith(site.baseUrl));
    assert.ok(typeof article.articleSection === 'string');
    assert.ok(Array.isArray(article.keywords) && article.keywords.length === a.tagIds.length);

    const crumbs = ofType(docs, 'BreadcrumbList').itemListElement as Json[];
    assert.deepEqual(
      crumbs.map((c) => c.position),
      crumbs.map((_, i) => i + 1),
    );
    assert.equal(crumbs[0]!.item, `${site.baseUrl}/`);
    assert.equal(crumbs.at(-1)!.item, canonical);

    assert.deepEqual(meta(html, 'og:type'), ['article']);
    assert.deepEqual(meta(html, 'article:published_time'), [a.publishedAt!]);
    assert.equal(meta(html, 'article:tag').length, a.tagIds.length);
    assert.deepEqual(meta(html, 'twitter:card'), ['summary_large_image']);
    const [ogImage] = meta(html, 'og:image');
    assert.ok(ogImage?.startsWith(`${site.baseUrl}/media/`));
    assert.ok(Number(meta(html, 'og:image:width')[0]) > 0 && Number(meta(html, 'og:image:height')[0]) > 0);
    assert.ok(meta(html, 'og:image:alt')[0]);
  });

  it('links the versions of a translated article to each other with hreflang and x-default', async () => {
    const [ar, en] = await translatedPair();
    const arUrl = site.baseUrl + articlePath(ar);
    const enUrl = site.baseUrl + articlePath(en);
    for (const [version, lang] of [
      [ar, 'ar'],
      [en, 'en'],
    ] as const) {
      const html = await page(articlePath(version));
      assert.deepEqual(hreflangs(html), { ar: arUrl, en: enUrl, 'x-default': arUrl });
      const article = ofType(jsonLd(html), 'NewsArticle');
      assert.equal(article.inLanguage, lang);
      assert.equal((article.workTranslation as Json[])[0]!.inLanguage, lang === 'ar' ? 'en' : 'ar');
      assert.deepEqual(meta(html, 'og:locale:alternate'), [lang === 'ar' ? 'en_GB' : 'ar_AR']);
    }
    const lone = await page(articlePath(site.mainArticle));
    if (site.mainArticle.translationGroup === null) assert.deepEqual(hreflangs(lone), {});
  });

  it('describes home pages as a WebSite in their language, linked by hreflang', async () => {
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const html = await page(lang === 'ar' ? '/' : `/${lang}/`);
      const website = ofType(jsonLd(html), 'WebSite');
      assert.equal(website.inLanguage, lang);
      assert.equal((website.publisher as Json)['@type'], 'NewsMediaOrganization');
      assert.deepEqual(hreflangs(html), {
        ar: `${site.baseUrl}/`,
        fr: `${site.baseUrl}/fr/`,
        en: `${site.baseUrl}/en/`,
        'x-default': `${site.baseUrl}/`,
      });
    }
  });

  it('links a section page to the same section in every language, from its first page only', async () => {
    const section = await site.services.repos.sections.create({
      slug: 'agriculture',
      names: { ar: 'الزراعة', fr: 'Agriculture', en: 'Farming' },
    });
    const created: number[] = [];
    // One more than a page of French articles, so the section has a second page in French.
    for (let n = 1; n <= 13; n++) {
      const article = await site.services.repos.articles.create({
        lang: 'fr',
        status: 'published',
        title: `Récolte du mil, bulletin ${n}`,
        slug: `recolte-mil-${n}`,
        bodyHtml: '<p>Les pluies ont été régulières dans la région de Ségou.</p>',
        sectionId: section.id,
        publishedAt: new Date(Date.now() - n * 60_000).toISOString(),
      });
      created.push(article.id);
    }
    try {
      const versions = {
        ar: site.baseUrl + sectionPath('ar', 'agriculture'),
        fr: site.baseUrl + sectionPath('fr', 'agriculture'),
        en: site.baseUrl + sectionPath('en', 'agriculture'),
      };
      for (const lang of ['ar', 'fr', 'en'] as const) {
        const html = await page(sectionPath(lang, 'agriculture'));
        assert.deepEqual(hreflangs(html), { ...versions, 'x-default': versions.ar }, lang);
        // The language switcher leads to the section too, not to the home pages.
        for (const other of ['ar', 'fr', 'en'] as const) {
          assert.ok(html.includes(`href="${sectionPath(other, 'agriculture')}" hreflang="${other}"`), other);
        }
      }
      const second = await page(sectionPath('fr', 'agriculture', 2));
      assert.deepEqual(hreflangs(second), {}, 'a later page has no counterpart to name');
    } finally {
      for (const id of created) await site.services.repos.articles.setStatus(id, 'trashed');
    }
  });

  it('names only the languages the site publishes in', async () => {
    const [ar, en] = await translatedPair();
    await site.services.repos.settings.set('site.languages', ['ar', 'fr']);
    // Written behind the services' back: tell the page cache as the settings page would.
    await site.services.events.emit({ type: 'settings', keys: ['site.languages'] });
    try {
      const section = (await site.services.repos.sections.list())[0]!;
      const expected = (path: (l: 'ar' | 'fr') => string) => ({
        ar: site.baseUrl + path('ar'),
        fr: site.baseUrl + path('fr'),
        'x-default': site.baseUrl + path('ar'),
      });
      assert.deepEqual(
        hreflangs(await page(sectionPath('fr', section.slug))),
        expected((l) => sectionPath(l, section.slug)),
      );
      assert.deepEqual(
        hreflangs(await page('/fr/')),
        expected((l) => (l === 'ar' ? '/' : '/fr/')),
      );
      const article = await page(articlePath(ar));
      assert.ok(!article.includes(`hreflang="en" href="${site.baseUrl}${articlePath(en)}"`));
      assert.equal((await site.app.inject(articlePath(en))).statusCode, 404);
    } finally {
      await site.services.repos.settings.set('site.languages', ['ar', 'fr', 'en']);
      await site.services.events.emit({ type: 'settings', keys: ['site.languages'] });
    }
  });

  it('describes an author page as a ProfilePage about a Person', async () => {
    const author = (await site.services.repos.people.byId(site.mainArticle.authorIds[0]!))!;
    const html = await page(authorPath('ar', author.slug));
    const profile = ofType(jsonLd(html), 'ProfilePage');
    const person = profile.mainEntity as Json;
    assert.equal(person['@type'], 'Person');
    assert.equal(person.name, author.name);
    assert.equal(person.url, site.baseUrl + authorPath('ar', author.slug));
  });

  it('keeps a hostile title inside its JSON-LD and attributes', async () => {
    const title = '</script><script>alert(1)</script> "quoted" & <b>';
    const article = await site.services.repos.articles.create({
      lang: 'fr',
      status: 'published',
      title,
      slug: 'titre-hostile',
      bodyHtml: '<p>x</p>',
      publishedAt: new Date().toISOString(),
    });
    try {
      const html = await page(articlePath(article));
      assert.ok(!html.includes('<script>alert(1)'), 'no script element from the title');
      const scripts = html.match(/<script\b/g) ?? [];
      const expected = (html.match(/<script (?:src|type)=/g) ?? []).length;
      assert.equal(scripts.length, expected, 'every <script> is one of ours');
      assert.equal(ofType(jsonLd(html), 'NewsArticle').headline, title);
      assert.ok(
        html.includes(
          'content="&lt;/script>&lt;script>alert(1)&lt;/script> &quot;quoted&quot; &amp; &lt;b>"',
        ),
      );
    } finally {
      await site.services.repos.articles.setStatus(article.id, 'trashed');
    }
  });
});
