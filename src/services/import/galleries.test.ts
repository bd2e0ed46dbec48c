// Galleries and pull quotes through a whole import: the export's attachments are brought in
// from the uploads folder and the galleries point at them with srcset and size; ids the export
// lacks and a gallery left empty are reported with the line of the export they are on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config.ts';
import { openServices, type Services } from '../context.ts';
import { initializeSite } from '../setup.ts';
import { importWordPress } from './run-import.ts';

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/wxr');
const EXPORT = path.join(FIXTURES, 'galleries.xml');
const UPLOADS = path.join(FIXTURES, 'story-forms/uploads');

let services: Services | undefined;
let dir = '';
after(async () => {
  await services?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The line of the export file where `text` is written. */
function lineOf(text: string): number {
  const source = fs.readFileSync(EXPORT, 'utf8');
  return source.slice(0, source.indexOf(text)).split('\n').length;
}

describe('importing galleries and pull quotes', () => {
  it('brings the images in, keeps the captions and reports missing ids and empty galleries with their line', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-gallery-import-'));
    services = await openServices(loadConfig({}, { dataDir: dir, logLevel: 'silent' }));
    await initializeSite(services, { demo: false });
    const report = await importWordPress(services, { file: EXPORT, uploadsDir: UPLOADS });
    const target = (await services.repos.imports.targets(report.source, 'article', ['50'])).get('50');
    const article = await services.repos.articles.byId(target ?? 0);
    assert.ok(article, 'the post was imported');
    const body = article.bodyHtml.replace(/>\s+</g, '><');

    const galleries = [
      ...body.matchAll(
        /<figure data-block="gallery"><ul>(.*?)<\/ul>(?:<figcaption>(.*?)<\/figcaption>)?<\/figure>/g,
      ),
    ];
    assert.equal(galleries.length, 2, body);
    const rows = (html: string) =>
      [
        ...html.matchAll(/<li><figure>(<img [^>]*>)(?:<figcaption>(.*?)<\/figcaption>)?<\/figure><\/li>/g),
      ].map((m) => ({
        src: /src="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '',
        srcset: /srcset="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '',
        size: /width="\d+"/.test(m[1] ?? '') && /height="\d+"/.test(m[1] ?? ''),
        alt: /alt="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '',
        caption: m[2] ?? '',
      }));
    // [gallery ids="32,31,99,98"]: the two the export has, in that order, with their captions.
    const shortcode = rows(galleries[0]?.[1] ?? '');
    assert.deepEqual(
      shortcode.map((r) => [r.alt, r.caption]),
      [
        ['بائعات السمك المجفف', 'سوق السمك المجفف في الصباح'],
        ['قوارب صيد راسية عند الفجر', 'القوارب قبل خروجها إلى الصيد'],
      ],
    );
    // The old Gutenberg gallery: the items' captions (markup kept) and the gallery's own.
    const block = rows(galleries[1]?.[1] ?? '');
    assert.deepEqual(
      block.map((r) => r.caption),
      ['أول <em>الضوء</em>', ''],
    );
    assert.equal(galleries[1]?.[2], 'الضفة في الصباح');
    for (const row of [...shortcode, ...block]) {
      assert.match(row.src, /^\/media\//, 'the imported file');
      assert.match(row.srcset, /^\/media\/\S+ 320w, /);
      assert.ok(row.size, 'width and height');
    }
    assert.doesNotMatch(body, /niger-river\.example|\[gallery/);
    assert.ok(
      body.includes(
        '<figure data-block="pullquote"><blockquote><p>النهر طريقنا الوحيد إلى السوق.</p></blockquote><figcaption>صياد من موبتي</figcaption></figure>',
      ),
      body,
    );

    const warnings = report.warnings.filter((w) => w.message.includes('gallery'));
    assert.deepEqual(warnings, [
      {
        line: lineOf('[gallery ids="32,31,99,98"'),
        message: 'post 50: gallery: images 99, 98 not in the export; left out',
      },
      {
        line: lineOf('[gallery ids="97"]'),
        message: 'post 50: gallery: image 97 not in the export; left out',
      },
      {
        line: lineOf('[gallery ids="97"]'),
        message: 'post 50: gallery: no image to show; the gallery is left out',
      },
    ]);
  });
});
