import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config.ts';
import { Invalid } from '../../core/errors.ts';
import { openServices, type Services } from '../context.ts';
import { importWordPress } from './run-import.ts';
import { newArticlePath } from './paths.ts';
import { initializeSite } from '../setup.ts';

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/wxr');
const EXPORT = path.join(FIXTURES, 'sahel-news.xml');
const UPLOADS = path.join(FIXTURES, 'uploads');

const opened: { services: Services; dir: string }[] = [];
after(async () => {
  for (const { services, dir } of opened) {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function emptySite(): Promise<Services> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-import-'));
  const services = await openServices(loadConfig({}, { dataDir: dir, logLevel: 'silent' }));
  await initializeSite(services, { demo: false });
  opened.push({ services, dir });
  return services;
}

/** Everything an import can change, in a comparable form. */
async function snapshot(services: Services) {
  const db = services.db.kysely;
  const rows = async (
    table: 'articles' | 'comments' | 'people' | 'sections' | 'tags' | 'media' | 'redirects',
  ) => (await db.selectFrom(table).selectAll().execute()).length;
  const articles = await db
    .selectFrom('articles')
    .select(['title', 'slug', 'status', 'body_html'])
    .orderBy('id')
    .execute();
  const comments = await db
    .selectFrom('comments')
    .select(['body', 'status', 'parent_id'])
    .orderBy('id')
    .execute();
  return {
    counts: {
      articles: await rows('articles'),
      comments: await rows('comments'),
      people: await rows('people'),
      sections: await rows('sections'),
      tags: await rows('tags'),
      media: await rows('media'),
      redirects: await rows('redirects'),
    },
    // Ids and media file names differ between two sites; what they point at must not.
    articles: articles.map((a) => ({
      ...a,
      body_html: a.body_html
        .replace(/\/article\/\d+\//g, '/article/N/')
        .replace(/\/media\/[\w/-]+/g, '/media/F'),
    })),
    comments: comments.map((c) => ({ ...c, parent_id: c.parent_id === null ? null : 'set' })),
  };
}

describe('importWordPress with the Arabic fixture', async () => {
  const services = await emptySite();
  const report = await importWordPress(services, { file: EXPORT, uploadsDir: UPLOADS });
  const { repos } = services;
  const byWpId = async (wpId: string) => {
    const map = await services.repos.imports.targets(report.source, 'article', [wpId]);
    const article = await repos.articles.byId(map.get(wpId) ?? 0);
    assert.ok(article, `post ${wpId} imported`);
    return article;
  };

  it('counts what it imported and reports what it did not', () => {
    assert.equal(report.source, 'sahel.example');
    assert.deepEqual(report.counts.people, { imported: 2, existing: 0, skipped: 0 });
    assert.deepEqual(report.counts.sections, { imported: 2, existing: 0, skipped: 0 });
    assert.deepEqual(report.counts.tags, { imported: 2, existing: 0, skipped: 0 });
    assert.deepEqual(report.counts.articles, { imported: 6, existing: 0, skipped: 0 });
    assert.deepEqual(report.counts.pages, { imported: 1, existing: 0, skipped: 0 });
    assert.deepEqual(report.counts.media, { imported: 1, existing: 0, skipped: 0 });
    assert.deepEqual(report.counts.comments, { imported: 4, existing: 0, skipped: 0 });
    assert.deepEqual(report.notImported, { event: 1 });
    assert.deepEqual(report.unknownShortcodes, { 'contact-form-7': 1 });
    assert.ok(report.removedByAllowlist >= 3, `removed ${report.removedByAllowlist}`);
  });

  it('maps the sticky post with its featured image, section, tags, authors and SEO fields', async () => {
    const article = await byWpId('10');
    assert.equal(article.slug, 'افتتاح-سوق-جديد-للحبوب-في-نيامي');
    assert.equal(article.status, 'published');
    assert.equal(article.isFeatured, true);
    assert.equal(article.publishedAt, '2024-03-10T08:30:00.000Z');
    assert.equal(article.seoTitle, 'افتتاح سوق جديد للحبوب في نيامي - أخبار الساحل');
    assert.equal(article.dek, 'سوق جديد للحبوب على ضفة النهر في نيامي');
    const media = await repos.media.byId(article.featuredMediaId ?? 0);
    assert.equal(media?.alt, 'تجار يعرضون أكياس الذرة والدخن');
    assert.equal(media?.credit, 'يوسف ديالو');
    assert.equal((await repos.sections.byId(article.sectionId ?? 0))?.slug, 'اقتصاد');
    assert.deepEqual(
      (await repos.tags.byIds(article.tagIds)).map((t) => t.slug),
      ['النيجر'],
    );
    const [author] = await repos.people.byIds(article.authorIds);
    assert.equal(author?.name, 'أمينة الحسن');
    assert.equal(await repos.people.passwordHash(author?.id ?? 0), null);
    const meta = await services.repos.imports.meta(article.id);
    assert.ok(meta.some((m) => m.key === 'source_name' && m.value === 'بلدية نيامي'));
  });

  it('cleans the classic body: paragraphs, caption figure, local image, rewritten link, no scripts', async () => {
    const article = await byWpId('10');
    const rains = await byWpId('11');
    const html = article.bodyHtml;
    assert.match(html, /^<p>افتتحت بلدية نيامي/);
    assert.match(
      html,
      /<figure><img [^>]*src="\/media\/[^"]+\.jpg"[^>]*>\s*<figcaption>أكياس الحبوب في السوق الجديد<\/figcaption>\s*<\/figure>/,
    );
    assert.match(html, /<p>\[contact-form-7 id="5" title="اتصل بنا"\]<\/p>$/);
    assert.ok(html.includes(`href="${newArticlePath(rains)}"`), html);
    assert.match(html, /سيخفض الأسعار\.<br \/>\nسطر ثان/);
    assert.doesNotMatch(html, /script|onclick|style=|track\(\)/);
    assert.ok(html.includes('[contact-form-7 id="5" title="اتصل بنا"]'));
  });

  it('keeps block-editor HTML without its comments, a quote with its source as a pull quote, and an address no player knows as a link', async () => {
    const article = await byWpId('11');
    assert.doesNotMatch(article.bodyHtml, /wp:/);
    assert.match(
      article.bodyHtml,
      /<figure data-block="pullquote"><blockquote><p>الموسم يبدو واعدا للمزارعين\.<\/p><\/blockquote><figcaption>مهندس زراعي<\/figcaption><\/figure>/,
    );
    assert.match(article.bodyHtml, /<a href="https:\/\/www\.youtube\.com\/watch\?v=abc123">/);
    assert.equal(article.commentsOpen, false);
  });

  it('imports threaded comments with their statuses', async () => {
    const article = await byWpId('10');
    const comments = await repos.comments.listForArticle(article.id);
    assert.deepEqual(
      comments.map((c) => c.status),
      ['approved', 'approved', 'pending', 'spam'],
    );
    assert.equal(comments[1]?.parentId, comments[0]?.id);
    assert.equal(comments[0]?.body, 'خبر جيد للمزارعين.\nمتى يفتح السوق يوم الجمعة؟');
    assert.equal(comments[0]?.createdAt, '2024-03-10T10:00:00.000Z');
  });

  it('maps statuses: draft without title, password-protected, scheduled, page; repairs a cut slug', async () => {
    const draft = await byWpId('12');
    assert.equal(draft.status, 'draft');
    assert.equal(draft.slug, 'post-12');
    assert.equal((await byWpId('13')).status, 'private');
    assert.ok(report.warnings.some((w) => /password-protected/.test(w.message)));
    assert.equal((await byWpId('14')).status, 'scheduled');
    assert.equal((await byWpId('15')).slug, 'عن-الموقع');
    assert.equal((await byWpId('16')).slug, 'تقرير-عن-الطرق-بين-نيامي-وغا');
    assert.ok(report.warnings.some((w) => /cut in the middle of a character/.test(w.message)));
  });

  it('records redirects from every old URL form', async () => {
    const to = newArticlePath(await byWpId('10'));
    const lookup = async (from: string) => (await repos.redirects.byFromPath(from))?.toPath;
    assert.equal(await lookup('/2024/03/افتتاح-سوق-جديد-للحبوب-في-نيامي'), to);
    assert.equal(await lookup('/?p=10'), to);
    assert.equal(await lookup('/category/أخبار/اقتصاد'), '/section/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF');
    assert.equal(await lookup('/tag/مالي'), '/tag/%D9%85%D8%A7%D9%84%D9%8A');
    // The author keeps the URL WordPress gave it, so no redirect is needed.
    assert.equal((await repos.people.byEmail('amina@sahel.example'))?.slug, 'amina');
    assert.equal(await lookup('/?page_id=15'), newArticlePath(await byWpId('15')));
    assert.equal(await lookup('/2024/03/تقرير-عن-الطرق-بين-نيامي-وغا'), newArticlePath(await byWpId('16')));
  });

  it('indexes the published articles for search in the same transactions', async () => {
    const result = await services.search.search({ text: 'الحبوب', sort: 'relevance', limit: 10, offset: 0 });
    const market = await byWpId('10');
    assert.ok(
      result.hits.some((h) => h.id === market.id),
      JSON.stringify(result.hits),
    );
  });

  it('recognizes a later export of the same site after its move to HTTPS with www', async () => {
    const moved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'midad-moved-')), 'moved.xml');
    fs.writeFileSync(
      moved,
      fs.readFileSync(EXPORT, 'utf8').replace(/https:\/\/sahel\.example</g, 'http://www.sahel.example<'),
    );
    const again = await importWordPress(services, { file: moved, uploadsDir: UPLOADS });
    fs.rmSync(path.dirname(moved), { recursive: true });
    assert.equal(again.source, 'sahel.example');
    assert.equal(again.counts.articles.imported, 0);
    assert.equal(again.counts.articles.existing, 6);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(services);
    const again = await importWordPress(services, { file: EXPORT, uploadsDir: UPLOADS });
    assert.deepEqual(await snapshot(services), before);
    for (const counts of Object.values(again.counts)) assert.equal(counts.imported, 0);
    assert.equal(again.counts.articles.existing, 6);
    assert.equal(again.counts.comments.existing, 4);
  });
});

