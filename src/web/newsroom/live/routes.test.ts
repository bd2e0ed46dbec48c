// Live coverage from the newsroom, without JavaScript: the editor links to the live page; an
// editor starts coverage, adds entries (a form sent twice is stored once), edits one (the
// reader's page says "edited"), pins one, deletes one after a confirmation page, and ends the
// coverage; each change shows on the article page at once (its cached copy evicted). Refusals
// (empty, too long, not live) come back in the form in the person's language with nothing
// stored; another author is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildArticle } from '../../../../test/support/factories.ts';
import { csrfFrom, type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { articlePath } from '../../reader/urls.ts';

let site: TestSite;
let editor: NewsroomClient;
before(async () => {
  site = await startTestSite();
  editor = await staffClient(site, 'editor', '198.51.100.81');
});
after(() => site.close());

const read = async (url: string) => {
  const res = await site.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body, cache: String(res.headers['x-cache'] ?? '') };
};
const keyFrom = (html: string) => /name="key" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('live coverage in the newsroom', () => {
  it('runs a coverage from the editor to the end, each change on the article page at once', async () => {
    const article = await buildArticle(site.services, { lang: 'ar', title: 'الانتخابات مباشرة' });
    const base = `/newsroom/articles/${article.id}/live`;
    const editorPage = await editor.get(`/newsroom/articles/${article.id}`);
    assert.match(editorPage.body, new RegExp(`href="${base}"`), 'the editor links to the live page');

    const first = await editor.get(base);
    assert.equal(first.status, 200);
    assert.doesNotMatch(first.body, /name="body"/, 'no entry form before the coverage starts');
    const started = await editor.post(`${base}/start`, { _csrf: csrfFrom(first.body) });
    assert.equal(started.status, 303);
    assert.equal(started.location, `${base}?done=started`);

    // Cache the article page, so the next reads show it is evicted per entry.
    await read(articlePath(article));
    assert.equal((await read(articlePath(article))).cache, 'HIT');

    const page = await editor.get(base);
    const key = keyFrom(page.body);
    assert.ok(key, 'the form carries an idempotency key');
    const fields = { _csrf: csrfFrom(page.body), key, body: 'فُتحت مكاتب الاقتراع عند الثامنة.' };
    const added = await editor.post(`${base}/entries`, fields);
    assert.equal(added.status, 303);
    const twice = await editor.post(`${base}/entries`, fields);
    assert.equal(twice.status, 303, 'the second copy is answered like the first');
    let reader = await read(articlePath(article));
    assert.equal(reader.cache, 'MISS');
    assert.match(reader.body, /فُتحت مكاتب الاقتراع عند الثامنة/);
    assert.equal(reader.body.match(/<article class="live-entry"/g)?.length, 1, 'stored once');

    const page2 = await editor.get(base);
    const second = await editor.post(`${base}/entries`, {
      _csrf: csrfFrom(page2.body),
      key: keyFrom(page2.body),
      body: 'إقبال كبير في الجنوب.',
      pinned: '1',
    });
    assert.equal(second.status, 303);
    const listed = await editor.get(base);
    const ids = [...listed.body.matchAll(/<li class="nr-card" id="entry-(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(ids.length, 2);
    assert.ok(ids[0]! > ids[1]!, 'newest first');
    const [newest, oldest] = ids as [number, number];

    const edited = await editor.post(`${base}/entries/${oldest}`, {
      _csrf: csrfFrom(listed.body),
      body: '<p>فُتحت مكاتب الاقتراع عند الثامنة صباحًا.</p>',
    });
    assert.equal(edited.status, 303);
    reader = await read(articlePath(article));
    assert.match(reader.body, /صباحًا/);
    assert.match(reader.body, /\(عُدّل\)/);
    assert.match(reader.body, /class="live-key"[\s\S]*إقبال كبير في الجنوب/);

    const unpinned = await editor.post(`${base}/entries/${newest}/pin`, {
      _csrf: csrfFrom(listed.body),
      pinned: '0',
    });
    assert.equal(unpinned.location, `${base}?done=unpinned`);
    assert.doesNotMatch((await read(articlePath(article))).body, /class="live-key"/);

    const confirm = await editor.get(`${base}/entries/${newest}/delete`);
    assert.equal(confirm.status, 200);
    assert.match(confirm.body, /هل تريد حذفه؟/);
    assert.match(confirm.body, /إقبال كبير في الجنوب/);
    const deleted = await editor.post(`${base}/entries/${newest}/delete`, { _csrf: csrfFrom(confirm.body) });
    assert.equal(deleted.location, `${base}?done=deleted`);
    assert.doesNotMatch((await read(articlePath(article))).body, /إقبال كبير في الجنوب/);

    const ended = await editor.post(`${base}/end`, { _csrf: csrfFrom(listed.body) });
    assert.equal(ended.location, `${base}?done=ended`);
    assert.match((await read(articlePath(article))).body, /انتهت التغطية المباشرة/);
    const after = await editor.get(base);
    assert.match(after.body, /استأنف التغطية المباشرة/);
  });

  it('refuses empty, over-long and not-live entries in the person’s language, storing nothing', async () => {
    const article = await buildArticle(site.services);
    const base = `/newsroom/articles/${article.id}/live`;
    const page = await editor.get(base);
    const csrf = csrfFrom(page.body);
    const notLive = await editor.post(`${base}/entries`, { _csrf: csrf, key: 'a1', body: 'نص' });
    assert.equal(notLive.status, 422);
    assert.match(notLive.body, /هذا المقال ليس صفحة مباشرة/);
    await editor.post(`${base}/start`, { _csrf: csrf });
    const empty = await editor.post(`${base}/entries`, { _csrf: csrf, key: 'a2', body: '   ' });
    assert.equal(empty.status, 422);
    assert.match(empty.body, /اكتب نص المستجد أو اختر صورة/);
    const long = await editor.post(`${base}/entries`, { _csrf: csrf, key: 'a3', body: 'ب'.repeat(5001) });
    assert.equal(long.status, 422);
    assert.match(long.body, /أطول من ٥٠٠٠ حرف/);
    assert.match(long.body, /name="key" value="a3"/, 'the refused form keeps its key');
    const french = await staffClient(site, 'editor', '198.51.100.82');
    await site.services.repos.people.update(
      (await site.services.repos.people.byEmail('editor-1985110082@midad.example'))!.id,
      { locale: 'fr' },
    );
    const frPage = await french.get(base);
    const frEmpty = await french.post(`${base}/entries`, { _csrf: csrfFrom(frPage.body), body: '' });
    assert.equal(frEmpty.status, 422);
    assert.match(frEmpty.body, /Écrivez le texte de l&#39;entrée|Écrivez le texte de l'entrée/);
    assert.equal(
      (await read(`/live/${article.id}/updates.json?after=0`)).body.includes('"entries":[]'),
      true,
    );
    const tooBig = await editor.post(`${base}/entries`, { _csrf: csrf, body: 'x', media_id: 'abc' });
    assert.equal(tooBig.status, 303, 'a photo choice that is not a number is no photo');
  });

  it('refuses another author, and a bad CSRF token', async () => {
    const article = await buildArticle(site.services);
    const base = `/newsroom/articles/${article.id}/live`;
    const author = await staffClient(site, 'author', '198.51.100.83');
    const denied = await author.get(base);
    assert.equal(denied.status, 403);
    const page = await editor.get(base);
    const forged = await editor.post(`${base}/start`, { _csrf: 'forged' });
    assert.equal(forged.status, 403);
    assert.ok(page.body.includes('name="_csrf"'));
    const missing = await editor.get(`${base}/entries/999999/delete`);
    assert.equal(missing.status, 404);
  });
});
