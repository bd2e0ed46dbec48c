// XSS through the site settings (name, tagline, description), which every reader page carries
// in its header, <title>, Open Graph tags and JSON-LD, and through the feeds: each payload is
// saved with the newsroom's settings form over HTTP, then the reader's home and an article, and
// the newsroom's settings page, are loaded in Chromium. The feeds are XML, read by feed readers
// rather than browsers: they must stay well-formed with every payload in them, and no payload
// may add an element of its own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { articlePath, homePath } from '../../../src/web/reader/urls.ts';
import { AttackReport } from '../support/report.ts';
import { type Input, type Job, XssLedger } from '../support/xss-ledger.ts';
import { checkFeed } from '../support/xss-feeds.ts';
import { fitting, PAYLOADS, type Payload } from '../support/xss-payloads.ts';
import { XssScanner } from '../support/xss-scan.ts';
import { startXssSite, type XssSite } from '../support/xss-site.ts';

const report = new AttackReport('xss: settings and feeds');
const ledger = new XssLedger(report);

const IN = {
  name: { surface: 'sn', name: 'site name' },
  tagline: { surface: 'sl', name: 'site tagline' },
  description: { surface: 'sd', name: 'site description' },
} satisfies Record<string, Input>;
type Key = keyof typeof IN;
const FITS: Record<Key, Payload[]> = {
  name: fitting(IN.name.surface, 120),
  tagline: fitting(IN.tagline.surface, 200),
  description: fitting(IN.description.surface, 500),
};
const text = (p: Payload, key: Key) => p.make(`${p.id}${IN[key].surface}`);

let x: XssSite;
let scanner: XssScanner;
let launching: Promise<XssScanner> | undefined;
let articleUrl = '';

before(async () => {
  // Chromium starts while the site is set up: that is the app's work, on the other core.
  launching = XssScanner.launch();
  launching.catch(() => undefined);
  x = await startXssSite();
  scanner = await launching;
  await scanner.useCookies(x.site.baseUrl, x.admin.cookies);
  articleUrl = articlePath(x.site.mainArticle);
});
after(async () => {
  report.print();
  await (await launching?.catch(() => undefined))?.close();
  await x?.close();
});

async function save(p: Payload): Promise<Key[]> {
  const keys = (Object.keys(IN) as Key[]).filter((k) => FITS[k].includes(p));
  await x.post('/newsroom/settings', {
    name: keys.includes('name') ? text(p, 'name') : 'مداد',
    tagline: keys.includes('tagline') ? text(p, 'tagline') : '',
    description: keys.includes('description') ? text(p, 'description') : '',
    defaultLang: 'ar',
    languages: ['ar', 'fr', 'en'],
    timezone: 'Africa/Niamey',
    dateDisplay: 'both',
    maxUploadMB: '20',
    commentModeration: 'first-time',
    feedFullContent: 'on',
  });
  return keys;
}

const FEEDS = ['/feed.xml', '/feed.atom', '/all/feed.xml', '/sitemap.xml', '/sitemap-news.xml'];

/** Each feed stays well-formed with the payload `p` in the settings' `keys`, and adds no element. */
async function checkFeeds(p: Payload, keys: Key[]): Promise<void> {
  for (const feed of FEEDS) {
    const res = await x.admin.get(feed);
    assert.equal(res.status, 200, `${feed} answered ${res.status}`);
    // One payload is in the settings at a time, so anything wrong here is its doing.
    const { error, foreign } = checkFeed(res.body);
    for (const k of keys) {
      if (!res.body.includes(`${p.id}${IN[k].surface}`)) continue;
      report.record(
        `${p.id} ${p.label} | ${IN[k].name} | ${feed}`,
        error === null && foreign.length === 0,
        error ?? (foreign.length > 0 ? `element <${foreign[0]!.name}>` : 'well-formed, payload as text'),
      );
    }
  }
}

describe('XSS through site settings and feeds', () => {
  it('runs nothing on the reader pages and the settings page for any payload', async () => {
    for (const p of PAYLOADS) {
      const keys = await save(p);
      const inputs = keys.map((k) => ({ input: IN[k], payloads: [p] }));
      const jobs: Job[] = [
        { page: 'reader home', path: homePath('ar'), inputs, relaxed: true },
        { page: 'reader article', path: articleUrl, inputs },
        { page: 'newsroom settings', path: '/newsroom/settings', inputs },
      ];
      // The feeds are read while Chromium loads the pages: both only read what was just saved.
      await Promise.all([ledger.run(scanner, x.site.baseUrl, jobs), checkFeeds(p, keys)]);
    }
  });

  it('runs nothing on the audit log, which lists each change of the settings', async () => {
    // 50 entries a page: the last three pages hold every change made above.
    const inputs = (Object.keys(IN) as Key[]).map((k) => ({ input: IN[k], payloads: FITS[k] }));
    await ledger.run(
      scanner,
      x.site.baseUrl,
      [1, 2, 3].map((n) => ({ page: `newsroom audit log p${n}`, path: `/newsroom/audit?page=${n}`, inputs })),
    );
  });

  it('delivered every payload and none got through', () => {
    for (const key of Object.keys(IN) as Key[]) ledger.assertDelivered(IN[key], FITS[key]);
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name}: ${c.detail}`),
      [],
    );
  });
});
