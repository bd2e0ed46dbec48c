// A WordPress export with audio and video in every form, imported with its uploads folder: the
// files come in by their bytes (duration, size), the players, poster, caption track and links
// name the imported files, and no address of the old site is left except for the one file the
// uploads folder lacks, which stays a link and is reported.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { loadConfig } from '../../config.ts';
import { minimalMp4, mp3File } from '../../media/test-av.ts';
import { tinyPdf } from '../../media/test-images.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { type Services, servicesFor } from '../context.ts';
import { initializeSite } from '../setup.ts';
import type { ImportReport } from './report.ts';
import { importWordPress } from './run-import.ts';

const SITE = 'https://river.example';
const UP = `${SITE}/wp-content/uploads/2025/06`;

function item(fields: {
  id: number;
  type: string;
  title: string;
  content?: string;
  file?: string;
  parent?: number;
}) {
  const attachment = fields.file
    ? `<wp:attachment_url><![CDATA[${UP}/${fields.file}]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2025/06/${fields.file}]]></wp:meta_value></wp:postmeta>`
    : '';
  return `<item>
<title><![CDATA[${fields.title}]]></title>
<link>${SITE}/?p=${fields.id}</link>
<dc:creator><![CDATA[awa]]></dc:creator>
<guid isPermaLink="false">${SITE}/?p=${fields.id}</guid>
<content:encoded><![CDATA[${fields.content ?? ''}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${fields.id}</wp:post_id>
<wp:post_date><![CDATA[2025-06-06 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2025-06-06 09:00:00]]></wp:post_date_gmt>
<wp:comment_status><![CDATA[closed]]></wp:comment_status>
<wp:post_name><![CDATA[item-${fields.id}]]></wp:post_name>
<wp:status><![CDATA[${fields.type === 'attachment' ? 'inherit' : 'publish'}]]></wp:status>
<wp:post_parent>${fields.parent ?? 0}</wp:post_parent>
<wp:post_type><![CDATA[${fields.type}]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<wp:is_sticky>0</wp:is_sticky>
${attachment}
</item>`;
}

const CLASSIC = `صوت الصياد:

[audio mp3="${UP}/interview.mp3"][/audio]

[audio src="${UP}/interview.mp3"]

[video width="640" height="360" mp4="${UP}/flood.mp4" poster="${UP}/flood-poster.jpg"][/video]

[video]${UP}/flood.mp4[/video]

[audio mp3="${UP}/lost-interview.mp3"][/audio]

[audio src="${UP}/lost-interview.mp3"]

التقرير الكامل: <a href="${UP}/report.pdf">PDF</a> والتسجيل: <a href="${UP}/interview.mp3">MP3</a>`;

const BLOCKS = `<!-- wp:audio {"id":34} -->
<figure class="wp-block-audio"><audio controls src="${UP}/interview.mp3"></audio><figcaption class="wp-element-caption">الصياد يروي ليلة الفيضان</figcaption></figure>
<!-- /wp:audio -->

<!-- wp:video {"id":35} -->
<figure class="wp-block-video"><video controls poster="${UP}/flood-poster.jpg" src="${UP}/flood.mp4"><track src="${UP}/flood-ar.vtt" kind="subtitles" srclang="ar" label="العربية"/></video><figcaption class="wp-element-caption">الحقول المغمورة من الجو</figcaption></figure>
<!-- /wp:video -->`;

