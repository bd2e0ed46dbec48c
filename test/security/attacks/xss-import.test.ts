// XSS through a WordPress import: a generated export carries every payload in a post's title,
// content, excerpt and Yoast SEO fields, its category, tag and author names, a reader's comment
// (name and text) and a pingback whose source address is a script URL. The export goes through
// the importer service, and each imported article is loaded in Chromium on the reader's site and
// in the newsroom's editor, with the import's report page and the newsroom lists.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Article } from '../../../src/core/types.ts';
import { importWordPress } from '../../../src/services/import/run-import.ts';
import { articlePath } from '../../../src/web/reader/urls.ts';
import { AttackReport } from '../support/report.ts';
import { type Input, type Job, XssLedger } from '../support/xss-ledger.ts';
import { PAYLOADS, type Payload } from '../support/xss-payloads.ts';
import { XssScanner } from '../support/xss-scan.ts';
import { startXssSite, type XssSite } from '../support/xss-site.ts';

const report = new AttackReport('xss: WordPress import');
const ledger = new XssLedger(report);

const IN = {
  // Titles are stored as text too (markup removed, entities decoded): a payload that is all tag
  // leaves nothing behind.
  title: { surface: 'it', name: 'imported title', mayVanish: true },
  content: { surface: 'ic', name: 'imported content', mayVanish: true },
  // WordPress keeps excerpts and comments as HTML; the importer keeps only their text, so a
  // payload that is all tag leaves nothing behind.
  excerpt: { surface: 'ix', name: 'imported excerpt', mayVanish: true },
  seoTitle: { surface: 'iy', name: 'imported Yoast title' },
  seoDescription: { surface: 'iz', name: 'imported Yoast description' },
  category: { surface: 'ia', name: 'imported category name' },
  tag: { surface: 'ig', name: 'imported tag name' },
  author: { surface: 'iu', name: 'imported author name' },
  commentName: { surface: 'in', name: 'imported comment name' },
  commentText: { surface: 'ik', name: 'imported comment text', mayVanish: true },
  pingbackUrl: { surface: 'ip', name: 'imported pingback address', mayVanish: true },
} satisfies Record<string, Input>;
type Key = keyof typeof IN;

const text = (p: Payload, key: Key) => p.make(`${p.id}${IN[key].surface}`);
/** CDATA cannot hold "]]>"; it is split across two sections as exporters do. */
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
/** XML 1.0 cannot carry NUL at all: those payloads travel without it. */
const xmlSafe = (s: string) => s.replace(/\0/g, '');

function item(p: Payload, n: number): string {
  const t = (key: Key) => cdata(xmlSafe(text(p, key)));
  return `<item>
<title>${t('title')}</title>
<link>https://dunes.example/?p=${n}</link>
<pubDate>Mon, 15 Sep 2025 08:00:00 +0000</pubDate>
<dc:creator>${cdata(`author${n}`)}</dc:creator>
<guid isPermaLink="false">https://dunes.example/?p=${n}</guid>
<description></description>
<content:encoded>${cdata(`<p>الكثبان تتحرك نحو القرى.</p>${xmlSafe(text(p, 'content'))}`)}</content:encoded>
<excerpt:encoded>${t('excerpt')}</excerpt:encoded>
<wp:post_id>${n}</wp:post_id>
<wp:post_date>${cdata('2025-09-15 08:00:00')}</wp:post_date>
<wp:post_date_gmt>${cdata('2025-09-15 08:00:00')}</wp:post_date_gmt>
<wp:comment_status>${cdata('open')}</wp:comment_status>
<wp:post_name>${cdata(`post-${n}`)}</wp:post_name>
<wp:status>${cdata('publish')}</wp:status>
<wp:post_type>${cdata('post')}</wp:post_type>
<category domain="category" nicename="cat-${n}">${t('category')}</category>
<category domain="post_tag" nicename="tag-${n}">${t('tag')}</category>
<wp:postmeta><wp:meta_key>${cdata('_yoast_wpseo_title')}</wp:meta_key><wp:meta_value>${t('seoTitle')}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>${cdata('_yoast_wpseo_metadesc')}</wp:meta_key><wp:meta_value>${t('seoDescription')}</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>${n * 10 + 1}</wp:comment_id><wp:comment_author>${t('commentName')}</wp:comment_author><wp:comment_author_email>${cdata(`r${n}@mail.example`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_date>${cdata('2025-09-15 10:00:00')}</wp:comment_date><wp:comment_date_gmt>${cdata('2025-09-15 10:00:00')}</wp:comment_date_gmt><wp:comment_content>${t('commentText')}</wp:comment_content><wp:comment_approved>${cdata('1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>${n * 10 + 2}</wp:comment_id><wp:comment_author>${cdata(`Revue ${n}`)}</wp:comment_author><wp:comment_author_email></wp:comment_author_email><wp:comment_author_url>${cdata(`javascript:window.__xss='${p.id}${IN.pingbackUrl.surface}'`)}</wp:comment_author_url><wp:comment_date>${cdata('2025-09-16 07:00:00')}</wp:comment_date><wp:comment_date_gmt>${cdata('2025-09-16 07:00:00')}</wp:comment_date_gmt><wp:comment_content>${cdata('[…] les dunes avancent […]')}</wp:comment_content><wp:comment_approved>${cdata('1')}</wp:comment_approved><wp:comment_type>${cdata('pingback')}</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item>`;
}

