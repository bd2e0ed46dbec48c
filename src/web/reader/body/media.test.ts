// The reader page's audio and video step: stored blocks become players of this site's files
// with controls, preload="none", poster, tracks and the playing time; anything pointing
// elsewhere is dropped, and the step leaves the rest of the body as it was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeArticleHtml } from '../../../core/html-policy.ts';
import { messages } from '../../../core/i18n.ts';
import { mediaBlockHtml } from '../../../core/story-blocks/media.ts';
import { renderMedia } from './media.ts';
import { renderBody } from './render-body.ts';

const ctx = { lang: 'ar' as const, t: messages('ar'), baseUrl: 'https://news.example' };
const stored = (html: string) => sanitizeArticleHtml(html).html;

describe('audio and video on the reader page', () => {
  it('plays a stored video with controls, preload none, poster, size, tracks, time and caption', () => {
    const html = stored(
      `<p>قبل</p>${mediaBlockHtml({
        kind: 'video',
        src: '/media/2026/12/flood.mp4',
        poster: '/media/2026/12/poster-960.jpg',
        width: 640,
        height: 360,
        durationSeconds: 75,
        tracks: [{ src: '/media/2026/12/flood-ar.vtt', lang: 'ar', label: 'العربية', kind: 'subtitles' }],
        captionHtml: 'الحقول <em>المغمورة</em>',
      })}<p>بعد</p>`,
    );
    const out = renderMedia(html, ctx);
    assert.equal(
      out,
      '<p>قبل</p><figure class="media-block media-video" data-block="video">' +
        '<video controls preload="none" src="/media/2026/12/flood.mp4" poster="/media/2026/12/poster-960.jpg" width="640" height="360">' +
        '<track kind="subtitles" src="/media/2026/12/flood-ar.vtt" srclang="ar" label="العربية">' +
        '<a href="/media/2026/12/flood.mp4">تنزيل الفيديو</a></video>' +
        '<figcaption><span class="media-duration"><span class="visually-hidden">المدة: </span><time datetime="PT1M15S" dir="ltr">1:15</time></span> الحقول <em>المغمورة</em></figcaption>' +
        '</figure><p>بعد</p>',
    );
  });

  it('plays stored audio; without a caption the time alone is the caption', () => {
    const html = stored(
      mediaBlockHtml({ kind: 'audio', src: '/media/2026/12/talk.mp3', durationSeconds: 3725 }),
    );
    const out = renderMedia(html, ctx);
    assert.match(
      out,
      /^<figure class="media-block media-audio" data-block="audio"><audio controls preload="none" src="\/media\/2026\/12\/talk\.mp3">/,
    );
    assert.match(
      out,
      /<figcaption><span class="media-duration">.*<time datetime="PT1H2M5S" dir="ltr">1:02:05<\/time><\/span><\/figcaption>/,
    );
    assert.doesNotMatch(out, /poster|width=/);
  });

  it('drops addresses of other hosts and unsafe ones, and a block left without a file', () => {
    const html = stored(
      '<figure data-block="audio"><audio src="https://old-site.example/wp-content/uploads/a.mp3" data-duration="9"></audio><figcaption>x</figcaption></figure>' +
        '<figure data-block="video"><video src="/media/2026/12/v.mp4" poster="javascript:alert(1)"><track kind="captions" src="https://tracker.example/t.vtt" srclang="ar"></video></figure>' +
        '<video src="/media/../secrets/v.mp4"></video>',
    );
    const out = renderMedia(html, ctx);
    assert.doesNotMatch(out, /old-site|tracker|javascript|secrets/);
    assert.equal((out.match(/<video /g) ?? []).length, 1);
    assert.doesNotMatch(out, /<audio/);
    assert.match(out, /<video controls preload="none" src="\/media\/2026\/12\/v\.mp4"><a /);
  });

  it('treats a hand-written player outside a block alike, and takes a <source> when there is no src', () => {
    const out = renderMedia(
      stored('<p><video><source src="/media/2026/12/v.webm" type="video/webm"></video></p>'),
      ctx,
    );
    assert.equal(
      out,
      '<p><figure class="media-block media-video" data-block="video"><video controls preload="none" src="/media/2026/12/v.webm"><a href="/media/2026/12/v.webm">تنزيل الفيديو</a></video></figure></p>',
    );
  });

  it('leaves a body without players untouched, and runs in the page pipeline', () => {
    const plain = '<p>نص <a href="https://example.org/x.mp3">رابط</a></p>';
    assert.equal(renderMedia(plain, ctx), plain);
    const page = renderBody(
      stored(mediaBlockHtml({ kind: 'audio', src: '/media/2026/12/t.mp3', durationSeconds: 5 })),
      {
        ...ctx,
        lang: 'en',
        t: messages('en'),
      },
    );
    assert.match(page, /Duration: <\/span><time datetime="PT5S" dir="ltr">0:05<\/time>/);
    assert.match(page, />Download the recording<\/a>/);
  });
});
