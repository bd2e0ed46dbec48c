// Readership figures in the newsroom, over HTTP: known counts written into the tables show as the
// same numbers on the pages, in the chart's label and in the CSV; a writer sees their own
// article's figures and nothing else; a bad period is a 400 naming the field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildArticle, buildSection } from '../../../../test/support/factories.ts';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';

let site: TestSite;
let editor: NewsroomClient;
let author: NewsroomClient;
let authorId: number;
let mine: number;
let theirs: number;
let sectionId: number;

const PERIOD = 'from=2026-11-01&to=2026-11-03';
const BOM = '\uFEFF';

before(async () => {
  site = await startTestSite();
  editor = await staffClient(site, 'editor', '203.0.113.21');
  author = await staffClient(site, 'author', '203.0.113.22');
  authorId = (await site.services.repos.people.byEmail('author-203011322@midad.example'))!.id;
  sectionId = (await buildSection(site.services, { name: 'قسم الأرقام' })).id;
  mine = (
    await buildArticle(site.services, {
      title: 'مهرجان الصحراء في تمبكتو',
      authorIds: [authorId],
      sectionId,
      publishedAt: '2026-11-01T22:15:00.000Z',
    })
  ).id;
  theirs = (
    await buildArticle(site.services, {
      title: '=HYPERLINK("x") Le marché de Gao',
      lang: 'fr',
      publishedAt: '2026-10-20T08:00:00.000Z',
    })
  ).id;
  const k = site.services.db.kysely;
  await k
    .insertInto('readership_hours')
    .values([
      { article_id: mine, hour: '2026-11-01T22', lang: 'ar', views: 40 },
      { article_id: mine, hour: '2026-11-02T21', lang: 'ar', views: 2 },
      // Past the first 24 hours (22:00 the next day): in the day's total, not in the first day's.
      { article_id: mine, hour: '2026-11-02T22', lang: 'ar', views: 1000 },
      { article_id: theirs, hour: '2026-11-01T09', lang: 'fr', views: 7 },
      { article_id: theirs, hour: '2026-11-03T09', lang: 'fr', views: 5 },
      { article_id: 0, hour: '2026-11-03T10', lang: 'ar', views: 30 },
      // Outside the period.
      { article_id: mine, hour: '2026-11-04T00', lang: 'ar', views: 500 },
    ])
    .execute();
  await k
    .insertInto('readership_referrers')
    .values([
      { article_id: mine, day: '2026-11-02', domain: 'facebook.com', views: 900 },
      { article_id: mine, day: '2026-11-01', domain: '', views: 142 },
      { article_id: theirs, day: '2026-11-03', domain: 'news.google.com', views: 12 },
    ])
    .execute();
  await k
    .insertInto('readership_devices')
    .values([
      { article_id: mine, day: '2026-11-01', device: 'phone', views: 1030 },
      { article_id: mine, day: '2026-11-02', device: 'desktop', views: 12 },
    ])
    .execute();
});
after(() => site.close());

