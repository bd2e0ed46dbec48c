// The newsroom article list over HTTP: a table with sortable headers and row checkboxes, the
// newsroom search finding a draft by a word only in its body (other letter forms typed), reader
// search still blind to it, bulk actions with refusals named, bad bulk input refused (400 with
// the field, nothing done), and the dashboard's content per role.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildArticle, buildSection } from '../../../../test/support/factories.ts';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Person } from '../../../core/types.ts';

let site: TestSite;
let editor: NewsroomClient;
let author: NewsroomClient;
let authorPerson: Person;

before(async () => {
  site = await startTestSite();
  editor = await staffClient(site, 'editor', '198.51.100.21');
  author = await staffClient(site, 'author', '198.51.100.22');
  authorPerson = (await site.services.repos.people.list()).find(
    (p) => p.role === 'author' && p.name.includes('22'),
  )!;
});
after(() => site.close());

const statusOf = async (id: number) => (await site.services.repos.articles.byId(id))!.status;

describe('the article list', () => {
  it('is a table with column headers, aria-sort on the sorted one, and a named checkbox per row', async () => {
    const res = await editor.get('/newsroom/articles');
    assert.equal(res.status, 200);
    assert.match(res.body, /<table class="nr-table nr-articles-table">/);
    for (const header of [
      'العنوان',
      'الحالة',
      'القسم',
      'الكتّاب',
      'اللغة',
      'آخر تعديل',
      'النشر أو موعده',
      'التعليقات',
    ])
      assert.ok(res.body.includes(header), header);
    assert.match(res.body, /<th scope="col" aria-sort="descending" class="nr-col-updated">/);
    const boxes = [
      ...res.body.matchAll(/<input type="checkbox" name="ids" value="(\d+)" aria-label="حدّد «[^"]+»"/g),
    ];
    assert.ok(boxes.length >= 5, 'one labelled checkbox per row');
    assert.match(res.body, /data-select-all/);
  });

  it("marks each title with the language of its text and names that language, not the edition's code", async () => {
    const persian = await buildArticle(site.services, { lang: 'fr', title: 'بازار تیمبوکتو در باران' });
    await site.services.repos.articles.update(persian.id, { textLang: 'fa' });
    const res = await editor.get('/newsroom/articles');
    const row = new RegExp(
      `<tr>(?:(?!</tr>).)*?/newsroom/articles/${persian.id}"(?:(?!</tr>).)*</tr>`,
      's',
    ).exec(res.body)?.[0];
    assert.ok(row, 'the Persian article is listed');
    assert.match(row, /<a href="\/newsroom\/articles\/\d+" lang="fa" dir="auto">بازار تیمبوکتو/);
    assert.match(row, /<bdi lang="fa">فارسی<\/bdi>/);
  });

  it('sorts by a column: title ascending, the header says so and links to the other direction', async () => {
    const res = await editor.get('/newsroom/articles?sort=title&dir=asc');
    assert.match(
      res.body,
      /<th scope="col" aria-sort="ascending" class="nr-col-title"><a href="\/newsroom\/articles\?sort=title&amp;dir=desc">/,
    );
    const titles = [...res.body.matchAll(/<th scope="row" class="nr-col-title"><a [^>]*>([^<]*)<\/a>/g)].map(
      (m) => m[1]!,
    );
    const sorted = [...titles].sort((a, b) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
    );
    assert.deepEqual(titles, sorted);
  });

  it('finds a draft by a word only in its body, typed with other letter forms; reader search does not', async () => {
    const draft = await buildArticle(site.services, {
      status: 'draft',
      title: 'مسودة عن الموانئ',
      bodyHtml: '<p>زار الوفد المدرسة الأهلية في أطار صباح الخميس.</p>',
    });
    // ة typed as ه, أ as ا: the analyzer folds both sides alike.
    const found = await editor.get(`/newsroom/articles?q=${encodeURIComponent('المدرسه اطار')}`);
    assert.equal(found.status, 200);
    assert.ok(found.body.includes(`value="${draft.id}"`), 'the draft is listed');
    // Text typed into the box also matches inside titles, so a half-typed word finds its story.
    const half = await editor.get(`/newsroom/articles?q=${encodeURIComponent('مسودة عن المو')}`);
    assert.ok(half.body.includes(`value="${draft.id}"`));
    const other = await editor.get(`/newsroom/articles?q=${encodeURIComponent('كلمةغيرموجودةاصلا')}`);
    assert.ok(!other.body.includes(`value="${draft.id}"`));
    const reader = await site.app.inject({ url: `/search?q=${encodeURIComponent('المدرسه اطار')}` });
    assert.equal(reader.statusCode, 200);
    assert.ok(!reader.body.includes('مسودة عن الموانئ'), 'readers never find a draft');
    // Published, it moves to the reader index; the newsroom still finds it.
    await editor.submit('/newsroom/articles', '/newsroom/articles/bulk', {
      action: 'publish',
      ids: String(draft.id),
    });
    assert.equal(await statusOf(draft.id), 'published');
    const live = await site.app.inject({ url: `/search?q=${encodeURIComponent('المدرسه اطار')}` });
    assert.ok(live.body.includes('مسودة عن الموانئ'));
    const again = await editor.get(`/newsroom/articles?q=${encodeURIComponent('المدرسه')}`);
    assert.ok(again.body.includes(`value="${draft.id}"`));
  });

  it('bulk-moves articles to a section and shows the result on the list', async () => {
    const section = await buildSection(site.services, { name: 'موانئ وبحار' });
    const a = await buildArticle(site.services, { status: 'draft' });
    const b = await buildArticle(site.services);
    const res = await editor.submit('/newsroom/articles', '/newsroom/articles/bulk?status=draft', {
      action: 'move',
      section: String(section.id),
      ids: [String(a.id), String(b.id)],
    });
    assert.equal(res.status, 200);
    assert.match(res.body, /class="nr-notice nr-success" role="status">«انقل إلى قسم»: تمّ على 2/);
    assert.equal((await site.services.repos.articles.byId(a.id))!.sectionId, section.id);
    assert.equal((await site.services.repos.articles.byId(b.id))!.sectionId, section.id);
    // The list it came from (drafts) is shown again.
    assert.match(res.body, /<option value="draft" selected/);
  });

  it("an author's bulk publish does their own and refuses a colleague's, naming it by number", async () => {
    const own = await buildArticle(site.services, { status: 'draft', authorIds: [authorPerson.id] });
    const other = await buildArticle(site.services, { status: 'draft', title: 'سرّ التحرير' });
    const res = await author.submit('/newsroom/articles', '/newsroom/articles/bulk', {
      action: 'publish',
      ids: [String(own.id), String(other.id)],
    });
    assert.equal(res.status, 200);
    assert.equal(await statusOf(own.id), 'published');
    assert.equal(await statusOf(other.id), 'draft');
    assert.ok(res.body.includes(`المقال رقم ${other.id}`), 'the refused row is named');
    assert.ok(!res.body.includes('سرّ التحرير'), "a colleague's draft title is not shown");
    assert.match(res.body, /nr-notice nr-error/);
  });

  it('refuses bad bulk input with the field named and nothing done', async () => {
    const draft = await buildArticle(site.services, { status: 'draft' });
    const id = String(draft.id);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ action: 'explode', ids: id }, 'action'],
      [{ action: 'publish', ids: [id, '99999999'] }, 'ids'],
      [{ action: 'publish', ids: [id, 'abc'] }, 'ids'],
      [{ action: 'move', ids: id, section: '99999999' }, 'section'],
      [{ action: 'move', ids: id, section: 'x' }, 'section'],
      [{ action: 'tag', ids: id, tag: '99999999' }, 'tag'],
      [{ action: 'tag', ids: id }, 'tag'],
      [{ action: ['publish', 'trash'], ids: id }, 'action'],
    ];
    for (const [fields, field] of cases) {
      const res = await editor.submit('/newsroom/articles', '/newsroom/articles/bulk', fields);
      assert.equal(res.status, 400, JSON.stringify(fields));
      assert.ok(res.body.includes(field), `names ${field}`);
    }
    assert.equal(await statusOf(draft.id), 'draft');
    const empty = await editor.submit('/newsroom/articles', '/newsroom/articles/bulk', { action: 'trash' });
    assert.equal(empty.status, 422);
    assert.ok(empty.body.includes('لم تحدد أي مقال'));
    const noAction = await editor.submit('/newsroom/articles', '/newsroom/articles/bulk', { ids: id });
    assert.equal(noAction.status, 422);
    const forged = await editor.post('/newsroom/articles/bulk', { action: 'trash', ids: id });
    assert.equal(forged.status, 403);
    assert.equal(await statusOf(draft.id), 'draft');
  });
});

