// WordPress audio and video forms to Midad's stored players, through the whole body clean-up:
// [audio mp3=…], [audio src=…], [video mp4=… poster=…], [video]…[/video], Gutenberg audio and
// video blocks with their captions and tracks, players written as HTML, and links to uploaded
// files; a file that was not imported stays a link with a warning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanBody } from './clean.ts';
import type { UploadTarget } from './media.ts';

const OLD = 'https://river.example/wp-content/uploads/2025/06';

const imported = new Map<string, UploadTarget>([
  [
    `${OLD}/interview.mp3`,
    {
      src: '/media/2026/12/a1.mp3',
      kind: 'audio',
      durationSeconds: 93.4,
      width: null,
      height: null,
      posterSrc: null,
      tracks: [],
    },
  ],
  [
    `${OLD}/flood.mp4`,
    {
      src: '/media/2026/12/v1.mp4',
      kind: 'video',
      durationSeconds: 75,
      width: 640,
      height: 360,
      posterSrc: null,
      tracks: [],
    },
  ],
  [
    `${OLD}/flood-poster.jpg`,
    {
      src: '/media/2026/12/p1.jpg',
      kind: 'image',
      durationSeconds: null,
      width: 64,
      height: 36,
      posterSrc: null,
      tracks: [],
    },
  ],
  [
    `${OLD}/flood-ar.vtt`,
    {
      src: '/media/2026/12/c1.vtt',
      kind: 'captions',
      durationSeconds: null,
      width: null,
      height: null,
      posterSrc: null,
      tracks: [],
    },
  ],
  [
    `${OLD}/report.pdf`,
    {
      src: '/media/2026/12/d1.pdf',
      kind: 'document',
      durationSeconds: null,
      width: null,
      height: null,
      posterSrc: null,
      tracks: [],
    },
  ],
]);

function clean(content: string) {
  return cleanBody(content, {
    image: () => null,
    attachment: () => null,
    attachedImages: () => [],
    upload: (url) => imported.get(url) ?? null,
  });
}

const AUDIO =
  '<figure data-block="audio"><audio src="/media/2026/12/a1.mp3" data-duration="93"></audio></figure>';
const VIDEO_HEAD =
  '<figure data-block="video"><video src="/media/2026/12/v1.mp4" poster="/media/2026/12/p1.jpg" width="640" height="360" data-duration="75">';

describe('WordPress audio and video', () => {
  it('[audio mp3=…][/audio] and [audio src=…] become players of the imported file', () => {
    const a = clean(`قبل\n\n[audio mp3="${OLD}/interview.mp3"][/audio]\n\nبعد`);
    assert.equal(a.html, `<p>قبل</p>\n${AUDIO}\n<p>بعد</p>`);
    assert.deepEqual(a.warnings, []);
    const b = clean(`[audio src="${OLD}/interview.mp3"]`);
    assert.equal(b.html, AUDIO);
  });

  it('[video mp4=… poster=…][/video] and [video]url[/video] become video players with poster and size', () => {
    const a = clean(
      `[video width="1280" height="720" mp4="${OLD}/flood.mp4" poster="${OLD}/flood-poster.jpg"][/video]`,
    );
    assert.equal(a.html, `${VIDEO_HEAD}</video></figure>`);
    const b = clean(`[video]${OLD}/flood.mp4[/video]`);
    assert.equal(
      b.html,
      '<figure data-block="video"><video src="/media/2026/12/v1.mp4" width="640" height="360" data-duration="75"></video></figure>',
    );
  });

  it('Gutenberg audio and video blocks keep their caption and subtitle track', () => {
    const html = clean(
      `<!-- wp:audio {"id":34} -->\n<figure class="wp-block-audio"><audio controls src="${OLD}/interview.mp3"></audio><figcaption class="wp-element-caption">الصياد يروي ليلة الفيضان</figcaption></figure>\n<!-- /wp:audio -->\n\n` +
        `<!-- wp:video {"id":35} -->\n<figure class="wp-block-video"><video controls poster="${OLD}/flood-poster.jpg" src="${OLD}/flood.mp4"><track src="${OLD}/flood-ar.vtt" kind="subtitles" srclang="ar" label="العربية"/></video><figcaption class="wp-element-caption">الحقول المغمورة</figcaption></figure>\n<!-- /wp:video -->`,
    ).html;
    assert.match(
      html,
      /<figure data-block="audio"><audio src="\/media\/2026\/12\/a1\.mp3" data-duration="93"><\/audio><figcaption>الصياد يروي ليلة الفيضان<\/figcaption><\/figure>/,
    );
    assert.ok(
      html.includes(
        `${VIDEO_HEAD}<track kind="subtitles" src="/media/2026/12/c1.vtt" srclang="ar" label="العربية" /></video><figcaption>الحقول المغمورة</figcaption></figure>`,
      ),
      html,
    );
    assert.doesNotMatch(html, /river\.example|wp-element-caption|wp-block/);
  });

  it('a player written as HTML with <source> is taken too', () => {
    const html = clean(
      `<p>اسمع:</p>\n<audio controls><source src="${OLD}/interview.mp3" type="audio/mpeg"></audio>`,
    ).html;
    assert.match(
      html,
      /<figure data-block="audio"><audio src="\/media\/2026\/12\/a1\.mp3" data-duration="93"><\/audio><\/figure>/,
    );
  });

  it('links to uploaded files point at the imported copies; other links stay', () => {
    const html = clean(
      `<p><a href="${OLD}/interview.mp3">تنزيل</a> و<a href="${OLD}/report.pdf">التقرير</a> و<a href="https://river.example/2025/06/story/">قصة</a></p>`,
    ).html;
    assert.equal(
      html,
      '<p><a href="/media/2026/12/a1.mp3">تنزيل</a> و<a href="/media/2026/12/d1.pdf">التقرير</a> و<a href="https://river.example/2025/06/story/">قصة</a></p>',
    );
  });

  it('a file not imported stays a link to its old address, with a warning naming it and its line', () => {
    const result = clean(
      `سطر أول\n\n[audio mp3="${OLD}/lost.mp3"][/audio]\n\n[video mp4="${OLD}/flood.mp4" poster="${OLD}/gone.jpg"][/video]`,
    );
    assert.match(result.html, new RegExp(`<p><a href="${OLD}/lost\\.mp3">${OLD}/lost\\.mp3</a></p>`));
    assert.match(
      result.html,
      /<video src="\/media\/2026\/12\/v1\.mp4" width="640"/,
      'the video plays without its poster',
    );
    assert.deepEqual(
      result.warnings.map((w) => [w.message, w.line]),
      [
        [`audio file not imported (not in the uploads folder): ${OLD}/lost.mp3`, 3],
        [`video poster not imported: ${OLD}/gone.jpg`, 5],
      ],
    );
  });

  it('a shortcode without an address is dropped rather than shown as text', () => {
    assert.equal(clean('[audio][/audio]').html, '');
    assert.equal(clean('[video src="javascript:alert(1)"]').html, '');
  });
});
