// Corrections over HTTP: an editor adds one from the newsroom (no script), and it shows on the
// article page (the cached copy refreshed), in its JSON-LD `correction`, in the Atom and RSS
// entries, in the content API and on /corrections, with dateModified moved. Refusals come back
// in the form with the reason in the person's language and store nothing; a contributor is
// refused; a form sent twice is stored once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildArticle } from '../../../../test/support/factories.ts';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Article } from '../../../core/types.ts';
import { articlePath } from '../../reader/urls.ts';

let site: TestSite;
let editor: NewsroomClient;
before(async () => {
  site = await startTestSite();
  editor = await staffClient(site, 'editor', '198.51.100.71');
});
after(() => site.close());

const get = async (url: string) => {
  const res = await site.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body, cache: String(res.headers['x-cache'] ?? '') };
};

function jsonLdArticle(html: string): Record<string, unknown> {
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    const doc = JSON.parse(m[1]!) as Record<string, unknown>;
    if (doc['@type'] === 'NewsArticle') return doc;
  }
  throw new Error('no NewsArticle JSON-LD');
}

/** The article's lastmod in the sitemaps (the index names the monthly files). */
async function sitemapLastmod(articleId: number): Promise<string> {
  const index = await get('/sitemap.xml');
  for (const [, loc] of index.body.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)) {
    const file = await get(loc!);
    const entry = file.body.split('<url>').find((u) => u.includes(`/article/${articleId}/`));
    if (entry) return /<lastmod>([^<]+)<\/lastmod>/.exec(entry)?.[1] ?? '';
  }
  throw new Error(`article ${articleId} is in no sitemap`);
}

async function addAs(client: NewsroomClient, article: Article, fields: Record<string, string>) {
  return client.submit(
    `/newsroom/articles/${article.id}`,
    `/newsroom/articles/${article.id}/corrections`,
    fields,
  );
}