describe('importWordPress safety', () => {
  it('writes nothing in a dry run, yet reports the counts', async () => {
    const services = await emptySite();
    const before = await snapshot(services);
    const report = await importWordPress(services, { file: EXPORT, uploadsDir: UPLOADS, dryRun: true });
    assert.deepEqual(await snapshot(services), before);
    assert.equal(report.dryRun, true);
    assert.equal(report.counts.articles.imported, 6);
    assert.equal(report.counts.comments.imported, 4);
    assert.equal(report.counts.media.imported, 1);
    const mediaRoot = services.config.mediaRoot;
    assert.ok(!fs.existsSync(mediaRoot) || fs.readdirSync(mediaRoot, { recursive: true }).length === 0);
  });

  it('finishes an interrupted import with the same result as one clean run', async () => {
    const clean = await emptySite();
    await importWordPress(clean, { file: EXPORT, uploadsDir: UPLOADS, batchSize: 2 });
    const services = await emptySite();
    const stop = new Error('killed');
    await assert.rejects(
      importWordPress(services, {
        file: EXPORT,
        uploadsDir: UPLOADS,
        batchSize: 2,
        onProgress: (done) => {
          if (done >= 4) throw stop;
        },
      }),
      (err) => err === stop,
    );
    const partial = await snapshot(services);
    assert.ok(
      partial.counts.articles > 0 && partial.counts.articles < 7,
      `${partial.counts.articles} articles after the kill`,
    );
    await importWordPress(services, { file: EXPORT, uploadsDir: UPLOADS, batchSize: 2 });
    assert.deepEqual(await snapshot(services), await snapshot(clean));
  });

  it('keeps the original image URL and lists it when the uploads folder lacks the file', async () => {
    const services = await emptySite();
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-uploads-'));
    const report = await importWordPress(services, { file: EXPORT, uploadsDir: empty });
    fs.rmSync(empty, { recursive: true });
    assert.deepEqual(report.missingMedia, [
      'https://sahel.example/wp-content/uploads/2024/03/grain-market.jpg',
    ]);
    assert.equal(report.counts.media.skipped, 1);
  });

  it('refuses bad input before writing anything', async () => {
    const services = await emptySite();
    const before = await snapshot(services);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bad-'));
    const truncated = path.join(dir, 'truncated.xml');
    fs.writeFileSync(truncated, fs.readFileSync(EXPORT, 'utf8').slice(0, 9000));
    const refuses = (options: Parameters<typeof importWordPress>[1], pattern: RegExp) =>
      assert.rejects(
        importWordPress(services, options),
        (e) => e instanceof Invalid && pattern.test(e.message),
      );
    await refuses({ file: truncated }, /truncated\.xml:\d+: the file ends before the export is complete/);
    await refuses({ file: EXPORT, uploadsDir: path.join(dir, 'nope') }, /uploads folder .* does not exist/);
    await refuses({ file: EXPORT, defaultAuthorEmail: 'nobody@sahel.example' }, /no person on this site/);
    await refuses({ file: path.join(dir, 'missing.xml') }, /cannot read the file/);
    fs.rmSync(dir, { recursive: true });
    assert.deepEqual(await snapshot(services), before);
  });
});