function exportFile(): string {
  const authors = PAYLOADS.map(
    (p, i) =>
      `<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(`author${i + 1}`)}</wp:author_login><wp:author_email>${cdata(`author${i + 1}@dunes.example`)}</wp:author_email><wp:author_display_name>${cdata(xmlSafe(text(p, 'author')))}</wp:author_display_name></wp:author>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Les Dunes</title>
<link>https://dunes.example</link>
<description>Nouvelles du désert</description>
<language>fr-FR</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://dunes.example</wp:base_site_url>
<wp:base_blog_url>https://dunes.example</wp:base_blog_url>
${authors.join('\n')}
${PAYLOADS.map((p, i) => item(p, i + 1)).join('\n')}
</channel>
</rss>
`;
}

let x: XssSite;
let scanner: XssScanner;
let launching: Promise<XssScanner> | undefined;
let dir: string;
const imported: { payload: Payload; article: Article }[] = [];

before(async () => {
  // Chromium starts while the site is set up and the export is imported: that is the app's work,
  // on the other core.
  launching = XssScanner.launch();
  launching.catch(() => undefined);
  x = await startXssSite();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-xss-wxr-'));
  const file = path.join(dir, 'dunes.xml');
  fs.writeFileSync(file, exportFile());
  const result = await importWordPress(x.site.services, { file });
  scanner = await launching;
  await scanner.useCookies(x.site.baseUrl, x.admin.cookies);
  assert.equal(result.counts.articles.imported, PAYLOADS.length, 'every post was imported');
  // Whatever edition each post landed in: the import reads the language of each text, and a
  // payload's words may read as another language than the export declares.
  const all = await x.site.services.repos.articles.listPublished({ limit: 1000 });
  for (const [i, p] of PAYLOADS.entries()) {
    const article = all.items.find((a) => a.slug === `post-${i + 1}`);
    assert.ok(article, `post ${i + 1} was imported`);
    imported.push({ payload: p, article });
  }
});
after(async () => {
  report.print();
  await (await launching?.catch(() => undefined))?.close();
  await x?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const inputs = (payloads: Payload[], keys: Key[]) => keys.map((key) => ({ input: IN[key], payloads }));
const run = (jobs: Job[]) => ledger.run(scanner, x.site.baseUrl, jobs);

describe('XSS through a WordPress import', () => {
  it('runs nothing on the imported articles, on the reader site and in the newsroom', async () => {
    await run(
      imported.flatMap(({ payload, article }) => [
        {
          page: 'imported article page',
          path: articlePath(article),
          relaxed: true,
          inputs: inputs([payload], Object.keys(IN) as Key[]),
        },
        {
          page: 'newsroom editor (imported)',
          path: `/newsroom/articles/${article.id}`,
          inputs: inputs(
            [payload],
            ['title', 'content', 'excerpt', 'seoTitle', 'seoDescription', 'category', 'tag', 'author'],
          ),
        },
      ]),
    );
  });

  it('delivered every payload and none got through', () => {
    for (const key of Object.keys(IN) as Key[]) ledger.assertDelivered(IN[key], PAYLOADS);
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name}: ${c.detail}`),
      [],
    );
  });
});