describe('corrections in the newsroom and for readers', () => {
  it('shows a new correction everywhere an article is read, and moves its modified date', async () => {
    // A minute old, so it is among the newest in the feeds and a change later is seen.
    const then = new Date(Date.now() - 60_000).toISOString();
    const article = await buildArticle(site.services, {
      lang: 'ar',
      title: 'سدّ على نهر النيجر',
      publishedAt: then,
    });
    await site.services.repos.articles.update(article.id, { updatedAt: then });
    await site.services.events.emit({ type: 'article', change: 'updated', before: article, after: article });
    const path = articlePath(article);
    await get(path);
    const cached = await get(path);
    assert.equal(cached.cache, 'HIT', 'the page is served from the cache before the correction');
    assert.equal(jsonLdArticle(cached.body).dateModified, then);
    assert.doesNotMatch(cached.body, /article-corrections/);

    const lastmodBefore = await sitemapLastmod(article.id);
    const editorPage = await editor.get(`/newsroom/articles/${article.id}`);
    assert.match(
      editorPage.body,
      /action="\/newsroom\/articles\/\d+\/corrections"/,
      'the form is on the editor page',
    );
    const text = 'ذكرنا أن طول السد ٣ كيلومترات، والصحيح ١٫٥ كيلومتر.';
    const res = await addAs(editor, article, { kind: 'correction', body: text });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/newsroom/articles/${article.id}/corrections?done=added`);
    assert.match((await editor.get(res.location!)).body, /أُضيف/);

    const page = await get(path);
    assert.notEqual(page.cache, 'HIT', 'the cached page was evicted');
    assert.match(
      page.body,
      /<section class="article-notes-group article-corrections" aria-labelledby="article-corrections-title">/,
    );
    assert.match(page.body, /<h2 id="article-corrections-title"[^>]*>تصحيحات<\/h2>/);
    assert.match(page.body, /<strong>تصحيح<\/strong> <time datetime="\d{4}-\d{2}-\d{2}T[^"]+">/);
    assert.ok(page.body.includes(text));
    assert.ok(
      page.body.indexOf('article-corrections') < page.body.indexOf('class="article-body"'),
      'the correction comes before the text',
    );
    const ld = jsonLdArticle(page.body);
    assert.ok(String(ld.dateModified) > then, 'dateModified moved');
    const corrections = ld.correction as { '@type': string; text: string; datePublished: string }[];
    assert.equal(corrections.length, 1);
    assert.equal(corrections[0]?.['@type'], 'CorrectionComment');
    assert.equal(corrections[0]?.text, text);
    assert.match(corrections[0]?.datePublished ?? '', /^\d{4}-\d{2}-\d{2}T/);

    const atom = await get('/feed.atom');
    const entry = atom.body.split('<entry>').find((e) => e.includes(`/article/${article.id}`)) ?? '';
    assert.ok(entry.includes(text), 'the Atom entry carries the correction');
    assert.match(entry, /<updated>(\d{4}-\d{2}-\d{2}T[^<]+)<\/updated>/);
    assert.ok(
      /<updated>([^<]+)<\/updated>/.exec(entry)![1]! > '2026-03-01T08:00:00',
      'the entry’s updated time moved',
    );
    const rss = await get('/feed.xml');
    const item = rss.body.split('<item>').find((e) => e.includes(`/article/${article.id}`)) ?? '';
    assert.ok(item.includes(text), 'the RSS item carries the correction');

    const api = await site.app.inject({ method: 'GET', url: `/api/v1/articles/${article.id}` });
    const data = (
      api.json() as { data: { updated_at: string; corrections: { kind: string; text: string }[] } }
    ).data;
    assert.deepEqual(
      data.corrections.map((c) => [c.kind, c.text]),
      [['correction', text]],
    );
    assert.ok(data.updated_at > then);

    const lastmodAfter = await sitemapLastmod(article.id);
    assert.ok(
      lastmodAfter > lastmodBefore,
      `the sitemap's lastmod moved (${lastmodBefore} → ${lastmodAfter})`,
    );

    const list = await get('/corrections');
    assert.equal(list.status, 200);
    assert.ok(list.body.includes(text));
    assert.ok(list.body.includes(`href="${path}"`), 'linked to its article');
    assert.match(list.body, /<a href="\/corrections">التصحيحات<\/a>/, 'the footer links the page');
    assert.equal((await get('/en/corrections')).body.includes(text), false, 'other languages list their own');
  });

  it('shows an update near the top, and lists only corrections on /corrections', async () => {
    const article = await buildArticle(site.services, { lang: 'fr', title: 'Crue du fleuve' });
    await get('/fr/corrections');
    const res = await addAs(editor, article, { kind: 'update', body: 'Le pont de Gao a rouvert ce matin.' });
    assert.equal(res.status, 303);
    const page = await get(articlePath(article));
    assert.match(page.body, /<h2 id="article-updates-title"[^>]*>Mises à jour<\/h2>/);
    assert.match(page.body, /<strong>Mise à jour<\/strong>/);
    assert.equal(jsonLdArticle(page.body).correction, undefined, 'an update is not a correction');
    assert.equal((await get('/fr/corrections')).body.includes('Le pont de Gao'), false);
  });

  it('shows the form again with the reason when the text is empty or too long, storing nothing', async () => {
    const article = await buildArticle(site.services, { lang: 'ar' });
    const empty = await addAs(editor, article, { kind: 'correction', body: '   ' });
    assert.equal(empty.status, 422);
    assert.match(empty.body, /اكتب نص التصحيح أو التحديث/);
    assert.match(empty.body, /<textarea id="correction-body"/);
    const long = 'خطأ '.repeat(300);
    const tooLong = await addAs(editor, article, { kind: 'update', body: long });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.body, /أطول من ١٠٠٠ حرف/);
    assert.ok(tooLong.body.includes(long.trim()), 'the text is kept to be shortened');
    assert.match(tooLong.body, /<option value="update" selected/);
    assert.equal((await site.services.repos.corrections.listForArticle(article.id)).length, 0);
  });

  it('refuses a draft with the reason, and answers in the person’s language', async () => {
    const draft = await buildArticle(site.services, { status: 'draft' });
    const page = await editor.get(`/newsroom/articles/${draft.id}`);
    assert.doesNotMatch(page.body, /id="correction-body"/, 'no form on a draft');
    const res = await editor.post(`/newsroom/articles/${draft.id}/corrections`, {
      kind: 'correction',
      body: 'Erreur',
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
    });
    assert.equal(res.status, 422);
    assert.match(res.body, /هذا المقال غير منشور/);
    assert.equal((await site.services.repos.corrections.listForArticle(draft.id)).length, 0);
  });

  it('stores a double submit once, and lets the editor edit and delete with audit', async () => {
    const article = await buildArticle(site.services, { lang: 'en', title: 'Harvest report' });
    const fields = { kind: 'correction', body: 'The harvest was 12% larger, not 21%.' };
    const page = await editor.get(`/newsroom/articles/${article.id}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const action = `/newsroom/articles/${article.id}/corrections`;
    const [a, b] = [
      await editor.post(action, { _csrf: csrf, ...fields }),
      await editor.post(action, { _csrf: csrf, ...fields }),
    ];
    assert.equal(a.status, 303);
    assert.equal(b.status, 303);
    const notes = await site.services.repos.corrections.listForArticle(article.id);
    assert.equal(notes.length, 1);
    const id = notes[0]!.id;

    const manage = await editor.get(action);
    assert.match(manage.body, new RegExp(`action="${action}/${id}"`));
    const edited = await editor.post(`${action}/${id}`, {
      _csrf: csrf,
      kind: 'correction',
      body: 'The harvest was 12% larger.',
    });
    assert.equal(edited.status, 303);
    assert.match((await get('/en/corrections')).body, /The harvest was 12% larger\./);
    const refused = await editor.post(`${action}/${id}`, { _csrf: csrf, kind: 'correction', body: '' });
    assert.equal(refused.status, 422);
    assert.equal((await site.services.repos.corrections.byId(id))?.body, 'The harvest was 12% larger.');
    const other = await buildArticle(site.services);
    const wrong = await editor.post(`/newsroom/articles/${other.id}/corrections/${id}/delete`, {
      _csrf: csrf,
    });
    assert.equal(wrong.status, 404, 'a note is reached only through its own article');
    const deleted = await editor.post(`${action}/${id}/delete`, { _csrf: csrf });
    assert.equal(deleted.status, 303);
    assert.equal(await site.services.repos.corrections.byId(id), null);
    assert.doesNotMatch((await get(articlePath(article))).body, /article-corrections/);
    const actions = (await site.services.repos.audit.list({ limit: 500 }))
      .filter((r) => r.targetId === String(article.id))
      .map((r) => r.action)
      .sort();
    assert.deepEqual(actions, [
      'article.correction-added',
      'article.correction-deleted',
      'article.correction-edited',
    ]);
  });

  it('refuses a contributor (403) and a request without the form token', async () => {
    const contributor = await staffClient(site, 'contributor', '198.51.100.72');
    const article = await buildArticle(site.services);
    const page = await contributor.get('/newsroom');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await contributor.post(`/newsroom/articles/${article.id}/corrections`, {
      _csrf: csrf,
      kind: 'correction',
      body: 'Not mine to correct.',
    });
    assert.equal(res.status, 403);
    const forged = await editor.post(`/newsroom/articles/${article.id}/corrections`, {
      kind: 'correction',
      body: 'x',
    });
    assert.equal(forged.status, 403);
    assert.equal((await site.services.repos.corrections.listForArticle(article.id)).length, 0);
  });
});
