// What keeping a body's word count and the start of its text with the article (migration 033)
// saves on an uncached article page with a long body: the same page rendered through the full
// HTTP stack (app.inject, page cache off) with the facts in its row, and with them cleared so
// that the page works them out from the body, in alternating rounds. Prints µs per request.
// Run: node --import tsx bench/body-text.ts [--paragraphs 200] [--requests 500]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { articlePath } from '../src/web/reader/urls.ts';
import { startTestSite } from '../test/support/site.ts';

const { values } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '200' },
    requests: { type: 'string', default: '500' },
  },
});
const REQUESTS = Number(values.requests);
const paragraph =
  '<p>كلمات مقال طويل عن <a href="https://example.org/rain">الأمطار</a> في الساحل، وعن ' +
  '<strong>الحصاد</strong> والأسواق والطرق بين القرى. </p>\n';
const body = paragraph.repeat(Number(values.paragraphs));

const site = await startTestSite({ pageCache: false });
try {
  const { repos, db } = site.services;
  const article = await repos.articles.create({
    lang: 'ar',
    status: 'published',
    title: 'مقال طويل عن موسم الأمطار',
    slug: 'long-rain-season',
    bodyHtml: body,
    publishedAt: '2024-01-01T00:00:00.000Z',
  });
  const url = articlePath(article);
  const render = async (n: number): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const page = await site.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      if (page.statusCode !== 200) throw new Error(`the article page answered ${page.statusCode}`);
    }
    return ((performance.now() - started) * 1000) / n;
  };
  await render(200);
  const saved: number[] = [];
  const worked: number[] = [];
  for (let round = 0; round < 4; round++) {
    saved.push(await render(REQUESTS));
    await sql`update articles set body_words = null, body_lead = null where id = ${article.id}`.execute(
      db.kysely,
    );
    worked.push(await render(REQUESTS));
    await repos.articles.update(article.id, { bodyHtml: body }); // saved again: the facts are back
  }
  console.log(
    `article page with a ${body.length}-character body (${db.dialect}), µs per request, best of 4 rounds: ` +
      `facts kept with the article ${Math.min(...saved).toFixed(0)}, worked out from the body ` +
      `${Math.min(...worked).toFixed(0)}`,
  );
} finally {
  await site.close();
}
