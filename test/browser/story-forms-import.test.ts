// A WordPress export that uses every story form a newsroom brings (URLs alone on their line,
// [embed], wp:embed, WordPress's own iframes, [gallery], a Gutenberg gallery, [audio], [video],
// Gutenberg audio and video, [caption]) is imported with its uploads and read in Chromium: no
// request leaves the site on load, no address is left as bare text, every embed names and links
// its original, the YouTube player comes only after pressing play and the CSP lets it in,
// galleries show local images with srcset and captions, audio and video play from this site's
// files (206 to range requests), and nothing links to the old site any more.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Article } from '../../src/core/types.ts';
import { createImportsRepository } from '../../src/db/repositories/imports.ts';
import { importWordPress } from '../../src/services/import/run-import.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { DESKTOP, launchBrowser, PHONE, saveScreenshot } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const FIXTURE = path.resolve('test/fixtures/wxr/story-forms');
const OLD_HOST = 'niger-river.example';

let site: TestSite;
let browser: Browser;
const articles = new Map<string, Article>();

before(
  async () => {
    site = await startTestSite({ listen: true });
    const report = await importWordPress(site.services, {
      file: path.join(FIXTURE, 'export.xml'),
      uploadsDir: path.join(FIXTURE, 'uploads'),
    });
    const ids = ['11', '12', '13', '14'];
    const targets = await createImportsRepository(site.services.db.kysely).targets(
      report.source,
      'article',
      ids,
    );
    for (const id of ids) {
      const article = await site.services.repos.articles.byId(targets.get(id) ?? 0);
      assert.ok(article, `post ${id} was imported`);
      articles.set(id, article);
    }
    browser = await launchBrowser();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
  await site?.close();
});

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Every request that was addressed to another host. */
  outside: string[];
  consoleErrors: string[];
  csp: string;
}

async function visit(wpId: string, options = DESKTOP): Promise<Visit> {
  const article = articles.get(wpId);
  assert.ok(article);
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const outside: string[] = [];
  const origin = new URL(site.baseUrl).origin;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    outside.push(url);
    // A player, once asked for, is answered here: the test never reaches the internet.
    if (url.startsWith('https://www.youtube-nocookie.com/')) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>player</title>',
      });
    }
    return route.abort();
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  const response = await page.goto(`${site.baseUrl}${articlePath(article)}`, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  return { page, context, outside, consoleErrors, csp };
}

/** Text in the article body that looks like an address but is not inside a link. */
function bareUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const body = document.querySelector('.article-body');
    if (!body) return ['(no article body)'];
    const found: string[] = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('a')) continue;
      const m = node.textContent?.match(/https?:\/\/\S+|www\.\S+/g);
      if (m) found.push(...m);
    }
    return found;
  });
}

