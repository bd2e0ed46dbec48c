// An article page with an embed over HTTP (app.inject): the CSP's frame-src names exactly the
// registered players, the page has the facade and loads the embed script (other pages do not),
// stays within the 30 KB budget, and the feeds and the content API carry the link, never a frame.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildArticle } from '../../../../test/support/factories.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Article, Person } from '../../../core/types.ts';
import { addLiveEntry, startLiveCoverage } from '../../../services/live/commands.ts';
import { assetWireSize } from '../../assets.ts';
import { articlePath } from '../urls.ts';

/** The players of the ten registered providers, written out: the CSP must say exactly these. */
const PLAYERS = [
  'https://geo.dailymotion.com',
  'https://platform.twitter.com',
  'https://player.vimeo.com',
  'https://t.me',
  'https://w.soundcloud.com',
  'https://www.facebook.com',
  'https://www.google.com',
  'https://www.instagram.com',
  'https://www.tiktok.com',
  'https://www.youtube-nocookie.com',
];

const STORED =
  '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Flood in the valley</a><figcaption>Filmed by a reader</figcaption></figure>';

let site: TestSite;
let withEmbed: Article;
let without: Article;

before(async () => {
  site = await startTestSite();
  withEmbed = await buildArticle(site.services, {
    lang: 'en',
    title: 'The valley under water',
    bodyHtml: `<p>What a reader filmed on Sunday.</p>${STORED}<p>Rescue teams are still at work.</p>`,
  });
  without = await buildArticle(site.services, { lang: 'en', title: 'A quiet market day' });
});
after(() => site.close());

function frameSrc(csp: string): string[] {
  const directive = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-src '));
  assert.ok(directive, `a frame-src directive in ${csp}`);
  return directive.split(/\s+/).slice(1).sort();
}

describe('article page with an embed', () => {
  it('has a CSP whose frame-src lists exactly the registered players', async () => {
    for (const article of [withEmbed, without]) {
      const res = await site.app.inject(articlePath(article));
      assert.equal(res.statusCode, 200);
      assert.deepEqual(frameSrc(res.headers['content-security-policy'] as string), PLAYERS);
    }
  });

  it('shows the facade and loads the embed script only where there is an embed', async () => {
    const res = await site.app.inject(articlePath(withEmbed));
    assert.match(res.body, /<figure class="embed embed-video" data-embed="youtube"/);
    assert.match(res.body, />Play video<\/button>/);
    assert.doesNotMatch(res.body, /<iframe/);
    assert.match(res.body, /<script src="\/assets\/embed\.[0-9a-f]{10}\.js" defer>/);
    const plain = await site.app.inject(articlePath(without));
    assert.doesNotMatch(plain.body, /embed\.[0-9a-f]{10}\.js/);
  });

  it('stays within 30 KB compressed, HTML, CSS and scripts together', async () => {
    const res = await site.app.inject({
      url: articlePath(withEmbed),
      headers: { 'accept-encoding': 'gzip' },
    });
    const html =
      res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body;
    const assets = [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="(\/assets\/[^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    assert.ok(assets.some((a) => a.includes('/embed.')));
    let total = gzipSync(html).length;
    for (const url of assets) {
      const size = assetWireSize(url);
      assert.ok(size !== null, url);
      total += size;
    }
    assert.ok(total <= 30 * 1024, `${total} bytes`);
    console.log(`# article page with an embed: ${total} bytes compressed (HTML, CSS, scripts)`);
  });

  it('feeds and the content API carry the stored link, never a frame or the player', async () => {
    for (const url of [
      '/en/feed.xml',
      '/en/feed.atom',
      '/en/feed.json',
      `/api/v1/articles/${withEmbed.id}`,
    ]) {
      const res = await site.app.inject(url);
      assert.equal(res.statusCode, 200, url);
      const body =
        url.endsWith('.xml') || url.endsWith('.atom')
          ? res.body
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
          : res.body;
      assert.ok(body.includes('https://www.youtube.com/watch?v=dQw4w9WgXcQ'), `${url} links the original`);
      assert.doesNotMatch(body, /iframe|youtube-nocookie|embed-play/, url);
    }
  });

  it('a live page shows the embed in an entry as a facade and loads the script that plays it', async () => {
    const live = await buildArticle(site.services, { lang: 'en', title: 'Election day, live' });
    const admin = (await site.services.repos.people.byEmail(site.admin.email)) as Person;
    const editor = { person: admin, ipHash: 'test' };
    await startLiveCoverage(site.services, editor, { articleId: live.id });
    await addLiveEntry(site.services, editor, {
      articleId: live.id,
      text: '<figure data-embed="telegram" data-embed-id="sahel_river_news/482"><a href="https://t.me/sahel_river_news/482">The commission\'s first figures</a></figure>',
    });
    const res = await site.app.inject(articlePath(live));
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<figure class="embed embed-post" data-embed="telegram"[^>]*data-embed-player="https:\/\/t\.me\/sahel_river_news\/482\?embed=1"/,
    );
    assert.match(res.body, />Show post<\/button>/);
    assert.match(res.body, /<script src="\/assets\/embed\.[0-9a-f]{10}\.js" defer>/);
  });
});
