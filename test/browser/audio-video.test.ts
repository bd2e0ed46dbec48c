// Audio and video in an article, in Chromium: the players come from this site's library files
// (a WAV made here and, where ffmpeg is installed, a real WebM video with sound), with controls,
// preload="none", the video's poster and its WebVTT track; pressed play, they load with 206
// answers from the same origin and report their length; no request goes to another host; the
// playing time shows beside the caption; nothing sticks out at 390 px and axe finds nothing
// serious at 390 and 1280 px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { sanitizeArticleHtml } from '../../src/core/html-policy.ts';
import { mediaBlockHtml } from '../../src/core/story-blocks/media.ts';
import type { Article, Media } from '../../src/core/types.ts';
import { ingestCaptions } from '../../src/media/captions.ts';
import { bestFallback } from '../../src/media/images.ts';
import { ffmpegFile, hasFfmpeg, minimalMp4, wavFile } from '../../src/media/test-av.ts';
import { ingestUpload } from '../../src/services/media/upload-media.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { addStaff } from '../../src/services/staff.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import {
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { buildArticle } from '../support/factories.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const EDITOR = { email: 'mariam.av@example.org', password: 'Gao-river-crossing-2026', name: 'مريم' };
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

let site: TestSite;
let browser: Browser;
let article: Article;
let audio: Media;
let video: Media;

const url = (m: Media) => `/media/${m.path}`;

before(
  async () => {
    site = await startTestSite({ listen: true });
    const services = site.services;
    audio = await ingestUpload(services, { buffer: wavFile(2), text: { caption: 'شهادة صياد' } });
    const clip = hasFfmpeg
      ? ffmpegFile('webm', ['-c:v', 'libvpx', '-b:v', '200k', '-c:a', 'libopus'], { seconds: 2, video: true })
      : minimalMp4({ durationMs: 2000, width: 320, height: 180 });
    video = await ingestUpload(services, { buffer: clip });
    const poster = await ingestUpload(services, {
      buffer: await sharp({ create: { width: 640, height: 360, channels: 3, background: '#1d4e89' } })
        .jpeg()
        .toBuffer(),
      text: { alt: 'الحقول المغمورة' },
    });
    const captions = await ingestCaptions(
      { buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.500\nالماء يغمر الحقول\n') },
      { repos: services.repos, mediaRoot: services.config.mediaRoot },
    );
    // The library's video knows its poster and subtitle track, as the editor's block will take them.
    await services.repos.media.update(video.id, { posterMediaId: poster.id });
    await services.repos.media.addTrack({
      mediaId: video.id,
      trackMediaId: captions.id,
      lang: 'ar',
      label: 'العربية',
      kind: 'subtitles',
    });
    await addStaff(services, { ...EDITOR, role: 'editor' });
    const body = [
      '<p>تحدثنا مع صياد عن موسم الفيضان.</p>',
      mediaBlockHtml({
        kind: 'audio',
        src: url(audio),
        durationSeconds: 2,
        captionHtml: 'الصياد يروي ليلة الفيضان',
      }),
      '<p>وصوّر فريقنا الحقول من الجو.</p>',
      mediaBlockHtml({
        kind: 'video',
        src: url(video),
        poster: bestFallback(poster, '/media/').src,
        width: 320,
        height: 180,
        durationSeconds: 2,
        tracks: [{ src: url(captions), lang: 'ar', label: 'العربية', kind: 'subtitles' }],
        captionHtml: 'الحقول المغمورة من الجو',
      }),
    ].join('');
    article = await buildArticle(services, {
      lang: 'ar',
      title: 'موسم الفيضان: أصوات من القرى',
      bodyHtml: sanitizeArticleHtml(body).html,
    });
    // Playing without a click is what a reader's press does; headless Chromium needs the switch.
    browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
  },
  { timeout: 60_000 },
);
after(async () => {
  await browser?.close();
  await site?.close();
});

interface Seen {
  outside: string[];
  media: { url: string; status: number; range: string | undefined }[];
}

async function withArticle<T>(options: BrowserContextOptions, fn: (page: Page, seen: Seen) => Promise<T>) {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const seen: Seen = { outside: [], media: [] };
  const origin = new URL(site.baseUrl).origin;
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('data:')) return route.continue();
    seen.outside.push(target);
    return route.abort();
  });
  try {
    const page = await context.newPage();
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/media/')) {
        seen.media.push({ url: res.url(), status: res.status(), range: res.request().headers().range });
      }
    });
    await page.goto(site.baseUrl + articlePath(article));
    return await fn(page, seen);
  } finally {
    await context.close();
  }
}

