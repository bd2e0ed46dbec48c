// A site that does not publish in the root's language (Arabic): its addresses without a prefix
// lead to the main language's edition instead of answering 404, so a French-only newsroom's
// bare domain opens its French home page. Articles in the switched-off language stay 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { updateSiteSettings } from '../../services/settings.ts';
import { articlePath } from './urls.ts';

let site: TestSite;

async function publishIn(languages: ('ar' | 'fr' | 'en')[], defaultLang: 'ar' | 'fr' | 'en') {
  await updateSiteSettings(site.services.repos, { languages, defaultLang });
  await site.services.events.emit({ type: 'settings', keys: ['site.languages', 'site.defaultLang'] });
}

before(async () => {
  site = await startTestSite();
  await publishIn(['fr', 'en'], 'fr');
});
after(async () => site.close());

describe('a site without the root edition', () => {
  it('sends the bare address and the root pages to the main language, keeping the query', async () => {
    const section = (await site.services.repos.sections.list())[0]!;
    for (const [from, to] of [
      ['/', '/fr/'],
      ['/search?q=%D9%86%D9%87%D8%B1', '/fr/search?q=%D9%86%D9%87%D8%B1'],
      [`/section/${section.slug}`, `/fr/section/${section.slug}`],
      ['/feed.xml', '/fr/feed.xml'],
    ] as const) {
      const res = await site.app.inject(from);
      assert.equal(res.statusCode, 302, from);
      assert.equal(res.headers.location, to, from);
      assert.equal(res.headers['cache-control'], 'no-store', from);
      const target = await site.app.inject(to);
      assert.equal(target.statusCode, 200, `${to} answers`);
    }
    const head = await site.app.inject({ method: 'HEAD', url: '/' });
    assert.equal(head.statusCode, 302);
  });

  it('follows the main language when it changes', async () => {
    await publishIn(['fr', 'en'], 'en');
    try {
      assert.equal((await site.app.inject('/')).headers.location, '/en/');
    } finally {
      await publishIn(['fr', 'en'], 'fr');
    }
  });

  it('answers 404 for an article in the switched-off language, at any address, without redirects', async () => {
    const arabic = site.mainArticle;
    assert.equal(arabic.lang, 'ar');
    for (const url of [
      articlePath(arabic),
      `/article/${arabic.id}`,
      `/fr/article/${arabic.id}/${encodeURIComponent(arabic.slug)}`,
    ]) {
      const res = await site.app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.headers.location, undefined, url);
    }
  });

  it('refuses a comment on such an article with 404 rather than a redirect', async () => {
    const res = await site.app.inject({
      method: 'POST',
      url: `/article/${site.mainArticle.id}/comments`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Awa&email=awa%40example.org&body=Merci',
    });
    assert.equal(res.statusCode, 404);
  });

  it('words a 404 under the root in the main language', async () => {
    await site.app.inject('/fr/');
    const res = await site.app.inject('/no-such-page');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /<html[^>]* lang="fr"/);
  });

  it('serves the root again once its edition is switched back on', async () => {
    await publishIn(['ar', 'fr', 'en'], 'ar');
    assert.equal((await site.app.inject('/')).statusCode, 200);
    assert.equal((await site.app.inject(articlePath(site.mainArticle))).statusCode, 200);
  });
});
