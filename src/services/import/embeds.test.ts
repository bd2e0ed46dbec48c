// Embeds through a whole WordPress import: each form becomes the stored embed, an address no
// provider plays becomes a link, and each malformed embed is left as text or a link with a
// warning naming the line of the export it is on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config.ts';
import { openServices, type Services } from '../context.ts';
import { initializeSite } from '../setup.ts';
import { importWordPress } from './run-import.ts';

const EXPORT = path.join(import.meta.dirname, '../../../test/fixtures/wxr/embeds.xml');

let services: Services | undefined;
let dir = '';
after(async () => {
  await services?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The line of the export file where `text` is written. */
function lineOf(text: string): number {
  const source = fs.readFileSync(EXPORT, 'utf8');
  const at = source.indexOf(text);
  assert.ok(at >= 0, text);
  return source.slice(0, at).split('\n').length;
}

describe('importing embeds', () => {
  it('stores every embed form as a facade-ready figure and reports the malformed ones with their line', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-embed-import-'));
    services = await openServices(loadConfig({}, { dataDir: dir, logLevel: 'silent' }));
    await initializeSite(services, { demo: false });
    const report = await importWordPress(services, { file: EXPORT });
    const targets = await services.repos.imports.targets(report.source, 'article', ['60', '61']);
    const classic = await services.repos.articles.byId(targets.get('60') ?? 0);
    const blocks = await services.repos.articles.byId(targets.get('61') ?? 0);
    assert.ok(classic && blocks, 'both posts were imported');

    const body = classic.bodyHtml;
    for (const stored of [
      '<figure data-embed="youtube" data-embed-id="M1dadR1ver0"><a href="https://www.youtube.com/watch?v=M1dadR1ver0">https://www.youtube.com/watch?v=M1dadR1ver0</a></figure>',
      '<figure data-embed="telegram" data-embed-id="sahel_river_news/482"><a href="https://t.me/sahel_river_news/482">https://t.me/sahel_river_news/482</a></figure>',
      '<figure data-embed="vimeo" data-embed-id="76979871"><a href="https://vimeo.com/76979871">القوارب في الصباح</a></figure>',
    ]) {
      assert.ok(body.includes(stored), `${stored}\nin\n${body}`);
    }
    assert.ok(body.includes('<p>رابط الفيديو هنا</p>'), body);
    assert.ok(
      body.includes('<p><a href="https://www.youtube.com/watch?v=">https://www.youtube.com/watch?v=</a></p>'),
      body,
    );
    assert.doesNotMatch(body, /<iframe|\[embed/);

    assert.ok(
      blocks.bodyHtml.includes(
        '<figure data-embed="x" data-embed-id="1798000000000000001"><a href="https://x.com/sahel_ministry/status/1798000000000000001">https://x.com/sahel_ministry/status/1798000000000000001</a><figcaption>بيان الوزارة كما نُشر</figcaption></figure>',
      ),
      blocks.bodyHtml,
    );
    assert.doesNotMatch(blocks.bodyHtml, /wp:embed|wp-block-embed/);

    const warnings = report.warnings.filter((w) => /embed/i.test(w.message));
    assert.deepEqual(
      warnings.map((w) => w.line ?? 0).sort((a, b) => a - b),
      [
        lineOf('[embed]رابط'),
        lineOf('https://www.youtube.com/watch?v=\n'),
        lineOf('<!-- wp:embed {"url": broken}'),
      ],
      JSON.stringify(warnings),
    );
    for (const w of warnings) assert.match(w.message, /^post 6[01]: /);
  });
});
