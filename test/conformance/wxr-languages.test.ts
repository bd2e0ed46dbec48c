// Imports that read each post's text for its language: a Persian blog whose WordPress site
// language says en-US, a Japanese site, and a Polylang site with language terms and a
// translation group. Pages then carry each text's own lang and dir.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { Invalid } from '../../src/core/errors.ts';
import type { Article } from '../../src/core/types.ts';
import { createImportsRepository } from '../../src/db/repositories/imports.ts';
import { openServices, type Services } from '../../src/services/context.ts';
import type { ImportReport } from '../../src/services/import/report.ts';
import { summarize } from '../../src/services/import/report.ts';
import { importWordPress } from '../../src/services/import/run-import.ts';
import { loadSiteSettings, siteLanguages, updateSiteSettings } from '../../src/services/settings.ts';
import { initializeSite } from '../../src/services/setup.ts';
import { buildApp } from '../../src/web/app.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/wxr/languages');

async function freshSite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wxr-lang-'));
  const services = await openServices(loadConfig({}, { dataDir: dir, logLevel: 'silent' }));
  await initializeSite(services, { demo: false });
  return {
    services,
    close: async () => {
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function articlesBySourceId(services: Services): Promise<Map<string, Article>> {
  const out = new Map<string, Article>();
  for (const source of ['safarnameh.example', 'yamadayori.example', 'fleuve.example']) {
    for (const [wpId, id] of await createImportsRepository(services.db.kysely).all(source, 'article')) {
      const a = await services.repos.articles.byId(id);
      if (a) out.set(wpId, a);
    }
  }
  return out;
}

describe('import: a Persian blog whose export says en-US', () => {
  let site: Awaited<ReturnType<typeof freshSite>>;
  let report: ImportReport;
  let articles: Map<string, Article>;
  before(async () => {
    site = await freshSite();
    report = await importWordPress(site.services, { file: path.join(FIXTURES, 'persian-blog.xml') });
    articles = await articlesBySourceId(site.services);
  });
  after(() => site.close());

  it('gives the Persian posts and page the language of their text', () => {
    for (const id of ['11', '12', '15']) assert.equal(articles.get(id)?.textLang, 'fa', id);
    // Persian is published in its interface fallback (English by default).
    assert.equal(articles.get('11')?.lang, 'en');
  });

  it('keeps the English post English, and a post too short to tell as declared', () => {
    assert.equal(articles.get('13')?.textLang, 'en-US');
    assert.equal(articles.get('14')?.textLang, 'en-US');
  });

  it('reports how many posts changed language and names them, without a warning per post', () => {
    assert.equal(report.languageChangeCount, 3);
    assert.deepEqual(report.languageChanges.map((c) => c.postId).sort(), ['11', '12', '15']);
    assert.ok(report.languageChanges.every((c) => c.from === 'en-US' && c.to === 'fa'));
    assert.ok(!report.warnings.some((w) => /language/i.test(w.message)));
    assert.deepEqual(report.languages, { fa: 3, 'en-US': 2 });
    assert.deepEqual(report.languagesAdded, [{ tag: 'fa', fallback: 'en' }]);
    const text = summarize(report);
    assert.match(text, /language corrected from the text: 3 post\(s\)/);
    assert.match(text, /post 11 "یک روز در کوچه‌های یزد": en-US → fa/);
  });

  it('stores titles with markup as text', () => {
    assert.equal(articles.get('12')?.title, 'بازار تبریز در باران');
  });

  it('adds Persian to the site languages and takes the name and tagline from the channel', async () => {
    const settings = await loadSiteSettings(site.services.repos);
    assert.ok(siteLanguages(settings).some((l) => l.tag === 'fa' && l.fallback === 'en'));
    assert.ok(settings.languages.includes('en'));
    assert.equal(settings.name, 'دفترچهٔ سفر');
    assert.equal(settings.tagline, 'یادداشت‌های کوتاه از راه‌ها و شهرها');
  });

  it('shows a Persian title and body right to left with lang=fa', async () => {
    const app = await buildApp({ services: site.services, logger: false });
    try {
      const a = articles.get('11')!;
      const res = await app.inject(`/en/article/${a.id}/${encodeURIComponent(a.slug)}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html[^>]*lang="en"[^>]*dir="ltr"/);
      assert.match(res.body, /<article class="article"[^>]*lang="fa" dir="rtl"/);
      const english = articles.get('13')!;
      const page = await app.inject(`/en/article/${english.id}/${encodeURIComponent(english.slug)}`);
      assert.doesNotMatch(page.body, /<article class="article"[^>]*dir="rtl"/);
    } finally {
      await app.close();
    }
  });
});

describe('import: the Persian blog into a site where Persian has its own edition', () => {
  let site: Awaited<ReturnType<typeof freshSite>>;
  let articles: Map<string, Article>;
  before(async () => {
    site = await freshSite();
    await updateSiteSettings(site.services.repos, {
      contentLanguages: [
        { tag: 'ar', fallback: 'ar' },
        { tag: 'en', fallback: 'en' },
        { tag: 'fa', fallback: 'ar', edition: true },
      ],
    });
    await importWordPress(site.services, { file: path.join(FIXTURES, 'persian-blog.xml') });
    articles = await articlesBySourceId(site.services);
  });
  after(() => site.close());

  it('publishes the Persian posts in the Persian edition, the English one in English', async () => {
    for (const id of ['11', '12', '15']) {
      assert.equal(articles.get(id)?.lang, 'fa', id);
      assert.equal(articles.get(id)?.textLang, 'fa', id);
    }
    assert.equal(articles.get('13')?.lang, 'en');
    const app = await buildApp({ services: site.services, logger: false });
    try {
      const a = articles.get('11')!;
      const res = await app.inject(`/fa/article/${a.id}/${encodeURIComponent(a.slug)}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html[^>]*lang="fa"[^>]*dir="rtl"/);
    } finally {
      await app.close();
    }
  });
});

describe('import: a Japanese site', () => {
  it('imports Japanese as ja, left to right, not as Arabic', async () => {
    const site = await freshSite();
    try {
      const report = await importWordPress(site.services, { file: path.join(FIXTURES, 'japanese-site.xml') });
      const articles = [...(await articlesBySourceId(site.services)).values()];
      assert.equal(articles.length, 2);
      for (const a of articles) assert.equal(a.textLang, 'ja');
      assert.equal(report.languageChangeCount, 0);
      const app = await buildApp({ services: site.services, logger: false });
      try {
        const a = articles[0]!;
        const res = await app.inject(`/en/article/${a.id}/${encodeURIComponent(a.slug)}`);
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /<article class="article"[^>]*lang="ja" dir="ltr"/);
      } finally {
        await app.close();
      }
    } finally {
      await site.close();
    }
  });
});

describe('import: --language and Polylang', () => {
  it('forces one language with --language, and refuses a bad tag before writing', async () => {
    const site = await freshSite();
    try {
      await assert.rejects(
        importWordPress(site.services, {
          file: path.join(FIXTURES, 'japanese-site.xml'),
          language: 'xx-nope!',
        }),
        (err: unknown) => err instanceof Invalid && /--language/.test(err.message),
      );
      assert.equal((await articlesBySourceId(site.services)).size, 0);
      const report = await importWordPress(site.services, {
        file: path.join(FIXTURES, 'persian-blog.xml'),
        language: 'FA',
      });
      assert.equal(report.languageChangeCount, 0);
      for (const a of (await articlesBySourceId(site.services)).values()) assert.equal(a.textLang, 'fa');
    } finally {
      await site.close();
    }
  });

  it('maps Polylang language terms and translation groups', async () => {
    const site = await freshSite();
    try {
      await importWordPress(site.services, { file: path.join(FIXTURES, 'polylang.xml') });
      const articles = await articlesBySourceId(site.services);
      const fr = articles.get('41')!;
      const ar = articles.get('42')!;
      assert.equal(fr.lang, 'fr');
      assert.equal(fr.textLang, 'fr');
      assert.equal(ar.lang, 'ar');
      assert.ok(fr.translationGroup !== null);
      assert.equal(fr.translationGroup, ar.translationGroup);
    } finally {
      await site.close();
    }
  });
});