const EXPORT = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>River</title><link>${SITE}</link><language>ar</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[awa]]></wp:author_login><wp:author_email><![CDATA[awa@river.example]]></wp:author_email><wp:author_display_name><![CDATA[Awa]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
${item({ id: 34, type: 'attachment', title: 'مقابلة', file: 'interview.mp3', parent: 10 })}
${item({ id: 35, type: 'attachment', title: 'الفيضان', file: 'flood.mp4', parent: 10 })}
${item({ id: 36, type: 'attachment', title: 'ملصق', file: 'flood-poster.jpg', parent: 10 })}
${item({ id: 37, type: 'attachment', title: 'ترجمة', file: 'flood-ar.vtt', parent: 11 })}
${item({ id: 38, type: 'attachment', title: 'تقرير', file: 'report.pdf', parent: 10 })}
${item({ id: 39, type: 'attachment', title: 'مقابلة مفقودة', file: 'lost-interview.mp3', parent: 10 })}
${item({ id: 10, type: 'post', title: 'أصوات من القرى', content: CLASSIC })}
${item({ id: 11, type: 'post', title: 'الحقول من الجو', content: BLOCKS })}
</channel>
</rss>`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-av-import-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

await forEachEngine((engine) => {
  let services: Services;
  let report: ImportReport;
  const body = async (wpId: string) => {
    const id = (await services.repos.imports.targets(report.source, 'article', [wpId])).get(wpId);
    assert.ok(id, `post ${wpId} imported`);
    return (await services.repos.articles.byId(id))!.bodyHtml;
  };

  before(async () => {
    services = servicesFor(
      loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' }),
      await engine.fresh(),
    );
    await initializeSite(services, { demo: false });
    const uploads = path.join(dir, `${engine.dialect}-uploads`);
    fs.mkdirSync(path.join(uploads, '2025/06'), { recursive: true });
    const put = (name: string, data: Buffer) => fs.writeFileSync(path.join(uploads, '2025/06', name), data);
    put('interview.mp3', mp3File(200));
    put('flood.mp4', minimalMp4({ durationMs: 42_000, width: 640, height: 360 }));
    put(
      'flood-poster.jpg',
      await sharp({ create: { width: 64, height: 36, channels: 3, background: '#225588' } })
        .jpeg()
        .toBuffer(),
    );
    put('flood-ar.vtt', Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nالماء يغمر الحقول\n'));
    put('report.pdf', tinyPdf());
    const file = path.join(dir, `${engine.dialect}-export.xml`);
    fs.writeFileSync(file, EXPORT);
    report = await importWordPress(services, { file, uploadsDir: uploads });
  });

  describe('WordPress import of audio and video', () => {
    it('ingests the files by their bytes: audio and video with duration, the poster, captions, the PDF', async () => {
      const { items } = await services.repos.media.list({ limit: 20 });
      const kinds = items.map((m) => `${m.kind}:${m.mime}`).sort();
      assert.deepEqual(kinds, [
        'audio:audio/mpeg',
        'captions:text/vtt',
        'document:application/pdf',
        'image:image/jpeg',
        'video:video/mp4',
      ]);
      const video = items.find((m) => m.kind === 'video')!;
      assert.deepEqual([video.durationMs, video.width, video.height], [42_000, 640, 360]);
      assert.ok((items.find((m) => m.kind === 'audio')?.durationMs ?? 0) > 5000);
    });

    it('turns every classic form into players of the imported files and points links at them', async () => {
      const html = await body('10');
      const audio =
        /<figure data-block="audio"><audio src="(\/media\/[^"]+\.mp3)" data-duration="\d+"><\/audio><\/figure>/g;
      assert.equal([...html.matchAll(audio)].length, 2, html);
      const video =
        /<figure data-block="video"><video src="\/media\/[^"]+\.mp4"( poster="\/media\/[^"]+")? width="640" height="360" data-duration="42"><\/video><\/figure>/g;
      const videos = [...html.matchAll(video)];
      assert.equal(videos.length, 2, html);
      assert.ok(videos[0]?.[1], 'the shortcode poster is the imported image');
      assert.match(html, /<a href="\/media\/[^"]+\.pdf">PDF<\/a>/);
      assert.match(html, /<a href="\/media\/[^"]+\.mp3">MP3<\/a>/);
    });

    it('keeps a link to the one file missing from the uploads folder, and reports it', async () => {
      const html = await body('10');
      const old = [...html.matchAll(/https?:\/\/river\.example[^"<]*/g)].map((m) => m[0]);
      assert.deepEqual([...new Set(old)], [`${UP}/lost-interview.mp3`]);
      assert.ok(report.missingMedia.includes(`${UP}/lost-interview.mp3`));
      // Two players of the one missing file: one warning, counted twice, not two lines.
      const lost = report.warnings.filter((w) =>
        /audio file not imported \(not in the uploads folder\): .*lost-interview\.mp3/.test(w.message),
      );
      assert.equal(lost.length, 1, JSON.stringify(report.warnings));
      assert.equal(lost[0]!.times, 2);
    });

    it('imports Gutenberg audio and video with their captions, poster and subtitle track', async () => {
      const html = await body('11');
      assert.match(
        html,
        /<figure data-block="audio"><audio src="\/media\/[^"]+\.mp3" data-duration="\d+"><\/audio><figcaption>الصياد يروي ليلة الفيضان<\/figcaption><\/figure>/,
      );
      assert.match(
        html,
        /<video src="\/media\/[^"]+\.mp4" poster="\/media\/[^"]+\.jpg" width="640" height="360" data-duration="42"><track kind="subtitles" src="\/media\/[^"]+\.vtt" srclang="ar" label="العربية" \/><\/video><figcaption>الحقول المغمورة من الجو<\/figcaption>/,
      );
      assert.doesNotMatch(html, /river\.example/);
    });
  });
});
