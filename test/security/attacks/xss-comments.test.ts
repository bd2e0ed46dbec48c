// XSS through what readers type: the comment form's name, e-mail and text, and search queries.
// Every payload is posted through the public comment form over HTTP (held for moderation as a
// first comment), shown on the newsroom's moderation queue, approved there, and shown on the
// article; a refused comment (bad e-mail) re-renders the form with what was typed, and that
// answer is shown in Chromium too. Each payload is also searched for on the reader's search
// page and in the newsroom's article and media searches, which repeat the query on the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Article } from '../../../src/core/types.ts';
import { MIN_FILL_MS } from '../../../src/services/comment-guard.ts';
import { articlePath, commentsPath } from '../../../src/web/reader/urls.ts';
import { searchPath } from '../../../src/web/reader/search-urls.ts';
import { AttackReport } from '../support/report.ts';
import { type Input, type Job, XssLedger } from '../support/xss-ledger.ts';
import { fitting, PAYLOADS, type Payload } from '../support/xss-payloads.ts';
import type { CapturedResponse } from '../support/xss-scan.ts';
import { XssScanner } from '../support/xss-scan.ts';
import { startXssSite, type XssSite } from '../support/xss-site.ts';

const report = new AttackReport('xss: comments and searches');
const ledger = new XssLedger(report);

const IN = {
  name: { surface: 'm', name: 'comment name' },
  body: { surface: 'k', name: 'comment text' },
  email: { surface: 'r', name: 'comment e-mail (refused)' },
  search: { surface: 'q', name: 'reader search query' },
  articleSearch: { surface: 'h', name: 'newsroom article search' },
  mediaSearch: { surface: 'w', name: 'newsroom media search' },
} satisfies Record<string, Input>;

const names = fitting(IN.name.surface, 80);
const emails = fitting(IN.email.surface, 254);
const articleSearches = fitting(IN.articleSearch.surface, 200);
const mediaSearches = fitting(IN.mediaSearch.surface, 200);
const text = (p: Payload, input: Input) => p.make(`${p.id}${input.surface}`);

let x: XssSite;
let scanner: XssScanner;
let launching: Promise<XssScanner> | undefined;
let article: Article;
let heldAt = '';
/** The refused form's answer for each payload. */
const refused = new Map<string, CapturedResponse>();

const run = (jobs: Job[]) => ledger.run(scanner, x.site.baseUrl, jobs);

async function postComment(fields: Record<string, string>): Promise<Response> {
  return fetch(new URL(commentsPath(article), x.site.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** A fetch answer as Chromium should be given it: the body is already decoded. */
async function capture(res: Response): Promise<CapturedResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'set-cookie'].includes(key))
      headers[key] = value;
  });
  return { status: res.status, headers, body: await res.text() };
}

before(async () => {
  // Chromium starts while the site is set up and the comments are posted: that is the app's work,
  // on the other core.
  launching = XssScanner.launch();
  launching.catch(() => undefined);
  x = await startXssSite();
  article = await x.newArticle({
    title: 'أسواق الماشية قبل العيد',
    body_html: '<p>ارتفعت الأسعار في أسواق نيامي.</p>',
  });
  const page = await x.admin.get(articlePath(article));
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(token, 'the article has a comment form');
  // The form refuses what comes back sooner than a person could have typed it.
  await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS + 200));
  for (const [i, p] of PAYLOADS.entries()) {
    const res = await postComment({
      name: names.includes(p) ? text(p, IN.name) : `قارئ ${i + 1}`,
      email: `reader-${i + 1}@mail.example`,
      body: text(p, IN.body),
      token,
      website: '',
      parent_id: '',
    });
    assert.equal(res.status, 303, `comment ${p.id} answered ${res.status}`);
    heldAt = res.headers.get('location') ?? '';
    assert.match(heldAt, /[?&]comment=held/, 'a first comment is held for moderation');
    const bad = await postComment({
      name: names.includes(p) ? text(p, IN.name) : `قارئ ${i + 1}`,
      email: emails.includes(p) ? text(p, IN.email) : 'reader@',
      body: text(p, IN.body),
      token,
      website: '',
      parent_id: '',
    });
    assert.equal(bad.status, 422, `the comment with a bad e-mail (${p.id}) is refused`);
    refused.set(p.id, await capture(bad));
  }
  scanner = await launching;
  await scanner.useCookies(x.site.baseUrl, x.admin.cookies);
});
after(async () => {
  report.print();
  await (await launching?.catch(() => undefined))?.close();
  await x?.close();
});

const commentInputs = (payloads: Payload[]) => [
  { input: IN.name, payloads: payloads.filter((p) => names.includes(p)) },
  { input: IN.body, payloads },
];

describe('XSS through comments and searches', () => {
  it('runs nothing on the held notice, the moderation queue and the article once approved', async () => {
    await run([{ page: 'held-comment notice', path: heldAt, inputs: [] }]);
    const pending = await x.site.services.repos.comments.listByStatus('pending', 1000);
    const ours = pending.filter((c) => c.articleId === article.id);
    assert.equal(ours.length, PAYLOADS.length, 'every comment awaits moderation');
    // The queue shows 100 at a time: check it, approve what it showed, and check the rest.
    for (let round = 1; round <= 2; round++) {
      const shown = await x.site.services.repos.comments.listByStatus('pending', 100);
      await run([
        { page: `moderation queue ${round}`, path: '/newsroom/comments', inputs: commentInputs(PAYLOADS) },
      ]);
      await x.post('/newsroom/comments', { action: 'approve', ids: shown.map((c) => String(c.id)) });
    }
    assert.equal(
      (await x.site.services.repos.comments.listByStatus('pending', 10)).length,
      0,
      'all approved',
    );
    await run([
      {
        page: 'article with comments',
        path: articlePath(article),
        inputs: commentInputs(PAYLOADS),
        relaxed: true,
      },
    ]);
  });

  it('runs nothing on the refused comment form that repeats what was typed', async () => {
    await run(
      PAYLOADS.map((p) => ({
        page: 'refused comment form',
        path: commentsPath(article),
        response: refused.get(p.id)!,
        status: 422,
        inputs: [...commentInputs([p]), { input: IN.email, payloads: emails.includes(p) ? [p] : [] }],
      })),
    );
  });

  it('runs nothing on search pages that repeat the query', async () => {
    await run([
      ...PAYLOADS.map((p) => ({
        page: 'reader search',
        path: searchPath('ar', { q: text(p, IN.search) }),
        inputs: [{ input: IN.search, payloads: [p] }],
      })),
      ...articleSearches.map((p) => ({
        page: 'newsroom article search',
        path: `/newsroom/articles?q=${encodeURIComponent(text(p, IN.articleSearch))}`,
        inputs: [{ input: IN.articleSearch, payloads: [p] }],
      })),
      ...mediaSearches.map((p) => ({
        page: 'newsroom media search',
        path: `/newsroom/media?q=${encodeURIComponent(text(p, IN.mediaSearch))}`,
        inputs: [{ input: IN.mediaSearch, payloads: [p] }],
      })),
    ]);
  });

  it('delivered every payload and none got through', () => {
    ledger.assertDelivered(IN.name, names);
    ledger.assertDelivered(IN.body, PAYLOADS);
    ledger.assertDelivered(IN.email, emails);
    ledger.assertDelivered(IN.search, PAYLOADS);
    ledger.assertDelivered(IN.articleSearch, articleSearches);
    ledger.assertDelivered(IN.mediaSearch, mediaSearches);
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name}: ${c.detail}`),
      [],
    );
  });
});
