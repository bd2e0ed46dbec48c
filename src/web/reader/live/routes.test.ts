// Live coverage as readers get it, over a listening server: the article page (entries newest
// first, key events on top, times, the edited note, the script only while live), LiveBlogPosting
// JSON-LD, the page cache evicted per entry, the cacheable JSON with its ETag, the event stream
// delivering entries, edits and the end, feeds carrying entries, and bad input answered 400/404.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { LIVE_ENTRIES_ON_PAGE } from '../../../core/live.ts';
import { assetWireSize } from '../../assets.ts';
import { buildArticle } from '../../../../test/support/factories.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Person } from '../../../core/types.ts';
import type { Actor } from '../../../services/actor.ts';
import {
  addLiveEntry,
  editLiveEntry,
  endLiveCoverage,
  pinLiveEntry,
  startLiveCoverage,
} from '../../../services/live/commands.ts';
import { articlePath } from '../urls.ts';

const UA = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' };

/** JSON-LD documents of a page. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** An event stream reader: its events as they come, and when it ended. */
function openStream(url: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  let status = 0;
  let buffer = '';
  const waiters: (() => void)[] = [];
  const ended = new Promise<void>((resolveEnded, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...UA, ...headers } }, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at = buffer.indexOf('\n\n');
        while (at !== -1) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            const m = /^([a-z]+): ?(.*)$/.exec(line);
            if (m) fields.set(m[1]!, m[2]!);
          }
          if (fields.has('event'))
            events.push({
              event: fields.get('event')!,
              id: fields.get('id') ?? null,
              data: fields.get('data') ?? '',
            });
          for (const w of waiters.splice(0)) w();
          at = buffer.indexOf('\n\n');
        }
      });
      res.on('end', () => resolveEnded());
      res.on('error', reject);
    });
    req.on('error', reject);
    streams.push(req);
  });
  return {
    events,
    status: () => status,
    ended,
    async waitFor(test: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent> {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = events.find(test);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no such event within ${ms} ms: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}
const streams: http.ClientRequest[] = [];

describe('live coverage for readers', () => {
  let site: TestSite;
  let editor: Actor;
  before(async () => {
    site = await startTestSite({ listen: true });
    const admin = (await site.services.repos.people.byEmail(site.admin.email)) as Person;
    editor = { person: admin, ipHash: 'test' };
  });
  after(async () => {
    for (const s of streams) s.destroy();
    await site.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(site.baseUrl + url, { headers: { ...UA, ...headers } });

  it('shows entries newest first under the body, key events on top, dated, edited noted, with LiveBlogPosting', async () => {
    const article = await buildArticle(site.services, {
      title: 'Élections : la journée en direct',
      lang: 'fr',
    });
    const plain = await get(articlePath(article));
    const plainHtml = await plain.text();
    assert.doesNotMatch(plainHtml, /live\.[0-9a-f]+\.js/, 'no live script on an article that is not live');
    assert.ok(!jsonLd(plainHtml).some((d) => d['@type'] === 'LiveBlogPosting'));

    await startLiveCoverage(site.services, editor, { articleId: article.id });
    const first = await addLiveEntry(site.services, editor, {
      articleId: article.id,
      text: 'Les bureaux ouvrent à 8 h.',
    });
    const second = await addLiveEntry(site.services, editor, {
      articleId: article.id,
      text: 'Premiers résultats dans la capitale.',
      pinned: true,
    });
    await editLiveEntry(site.services, editor, {
      entryId: first.entry.id,
      text: 'Les bureaux ouvrent à 8 h précises.',
    });
    const res = await get(articlePath(article));
    assert.equal(res.status, 200);
    const html = await res.text();
    const feed = html.slice(html.indexOf('class="live-feed"'));
    assert.ok(
      feed.indexOf(`id="entry-${second.entry.id}"`) < feed.indexOf(`id="entry-${first.entry.id}"`),
      'newest first',
    );
    const key = html.slice(html.indexOf('class="live-key"'), html.indexOf('class="live-feed"'));
    assert.match(key, /Premiers résultats/, 'the pinned entry is among the key events');
    assert.doesNotMatch(key, /bureaux ouvrent/);
    assert.match(html, new RegExp(`<time datetime="${first.entry.createdAt.replace(/\./g, '\\.')}"`));
    assert.match(html, /<span class="live-edited">\(modifié\)<\/span>/);
    assert.match(html, /<script src="\/assets\/live\.[0-9a-f]+\.js" defer/);
    assert.match(html, /aria-live="polite"/);

    const ld = jsonLd(html).find((d) => d['@type'] === 'LiveBlogPosting');
    assert.ok(ld, 'a LiveBlogPosting document');
    assert.equal(ld['@context'], 'https://schema.org');
    assert.ok(typeof ld.coverageStartTime === 'string' && !Number.isNaN(Date.parse(ld.coverageStartTime)));
    assert.equal(ld.coverageEndTime, undefined, 'no end while live');
    const updates = ld.liveBlogUpdate as Record<string, unknown>[];
    assert.equal(updates.length, 2);
    for (const u of updates) {
      assert.equal(u['@type'], 'BlogPosting');
      for (const field of ['headline', 'articleBody', 'datePublished', 'url'])
        assert.ok(typeof u[field] === 'string' && (u[field] as string).length > 0, field);
    }
    assert.equal(updates[0]!.articleBody, 'Premiers résultats dans la capitale.');

    await endLiveCoverage(site.services, editor, { articleId: article.id });
    const endedHtml = await (await get(articlePath(article))).text();
    assert.match(endedHtml, /Le direct est terminé/);
    assert.doesNotMatch(endedHtml, /live\.[0-9a-f]+\.js/, 'no script once the coverage ended');
    const endedLd = jsonLd(endedHtml).find((d) => d['@type'] === 'LiveBlogPosting');
    assert.ok(typeof endedLd?.coverageEndTime === 'string');
  });

  it('evicts the cached page and JSON with each entry, and answers the JSON with an ETag', async () => {
    const article = await buildArticle(site.services);
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    const one = await addLiveEntry(site.services, editor, { articleId: article.id, text: 'الأول' });
    await get(articlePath(article));
    const hit = await get(articlePath(article));
    assert.equal(hit.headers.get('x-cache'), 'HIT');
    const url = `/live/${article.id}/updates.json?after=${one.entry.id}`;
    const empty = await get(url);
    assert.equal(empty.status, 200);
    assert.match(empty.headers.get('cache-control') ?? '', /s-maxage=5\b/);
    const etag = empty.headers.get('etag');
    assert.ok(etag);
    assert.deepEqual((await empty.json()).entries, []);
    const again = await get(url, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('x-cache'), 'HIT');

    const two = await addLiveEntry(site.services, editor, { articleId: article.id, text: 'الثاني وصل' });
    const page = await get(articlePath(article));
    assert.equal(page.headers.get('x-cache'), 'MISS', 'the entry evicted the page');
    assert.match(await page.text(), /الثاني وصل/);
    const fresh = await get(url, { 'if-none-match': etag });
    assert.equal(fresh.status, 200);
    const body = (await fresh.json()) as {
      state: string;
      latestId: number;
      entries: { id: number; html: string }[];
    };
    assert.equal(body.state, 'live');
    assert.equal(body.latestId, two.entry.id);
    assert.deepEqual(
      body.entries.map((e) => e.id),
      [two.entry.id],
    );
    assert.match(body.entries[0]!.html, /<article class="live-entry"[^>]*data-entry="\d+"/);
    assert.match(body.entries[0]!.html, /الثاني وصل/);
  });

  it('refuses bad input with 400 or 404, never 500', async () => {
    const article = await buildArticle(site.services);
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    const notLive = await buildArticle(site.services);
    const draft = await buildArticle(site.services, { status: 'draft' });
    await startLiveCoverage(site.services, editor, { articleId: draft.id });
    for (const after of ['abc', '-1', '1e3', '1.5', '99999999999999999999', '%00', '']) {
      for (const path of ['updates.json', 'stream']) {
        const res = await get(`/live/${article.id}/${path}?after=${after}`);
        if (after === '') assert.notEqual(res.status, 500);
        else assert.equal(res.status, 400, `${path} after=${after}`);
        await res.body?.cancel();
      }
    }
    const twice = await get(`/live/${article.id}/updates.json?after=1&after=2`);
    assert.equal(twice.status, 400);
    for (const url of [
      `/live/${notLive.id}/updates.json?after=0`,
      `/live/${draft.id}/updates.json?after=0`,
      `/live/99999999/updates.json?after=0`,
      `/live/abc/updates.json?after=0`,
      `/live/${notLive.id}/stream?after=0`,
      `/live/${draft.id}/stream?after=0`,
    ]) {
      const res = await get(url);
      assert.equal(res.status, 404, url);
      await res.body?.cancel();
    }
  });

  it('pushes new entries, edits, deletions and the end over the event stream', async () => {
    const article = await buildArticle(site.services, { lang: 'en', title: 'Storm live' });
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    const older = await addLiveEntry(site.services, editor, { articleId: article.id, text: 'Wind rising.' });
    const missed = await addLiveEntry(site.services, editor, {
      articleId: article.id,
      text: 'Missed while away.',
    });
    const stream = openStream(`${site.baseUrl}/live/${article.id}/stream?after=${older.entry.id}`);
    // The backlog: what was added after the page's newest entry.
    const backlog = await stream.waitFor((e) => e.event === 'entry');
    assert.equal(stream.status(), 200);
    assert.equal(backlog.id, String(missed.entry.id));

    const fresh = await addLiveEntry(site.services, editor, { articleId: article.id, text: 'Roads closed.' });
    const pushed = await stream.waitFor((e) => e.event === 'entry' && e.id === String(fresh.entry.id));
    const payload = JSON.parse(pushed.data) as { id: number; html: string; pinned: boolean };
    assert.equal(payload.id, fresh.entry.id);
    assert.match(payload.html, /Roads closed\./);
    assert.match(payload.html, /<time datetime=/);

    await pinLiveEntry(site.services, editor, { entryId: fresh.entry.id, pinned: true });
    const change = await stream.waitFor((e) => e.event === 'change');
    assert.equal((JSON.parse(change.data) as { pinned: boolean }).pinned, true);

    // A reconnecting stream names its last event: only what came after is sent.
    const resumed = openStream(`${site.baseUrl}/live/${article.id}/stream?after=0`, {
      'last-event-id': String(missed.entry.id),
    });
    const resent = await resumed.waitFor((e) => e.event === 'entry');
    assert.equal(resent.id, String(fresh.entry.id));

    await endLiveCoverage(site.services, editor, { articleId: article.id });
    const state = await stream.waitFor((e) => e.event === 'state');
    assert.equal((JSON.parse(state.data) as { state: string }).state, 'ended');
    await stream.ended;
    await resumed.ended;
  });

  it('keeps a day of coverage within 30 KB compressed, HTML, CSS and scripts together', async () => {
    const article = await buildArticle(site.services, { lang: 'ar', title: 'يوم الاقتراع مباشرة' });
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    for (let i = 0; i < 80; i++) {
      await addLiveEntry(site.services, editor, {
        articleId: article.id,
        text: `المستجد ${i + 1}: أفاد مراسلنا في ${['نيامي', 'زيندر', 'مرادي', 'طاوة', 'أغاديس'][i % 5]} بأن الطوابير ما زالت طويلة أمام مكاتب الاقتراع، وأن اللجان المحلية تنتظر وصول صناديق إضافية قبل المساء ${i * 7}.`,
        pinned: i % 20 === 0,
      });
    }
    const res = await get(articlePath(article), { 'accept-encoding': 'gzip' });
    const html = await res.text();
    assert.equal(html.match(/ id="entry-\d+"/g)?.length, LIVE_ENTRIES_ON_PAGE);
    const assets = [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="(\/assets\/[^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    assert.ok(assets.some((a) => a.includes('/live.')));
    let total = gzipSync(html).length;
    for (const url of assets) total += assetWireSize(url) ?? Number.POSITIVE_INFINITY;
    assert.ok(total <= 30 * 1024, `${total} bytes`);
    console.log(`# live article page with ${LIVE_ENTRIES_ON_PAGE} entries shown: ${total} bytes compressed`);
  });

  it('shows an embed in an entry as the article body does: a facade, its script, no frame', async () => {
    const article = await buildArticle(site.services, { lang: 'en', title: 'Summit, live' });
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    await addLiveEntry(site.services, editor, {
      articleId: article.id,
      text: 'The opening speech:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
    const html = await (await get(articlePath(article))).text();
    const feed = html.slice(html.indexOf('class="live-feed"'));
    assert.match(feed, /class="embed-play"/);
    assert.doesNotMatch(html, /<iframe/);
    assert.match(html, /<script src="\/assets\/embed\.[0-9a-f]+\.js" defer/);
  });

  it('carries entries in the feeds', async () => {
    const article = await buildArticle(site.services, { title: 'Sommet en direct', lang: 'fr' });
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    await addLiveEntry(site.services, editor, { articleId: article.id, text: 'Les délégations arrivent.' });
    for (const path of ['/fr/feed.xml', '/fr/feed.atom', '/fr/feed.json']) {
      const res = await get(path);
      if (res.status === 404) continue;
      assert.equal(res.status, 200, path);
      assert.match(await res.text(), /Les délégations arrivent\./, path);
    }
    const rss = await get('/fr/feed.xml');
    assert.equal(rss.status, 200);
  });
});