describe('the dashboard', () => {
  it('shows an editor the review queue, schedule, comments and most read, each linking to its action', async () => {
    const pending = await buildArticle(site.services, { status: 'pending', title: 'تقرير ينتظر المراجعة' });
    const scheduled = await buildArticle(site.services, {
      status: 'scheduled',
      title: 'مقال مجدول للغد',
      publishedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const read = await buildArticle(site.services, { title: 'مقال يقرؤه الجميع' });
    await site.services.repos.readership.add({
      hours: [{ articleId: read.id, hour: new Date().toISOString().slice(0, 13), lang: 'ar', views: 4321 }],
      referrers: [],
      devices: [],
    });
    const res = await editor.get('/newsroom');
    assert.equal(res.status, 200);
    assert.ok(res.body.includes('بانتظار المراجعة'));
    assert.match(
      res.body,
      new RegExp(
        `href="/newsroom/articles/${read.id}"[^>]*>مقال يقرؤه الجميع</a><span class="nr-meta">4321 قراءة`,
      ),
    );
    assert.ok(res.body.includes(`href="/newsroom/articles/${pending.id}"`));
    assert.ok(res.body.includes(`href="/newsroom/articles/${scheduled.id}"`));
    assert.ok(res.body.includes('تعليقات تنتظر المراجعة'));
    assert.ok(res.body.includes('الأكثر قراءة في الأسبوع'));
  });

  it("shows an author their own drafts and not a colleague's, and no comments or site figures", async () => {
    const mine = await buildArticle(site.services, {
      status: 'draft',
      title: 'مسودتي الخاصة',
      authorIds: [authorPerson.id],
    });
    const theirs = await buildArticle(site.services, { status: 'pending', title: 'عمل زميل ينتظر' });
    const res = await author.get('/newsroom');
    assert.equal(res.status, 200);
    assert.ok(res.body.includes(`href="/newsroom/articles/${mine.id}"`));
    assert.ok(!res.body.includes(`href="/newsroom/articles/${theirs.id}"`));
    assert.ok(!res.body.includes('تعليقات تنتظر المراجعة'));
    assert.ok(!res.body.includes('الأكثر قراءة في الأسبوع'));
    assert.ok(res.body.includes('ما أرسلتُه للمراجعة'));
  });
});