describe('audio and video on the article page', () => {
  it('shows players of this site’s files with controls, preload none, poster, track and time', async () => {
    await withArticle(PHONE, async (page, seen) => {
      const players = await page.$$eval('.article-body audio, .article-body video', (els) =>
        els.map((el) => ({
          tag: el.tagName.toLowerCase(),
          controls: (el as HTMLMediaElement).controls,
          preload: el.getAttribute('preload'),
          src: (el as HTMLMediaElement).src,
          poster: el instanceof HTMLVideoElement ? el.poster : '',
          tracks: Array.from(el.querySelectorAll('track')).map((t) => [t.src, t.srclang, t.label, t.kind]),
        })),
      );
      const origin = new URL(site.baseUrl).origin;
      assert.deepEqual(
        players.map((p) => [p.tag, p.controls, p.preload]),
        [
          ['audio', true, 'none'],
          ['video', true, 'none'],
        ],
      );
      for (const p of players) assert.ok(p.src.startsWith(`${origin}/media/`), p.src);
      assert.ok(players[1]?.poster.startsWith(`${origin}/media/`), 'the poster is this site’s image');
      assert.deepEqual(
        players[1]?.tracks.map((t) => t.slice(1)),
        [['ar', 'العربية', 'subtitles']],
      );
      const times = await page.locator('.article-body .media-duration time').allTextContents();
      assert.deepEqual(times, ['0:02', '0:02']);
      assert.match(
        ((await page.locator('.media-audio figcaption').textContent()) ?? '').replace(/\s+/g, ' '),
        /0:02 الصياد يروي ليلة الفيضان/,
      );
      // preload="none": nothing of the recordings is fetched before play is pressed.
      assert.deepEqual(
        seen.media.filter((m) => /\.(wav|webm|mp4)$/.test(m.url)),
        [],
      );
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(seen.outside, []);
    });
  });

  it('plays the audio from this site with 206 answers and reports its length', async () => {
    await withArticle(DESKTOP, async (page, seen) => {
      const state = await page.evaluate(async () => {
        const el = document.querySelector<HTMLAudioElement>('.article-body audio');
        if (!el) return null;
        await el.play();
        await new Promise((resolve) => {
          if (el.readyState >= 2) resolve(null);
          else el.addEventListener('loadeddata', () => resolve(null), { once: true });
        });
        return { readyState: el.readyState, duration: el.duration, error: el.error?.code ?? null };
      });
      assert.ok(state, 'an audio player');
      assert.equal(state.error, null);
      assert.ok(state.readyState >= 2, `readyState ${state.readyState}`);
      assert.ok(Math.abs(state.duration - 2) < 0.05, `duration ${state.duration}`);
      const answers = seen.media.filter((m) => m.url.endsWith(url(audio)));
      assert.ok(answers.length > 0, 'the file was asked for');
      assert.ok(
        answers.every((a) => a.status === 206 && a.range?.startsWith('bytes=')),
        JSON.stringify(answers),
      );
      assert.deepEqual(seen.outside, []);
    });
  });

  it('plays the video (or at least loads it with 206) from this site, seeking by range', async () => {
    await withArticle(DESKTOP, async (page, seen) => {
      const state = await page.evaluate(async (playable) => {
        const el = document.querySelector<HTMLVideoElement>('.article-body video');
        if (!el) return null;
        el.muted = true;
        await el.play().catch(() => undefined);
        await new Promise((resolve) => {
          if (el.readyState >= 2) resolve(null);
          el.addEventListener('loadeddata', resolve, { once: true });
          el.addEventListener('error', resolve, { once: true });
          setTimeout(resolve, 5000);
        });
        if (playable && el.readyState >= 2) {
          // A seek to the middle, as a reader dragging the bar would.
          el.currentTime = 1.2;
          await new Promise((resolve) => el.addEventListener('seeked', () => resolve(null), { once: true }));
        }
        return {
          readyState: el.readyState,
          duration: el.duration,
          width: el.videoWidth,
          tracks: el.textTracks.length,
        };
      }, hasFfmpeg);
      assert.ok(state, 'a video player');
      assert.equal(state.tracks, 1, 'its subtitle track');
      const answers = seen.media.filter((m) => m.url.endsWith(url(video)));
      assert.ok(answers.length > 0, 'the video was asked for');
      assert.ok(
        answers.every((a) => a.status === 206),
        JSON.stringify(answers),
      );
      if (hasFfmpeg) {
        assert.ok(state.readyState >= 2, `readyState ${state.readyState}`);
        assert.ok(Math.abs(state.duration - 2) < 0.2, `duration ${state.duration}`);
        assert.equal(state.width, 320);
      }
      assert.deepEqual(seen.outside, []);
    });
  });

  for (const [width, options] of [
    [390, PHONE],
    [1280, DESKTOP],
  ] as const) {
    it(`has no serious or critical axe violation at ${width} px`, async () => {
      await withArticle(options, async (page) => {
        // Evaluated rather than added as a script tag: the page’s CSP refuses inline scripts.
        await page.evaluate(axeSource);
        const results = await page.evaluate(() =>
          (window as unknown as { axe: { run(d: Document, o: object): Promise<AxeResults> } }).axe.run(
            document,
            {
              resultTypes: ['violations'],
            },
          ),
        );
        const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(
          grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`),
          [],
        );
      });
    });
  }

  it('inserts a video from the library in the editor and saves the stored player with its caption', async () => {
    const t = articleMessages('ar');
    const context = await browser.newContext(PHONE);
    const problems: string[] = [];
    watchPageProblems(context, problems);
    try {
      const page = await context.newPage();
      await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
      await page.goto(`${site.baseUrl}/newsroom/articles`);
      await Promise.all([
        page.waitForURL(/\/newsroom\/articles\/\d+$/),
        page.locator('form[action="/newsroom/articles/new"] button').click(),
      ]);
      await page.locator('#title').fill('الحقول من الجو');
      await page.locator('.nr-rte-content').click();
      await page.keyboard.type('مقدمة قصيرة.');
      await page.locator(`.nr-rte-toolbar button[aria-label="${t.editor_player}"]`).click();
      const dialog = page.locator('dialog');
      await dialog.waitFor();
      assert.equal(await dialog.locator('h2').textContent(), t.editor_playerPick);
      const choices = dialog.locator('input[type="radio"]');
      assert.equal(await choices.count(), 2, 'the recording and the video');
      await dialog
        .locator('label', { hasText: '.webm' })
        .or(dialog.locator('label', { hasText: '.mp4' }))
        .click();
      await dialog.getByRole('button', { name: t.editor_player }).click();
      await dialog.waitFor({ state: 'detached' });
      const panel = page.locator('.nr-rte-content .nr-player');
      await panel.waitFor();
      assert.equal(await panel.locator('video').getAttribute('preload'), 'none');
      await panel.getByLabel(t.editor_playerCaption).fill('الحقول <المغمورة>');
      await panel.getByLabel(t.editor_playerCaption).press('Enter');
      const html = await page.locator('#body_html').inputValue();
      const expected =
        `<figure data-block="video"><video src="${url(video)}" poster="/media/[^"]+" width="320" height="180" data-duration="2">` +
        '<track kind="subtitles" src="/media/[^"]+\\.vtt" srclang="ar" label="العربية"></video>' +
        '<figcaption>الحقول &lt;المغمورة&gt;</figcaption></figure>';
      assert.match(html, new RegExp(expected));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