/** The numbers of a two-column table body, as the page prints them. */
function cells(html: string, sectionId: string): string[] {
  const section = new RegExp(`<section[^>]*aria-labelledby="figures-${sectionId}"[\\s\\S]*?</section>`).exec(
    html,
  );
  assert.ok(section, `no ${sectionId} section`);
  return [...section[0].matchAll(/<td class="nr-num">([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe('readership figures in the newsroom', () => {
  it("shows an editor the site's figures for two dates, as the counts say", async () => {
    const res = await editor.get(`/newsroom/readership?${PERIOD}`);
    assert.equal(res.status, 200);
    // 1 Nov: 40 + 7; 2 Nov: 2 + 1000; 3 Nov: 5 + 30. Latin digits, grouped as the newsroom does.
    assert.deepEqual(cells(res.body, 'days'), ['47', '1,002', '35']);
    assert.match(res.body, /<dd>1,084<\/dd>/);
    assert.match(res.body, /<svg[^>]*role="img"[^>]*aria-label="[^"]*1,084[^"]*"/);
    assert.equal((res.body.match(/class="nr-chart-bar"/g) ?? []).length, 3);
    assert.deepEqual(cells(res.body, 'articles'), ['1,042', '12']);
    assert.match(res.body, /مهرجان الصحراء في تمبكتو/);
    assert.deepEqual(cells(res.body, 'languages'), ['1,072', '12']);
    assert.deepEqual(cells(res.body, 'referrers'), ['900', '142', '12']);
    assert.deepEqual(cells(res.body, 'devices'), ['1,030', '12']);
    assert.match(
      res.body,
      new RegExp(`href="/newsroom/readership/articles/${mine}\\?${PERIOD.replace('&', '&amp;')}"`),
    );
  });

  it('exports each table as CSV with exactly the same numbers', async () => {
    const days = await editor.get(`/newsroom/readership/export.csv?table=days&${PERIOD}`);
    assert.equal(days.status, 200);
    assert.equal(days.body, `${BOM}اليوم,القراءات\r\n2026-11-01,47\r\n2026-11-02,1002\r\n2026-11-03,35\r\n`);
    const articles = await editor.get(`/newsroom/readership/export.csv?table=articles&${PERIOD}`);
    assert.equal(
      articles.body,
      `${BOM}id,المقال,اللغة,القراءات\r\n${mine},مهرجان الصحراء في تمبكتو,ar,1042\r\n` +
        `${theirs},"'=HYPERLINK(""x"") Le marché de Gao",fr,12\r\n`,
    );
    const refs = await editor.get(`/newsroom/readership/export.csv?table=referrers&${PERIOD}`);
    assert.equal(
      refs.body,
      `${BOM}الموقع,القراءات\r\nfacebook.com,900\r\nبلا إحالة أو من الموقع نفسه,142\r\nnews.google.com,12\r\n`,
    );
    const sections = await editor.get(`/newsroom/readership/export.csv?table=sections&${PERIOD}`);
    assert.match(sections.body, new RegExp(`\\r\\n${sectionId},قسم الأرقام,1042\\r\\n`));
  });

  it("shows one article's days, referrers and first-24-hour reads", async () => {
    const res = await editor.get(`/newsroom/readership/articles/${mine}?${PERIOD}`);
    assert.equal(res.status, 200);
    assert.deepEqual(cells(res.body, 'days'), ['40', '1,002', '0']);
    assert.match(res.body, /<dd>1,042<\/dd>/);
    // Published 22:15 on 1 November: the hours 22:00 that day up to 22:00 the next.
    assert.match(res.body, /<dd>42<\/dd>/);
    assert.deepEqual(cells(res.body, 'referrers'), ['900', '142']);
    const csv = await editor.get(`/newsroom/readership/articles/${mine}/export.csv?table=days&${PERIOD}`);
    assert.equal(csv.body, `${BOM}اليوم,القراءات\r\n2026-11-01,40\r\n2026-11-02,1002\r\n2026-11-03,0\r\n`);
  });

  it('lets a writer see their own figures and nothing else', async () => {
    const own = await author.get(`/newsroom/readership/articles/${mine}?${PERIOD}`);
    assert.equal(own.status, 200);
    assert.deepEqual(cells(own.body, 'days'), ['40', '1,002', '0']);
    const ownCsv = await author.get(
      `/newsroom/readership/articles/${mine}/export.csv?table=referrers&${PERIOD}`,
    );
    assert.equal(ownCsv.status, 200);
    const byline = await author.get(`/newsroom/readership/authors/${authorId}?${PERIOD}`);
    assert.equal(byline.status, 200);
    assert.deepEqual(cells(byline.body, 'articles'), ['1,042']);
    assert.doesNotMatch(byline.body, /Le marché de Gao/);
    // The menu leads a writer to their own figures.
    assert.match(byline.body, new RegExp(`href="/newsroom/readership/authors/${authorId}"`));

    for (const path of [
      `/newsroom/readership/articles/${theirs}?${PERIOD}`,
      `/newsroom/readership/articles/${theirs}/export.csv?table=days&${PERIOD}`,
      `/newsroom/readership?${PERIOD}`,
      `/newsroom/readership/export.csv?table=days&${PERIOD}`,
      `/newsroom/readership/authors/${site.mainArticle.authorIds[0]}?${PERIOD}`,
      `/newsroom/readership/sections/${sectionId}?${PERIOD}`,
      `/newsroom/readership/sections/${sectionId}/export.csv?table=days&${PERIOD}`,
    ]) {
      const res = await author.get(path);
      assert.equal(res.status, 403, path);
      assert.doesNotMatch(res.body, /1,042|1042|Gao/, path);
    }
  });

  it('refuses a bad period or table with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/newsroom/readership?days=8', 'days'],
      ['/newsroom/readership?days=7&days=30', 'days'],
      ['/newsroom/readership?from=2026-13-01&to=2026-11-03', 'from'],
      ['/newsroom/readership?from=2026-11-03&to=2026-11-01', 'to'],
      ['/newsroom/readership?from=2026-11-03', 'to'],
      ['/newsroom/readership?from=2020-01-01&to=2026-11-01', 'from'],
      [`/newsroom/readership/articles/${mine}?to=`, 'to'],
      [`/newsroom/readership/export.csv?table=passwords&${PERIOD}`, 'table'],
      [`/newsroom/readership/articles/${mine}/export.csv?table=authors&${PERIOD}`, 'table'],
    ];
    for (const [path, field] of cases) {
      const res = await editor.get(path);
      assert.equal(res.status, 400, path);
      assert.match(res.body, new RegExp(`«${field}»`), path);
    }
  });

  it("links a published article's editor to its figures", async () => {
    const page = await author.get(`/newsroom/articles/${mine}`);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`<a href="/newsroom/readership/articles/${mine}">`));
    const draft = await buildArticle(site.services, { status: 'draft', authorIds: [authorId] });
    const draftPage = await author.get(`/newsroom/articles/${draft.id}`);
    assert.equal(draftPage.status, 200);
    assert.doesNotMatch(draftPage.body, /\/newsroom\/readership\/articles\//);
  });

  it('says plainly when nothing was counted in the period, without an empty chart', async () => {
    const res = await editor.get('/newsroom/readership?from=2025-01-01&to=2025-01-07');
    assert.equal(res.status, 200);
    assert.match(res.body, /لم تُحتسب أي قراءة في هذه الفترة بعد/);
    assert.doesNotMatch(res.body, /<svg/);
    const article = await author.get(`/newsroom/readership/articles/${mine}?days=7`);
    assert.equal(article.status, 200);
    assert.doesNotMatch(article.body, /<svg/);
  });
});