function bodyLinks(page: Page): Promise<string[]> {
  return page.$$eval('.article-body a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
}

describe('an imported WordPress export with every story form', () => {
  it('shows embeds as facades that name and link their original, and loads nothing from elsewhere', async () => {
    for (const wpId of ['11', '12']) {
      const v = await visit(wpId);
      try {
        await v.page.waitForTimeout(300);
        assert.deepEqual(v.outside, [], `post ${wpId} asked another host on load`);
        assert.deepEqual(await bareUrls(v.page), [], `post ${wpId} has addresses left as text`);
        assert.equal(
          await v.page.locator('.article-body iframe').count(),
          0,
          'no player before pressing play',
        );
        const links = await bodyLinks(v.page);
        const expected =
          wpId === '11'
            ? [
                'youtube.com/watch?v=M1dadR1ver0',
                'vimeo.com/76979871',
                't.me/sahel_river_news/482',
                'facebook.com/watch/?v=1029384756',
                'R1verB0at42',
              ]
            : ['status/1798000000000000001', 'youtube.com/watch?v=Fl00dN1ght9'];
        for (const part of expected) {
          assert.ok(
            links.some((href) => href.includes(part)),
            `post ${wpId} links to ${part}: ${links.join(' ')}`,
          );
        }
        // Each embed says which service it comes from, in words a reader can see.
        const text = (await v.page.locator('.article-body').innerText()).toLowerCase();
        for (const name of wpId === '11' ? ['youtube', 'vimeo', 'telegram', 'facebook'] : ['youtube']) {
          assert.ok(text.includes(name), `post ${wpId} names ${name}`);
        }
        assert.ok(
          (await v.page.locator('.article-body figcaption', { hasText: 'شهادة أحد السكان' }).count()) > 0 ||
            wpId === '11',
          'the wp:embed caption is kept',
        );
        await saveScreenshot(v.page, `story-forms-embeds-${wpId}`);
      } finally {
        await v.context.close();
      }
    }
  });

  it('inserts the privacy-enhanced YouTube player only when play is pressed, allowed by the CSP', async () => {
    const v = await visit('11', PHONE);
    try {
      const figure = v.page.locator('.article-body figure', {
        has: v.page.locator('a[href*="M1dadR1ver0"]'),
      });
      assert.equal(await figure.count(), 1);
      assert.match(v.csp, /frame-src[^;]*https:\/\/www\.youtube-nocookie\.com/);
      await figure.locator('button').first().click();
      const frame = v.page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/M1dadR1ver0"]');
      await frame.waitFor({ timeout: 5000 });
      assert.ok(v.outside.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/M1dadR1ver0')));
      assert.ok(
        v.outside.every((u) => u.startsWith('https://www.youtube-nocookie.com/')),
        v.outside.join(' '),
      );
      assert.deepEqual(
        v.consoleErrors.filter((e) => /Content Security Policy/i.test(e)),
        [],
        'no CSP violation',
      );
    } finally {
      await v.context.close();
    }
  });

  it('shows both galleries from local images with srcset and their captions', async () => {
    const v = await visit('13', PHONE);
    try {
      assert.deepEqual(v.outside, []);
      const images = await v.page.$$eval('.article-body img', (imgs) =>
        imgs.map((img) => ({
          src: (img as HTMLImageElement).currentSrc || (img as HTMLImageElement).src,
          srcset: img.getAttribute('srcset') ?? '',
          alt: img.getAttribute('alt') ?? '',
        })),
      );
      // Three from [gallery], two from the Gutenberg gallery, one captioned picture.
      assert.ok(images.length >= 6, `found ${images.length} images`);
      const origin = new URL(site.baseUrl).origin;
      for (const img of images) {
        assert.ok(img.srcset !== '', `srcset on ${img.src}`);
        assert.ok(!img.srcset.includes(OLD_HOST) && !img.src.includes(OLD_HOST));
        assert.ok(img.alt !== '');
      }
      const text = await v.page.locator('.article-body').innerText();
      for (const caption of [
        'سوق السمك المجفف في الصباح',
        'السمك المجفف يباع بالكيلو',
        'العبّارة تعبر مرتين في اليوم',
        'مشاهد من السوق والعبّارة',
        'القوارب قبل خروجها إلى الصيد',
      ]) {
        assert.ok(text.includes(caption), `caption "${caption}" is shown`);
      }
      const loaded = await v.page.$$eval('.article-body img', (imgs) =>
        imgs.map((img) => (img as HTMLImageElement).src),
      );
      assert.ok(loaded.every((src) => src.startsWith(origin)));
      await saveScreenshot(v.page, 'story-forms-galleries');
    } finally {
      await v.context.close();
    }
  });

  it('plays audio and video from this site, with poster, captions and range requests', async () => {
    const v = await visit('14', PHONE);
    try {
      assert.deepEqual(v.outside, []);
      const origin = new URL(site.baseUrl).origin;
      const media = await v.page.$$eval('.article-body audio, .article-body video', (els) =>
        els.map((el) => ({
          tag: el.tagName.toLowerCase(),
          controls: (el as HTMLMediaElement).controls,
          src:
            (el as HTMLMediaElement).currentSrc ||
            (el as HTMLMediaElement).src ||
            el.querySelector('source')?.src ||
            '',
          poster: el instanceof HTMLVideoElement ? el.poster : '',
          tracks: Array.from(el.querySelectorAll('track')).map((t) => t.src),
        })),
      );
      const audio = media.filter((m) => m.tag === 'audio');
      const video = media.filter((m) => m.tag === 'video');
      assert.ok(audio.length >= 2, `audio players: ${audio.length}`);
      assert.ok(video.length >= 2, `video players: ${video.length}`);
      for (const m of media) {
        assert.ok(m.controls, `${m.tag} has controls`);
        assert.ok(m.src.startsWith(origin), `${m.tag} plays from this site: ${m.src}`);
      }
      for (const m of video) assert.ok(m.poster.startsWith(origin), `poster from this site: ${m.poster}`);
      assert.ok(
        video.some((m) => m.tracks.length > 0 && m.tracks.every((t) => t.startsWith(origin))),
        'the Gutenberg video keeps its captions track',
      );
      const text = await v.page.locator('.article-body').innerText();
      assert.ok(text.includes('الصياد يروي ليلة الفيضان'), 'the audio block keeps its caption');
      assert.ok(text.includes('الحقول المغمورة من الجو'), 'the video block keeps its caption');

      const videoUrl = video[0]?.src ?? '';
      const range = await fetch(videoUrl, { headers: { range: 'bytes=100-199' } });
      assert.equal(range.status, 206);
      assert.equal(range.headers.get('content-range')?.replace(/\/\d+$/, ''), 'bytes 100-199');
      assert.equal((await range.arrayBuffer()).byteLength, 100);
      assert.match(range.headers.get('content-type') ?? '', /^video\/mp4/);
      const audioUrl = audio[0]?.src ?? '';
      const whole = await fetch(audioUrl);
      assert.equal(whole.status, 200);
      assert.equal(whole.headers.get('accept-ranges'), 'bytes');
      assert.match(whole.headers.get('content-type') ?? '', /^audio\/mpeg/);
      await whole.arrayBuffer();
      await saveScreenshot(v.page, 'story-forms-audio-video');
    } finally {
      await v.context.close();
    }
  });

  it('leaves no link to the old site and no shortcode in any imported post', async () => {
    for (const [wpId, article] of articles) {
      const html = await (await fetch(`${site.baseUrl}${articlePath(article)}`)).text();
      const body = html.slice(html.indexOf('article-body'));
      assert.ok(!body.includes(OLD_HOST), `post ${wpId} still points at ${OLD_HOST}`);
      assert.doesNotMatch(
        article.bodyHtml,
        /\[\/?(embed|gallery|audio|video|caption)\b/,
        `post ${wpId} shortcodes`,
      );
    }
  });
});
