// The manifest, icons, service worker script and offline pages over HTTP (app.inject), the
// private marking the worker relies on, and the page weight arithmetic.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { SESSION_COOKIE } from '../../newsroom/auth.ts';
import { articlePath } from '../urls.ts';
import { formatKilobytes, mediaFileSize, pageWeight } from './page-weight.ts';
import { serviceWorkerScript } from './service-worker.ts';

let site: TestSite;

before(async () => {
  site = await startTestSite();
});
after(() => site.close());

describe('the web app manifest', () => {
  it('is JSON of the manifest type, in the language of its prefix', async () => {
    const res = await site.app.inject('/en/manifest.webmanifest');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/manifest+json; charset=utf-8');
    const manifest = res.json() as Record<string, unknown>;
    assert.equal(manifest.lang, 'en');
    assert.equal(manifest.dir, 'ltr');
    assert.equal(manifest.start_url, '/en/');
    assert.equal(manifest.scope, '/en/');
    assert.equal(manifest.display, 'standalone');
  });

  it('follows the site name, and a short name fits a home screen', async () => {
    await site.services.repos.settings.setMany({ 'site.name': 'صحيفة الساحل المستقلة اليومية' });
    try {
      const manifest = (await site.app.inject('/manifest.webmanifest')).json() as Record<string, string>;
      assert.equal(manifest.name, 'صحيفة الساحل المستقلة اليومية');
      assert.equal(manifest.short_name, 'صحيفة');
    } finally {
      await site.services.repos.settings.setMany({ 'site.name': 'مداد' });
    }
  });

  it('serves the icons it names and nothing under another name', async () => {
    const png = await site.app.inject('/icons/mark-512.png');
    assert.equal(png.statusCode, 200);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.deepEqual([...png.rawPayload.subarray(1, 4)], [...Buffer.from('PNG')]);
    for (const wrong of ['/icons/logo-999-192.png', '/icons/mark-64.png', '/icons/..%2Fsite.css'])
      assert.equal((await site.app.inject(wrong)).statusCode, 404, wrong);
  });
});

describe('the service worker script', () => {
  it('is served at the root, revalidated with its version as ETag', async () => {
    const res = await site.app.inject('/sw.js');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/javascript/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    const etag = res.headers.etag as string;
    assert.match(res.body, new RegExp(`^self\\.midad = \\{"version":${etag}`));
    const again = await site.app.inject({ url: '/sw.js', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
  });

  it('changes when the kept articles limit changes, so browsers update it', async () => {
    const before = (await site.app.inject('/sw.js')).headers.etag;
    await site.services.repos.settings.setMany({ 'offline.articles': 12 });
    try {
      const res = await site.app.inject('/sw.js');
      assert.notEqual(res.headers.etag, before);
      assert.match(res.body, /"keep":12\b/);
    } finally {
      await site.services.repos.settings.setMany({ 'offline.articles': 30 });
    }
    assert.equal((await site.app.inject('/sw.js')).headers.etag, before);
  });

  it('has a new version when an asset changes (a deploy)', () => {
    const config = { shell: ['/assets/site.aaaa.css'], offline: { ar: '/offline' }, keep: 30, frame: {} };
    const one = serviceWorkerScript(config);
    assert.equal(serviceWorkerScript(config).version, one.version);
    assert.notEqual(
      serviceWorkerScript({ ...config, shell: ['/assets/site.bbbb.css'] }).version,
      one.version,
    );
  });
});

describe('the offline page', () => {
  it('is a reader page in its language, not indexed, with an empty list for the worker', async () => {
    const res = await site.app.inject('/fr/offline');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="fr" dir="ltr">/);
    assert.match(res.body, /<meta name="robots" content="noindex"/);
    assert.ok(res.body.includes('<ul class="saved-list"></ul>'), 'the list the worker fills');
    assert.ok(res.body.includes('<p class="saved-none">'), 'the line the worker hides');
    assert.ok(res.body.includes('<p class="saved-intro" hidden>'), 'the line the worker shows');
  });
});

describe('answers a worker must not keep', () => {
  it('are private for a signed-in request, shareable otherwise', async () => {
    for (const url of ['/offline', '/manifest.webmanifest', articlePath(site.mainArticle)]) {
      const anonymous = await site.app.inject(url);
      assert.doesNotMatch(String(anonymous.headers['cache-control']), /private|no-store/, url);
      const staff = await site.app.inject({ url, headers: { cookie: `${SESSION_COOKIE}=anything` } });
      assert.equal(staff.headers['cache-control'], 'private, no-store', url);
    }
  });
});

describe('the page weight', () => {
  it('adds the compressed HTML, its assets and its media files', async () => {
    const res = await site.app.inject(articlePath(site.mainArticle));
    const shown = /<p class="page-weight">حجم الصفحة: ≈ (\d+) كيلوبايت<\/p>/.exec(res.body);
    assert.ok(shown, 'the article shows its weight with Latin digits');
    const html = '<p>x</p>';
    const bare = pageWeight(html, site.services.config.mediaRoot);
    const media = fs.readdirSync(site.services.config.mediaRoot, { recursive: true, encoding: 'utf8' });
    const file = media.find((f) => f.endsWith('.jpg'));
    assert.ok(file, 'the demo site has a JPEG in its media folder');
    const size = fs.statSync(path.join(site.services.config.mediaRoot, file)).size;
    const withImage = pageWeight(`${html}<img src="/media/${file}" alt="">`, site.services.config.mediaRoot);
    assert.ok(withImage - bare >= size, `the image's ${size} bytes are counted`);
    for (const outside of ['/media/../../../../etc/passwd', '/media/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'])
      assert.equal(
        mediaFileSize(site.services.config.mediaRoot, outside),
        0,
        'nothing outside the media folder',
      );
    assert.equal(mediaFileSize(site.services.config.mediaRoot, `/media/${file}`), size);
    assert.equal(formatKilobytes(2049, 'ar'), '3');
    assert.equal(formatKilobytes(1_536_000, 'fr'), '1\u202f500');
  });
});
