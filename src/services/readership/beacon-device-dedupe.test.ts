// The pieces of counting on their own: what a beacon may say, the device class, the reload
// window and its daily salt, and the buffer's hand-over to storage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBeacon, referrerDomain } from './beacon.ts';
import { articleIdsOf, batchOf, ReadershipBuffer } from './buffer.ts';
import { memorySeenWindow } from './dedupe.ts';
import { deviceClass } from './device.ts';

describe('beacons', () => {
  it('reads an article view or a page view, and refuses anything else', () => {
    assert.deepEqual(parseBeacon('{"a":12,"l":"fr","r":"www.Example.org"}', 'news.example'), {
      articleId: 12,
      lang: 'fr',
      domain: 'example.org',
      page: 'a12',
    });
    assert.deepEqual(parseBeacon({ p: 'tag', l: 'en' }, 'news.example'), {
      articleId: 0,
      lang: 'en',
      domain: '',
      page: 'tag:en',
    });
    for (const bad of [
      '',
      '{}',
      '{"a":0,"l":"ar"}',
      '{"a":1,"p":"home","l":"ar"}',
      '{"a":1,"l":"ar","x":1}',
      5,
      null,
    ]) {
      assert.equal(parseBeacon(bad, 'news.example'), null, String(bad));
    }
    assert.equal(parseBeacon(`{"a":1,"l":"ar","r":"${'a'.repeat(600)}"}`, 'x'), null);
  });

  it('keeps only a host name as the referrer, and none for the site itself', () => {
    assert.equal(referrerDomain('News.Google.COM', 'site.example'), 'news.google.com');
    assert.equal(referrerDomain('www.site.example', 'site.example'), '');
    assert.equal(referrerDomain('https://evil.example/path?q=1', 'site.example'), '');
    assert.equal(referrerDomain('a b', 'site.example'), '');
    assert.equal(referrerDomain(undefined, 'site.example'), '');
  });
});

describe('device class', () => {
  it('tells phones, tablets and desktops apart', () => {
    assert.equal(
      deviceClass('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148'),
      'phone',
    );
    assert.equal(
      deviceClass('Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126 Mobile Safari/537.36'),
      'phone',
    );
    assert.equal(deviceClass('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Mobile/15E148'), 'tablet');
    assert.equal(deviceClass('Mozilla/5.0 (Linux; Android 13; SM-X200) Chrome/126 Safari/537.36'), 'tablet');
    assert.equal(
      deviceClass('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126 Safari/537.36'),
      'desktop',
    );
  });
});

describe('reload window', () => {
  it('sees a reader once per page within the window, and again after it', async () => {
    const seen = memorySeenWindow(30 * 60_000);
    const t = Date.parse('2026-12-04T10:00:00Z');
    assert.equal(await seen.firstSight('10.0.0.1', 'UA', 'a1', t), true);
    assert.equal(await seen.firstSight('10.0.0.1', 'UA', 'a1', t + 60_000), false);
    assert.equal(await seen.firstSight('10.0.0.1', 'UA', 'a2', t + 60_000), true);
    assert.equal(await seen.firstSight('10.0.0.2', 'UA', 'a1', t + 60_000), true);
    assert.equal(await seen.firstSight('10.0.0.1', 'UA', 'a1', t + 31 * 60_000), true);
  });

  it('forgets everything when the day’s salt changes', async () => {
    const seen = memorySeenWindow(30 * 60_000);
    const late = Date.parse('2026-12-04T23:50:00Z');
    assert.equal(await seen.firstSight('10.0.0.1', 'UA', 'a1', late), true);
    assert.equal(await seen.firstSight('10.0.0.1', 'UA', 'a1', late + 20 * 60_000), true);
  });
});

describe('buffer', () => {
  it('sums views and keeps only live articles, with their own language', () => {
    const buffer = new ReadershipBuffer();
    const at = new Date('2026-12-04T10:15:00Z');
    for (let i = 0; i < 3; i++) buffer.add({ articleId: 5, lang: 'fr', domain: '', device: 'phone', at });
    buffer.add({ articleId: 9, lang: 'ar', domain: 'x.example', device: 'desktop', at });
    buffer.add({ articleId: 0, lang: 'en', domain: '', device: 'tablet', at });
    const counts = buffer.take();
    assert.equal(buffer.size, 0);
    assert.deepEqual(articleIdsOf(counts).sort(), [5, 9]);
    const batch = batchOf(counts, new Map([[5, 'ar']]));
    assert.deepEqual(batch.hours, [
      { articleId: 5, hour: '2026-12-04T10', lang: 'ar', views: 3 },
      { articleId: 0, hour: '2026-12-04T10', lang: 'en', views: 1 },
    ]);
    assert.deepEqual(
      batch.devices.map((d) => [d.articleId, d.device, d.views]),
      [
        [5, 'phone', 3],
        [0, 'tablet', 1],
      ],
    );
    assert.equal(
      batch.referrers.some((r) => r.articleId === 9),
      false,
    );
  });
});
