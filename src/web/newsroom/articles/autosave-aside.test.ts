// Autosave of a published article: the typed form is kept aside for its writer, and readers
// keep seeing the published text until the writer presses Save (or discards the changes).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { addStaff } from '../../../services/staff.ts';
import { articlePath } from '../../reader/urls.ts';

let site: TestSite;
let writer: NewsroomClient;
let editor: NewsroomClient;

before(async () => {
  site = await startTestSite();
  const sign = async (role: 'author' | 'editor', address: string) => {
    const email = `${role}.aside@midad.example`;
    await addStaff(site.services, { email, name: `Staff ${role}`, role, password: 'sahel dunes 2026 key' });
    const client = new NewsroomClient(site.app, address);
    await client.signIn(email, 'sahel dunes 2026 key');
    return client;
  };
  writer = await sign('author', '198.51.100.71');
  editor = await sign('editor', '198.51.100.72');
});
after(() => site.close());

const form = {
  title: 'افتتاح سوق الماشية في أغاديز',
  slug: '',
  dek: 'التجار يعودون بعد موسم الأمطار.',
  body_html: '<p>افتُتح السوق صباح الاثنين بحضور مربين من المنطقة.</p>',
  lang: 'ar',
  tags: 'أسواق',
  comments_open: 'on',
};

const field = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

let published = 0;

async function publishedArticle(): Promise<number> {
  published++;
  const made = await writer.submit('/newsroom/articles', '/newsroom/articles/new', {});
  const id = Number(/(\d+)$/.exec(made.location ?? '')?.[1]);
  const page = await writer.get(`/newsroom/articles/${id}`);
  const done = await writer.post(`/newsroom/articles/${id}`, {
    ...form,
    slug: `aghadez-market-${published}`,
    _csrf: field(page.body, '_csrf'),
    version: field(page.body, 'version'),
    intent: 'publish',
  });
  assert.equal(done.status, 303);
  return id;
}

async function autosave(client: NewsroomClient, id: number, changes: Record<string, string>) {
  const page = await client.get(`/newsroom/articles/${id}`);
  return client.post(`/newsroom/articles/${id}/autosave`, {
    ...form,
    ...changes,
    _csrf: field(page.body, '_csrf'),
    version: field(page.body, 'version'),
  });
}

async function readerPage(id: number): Promise<string> {
  const article = (await site.services.repos.articles.byId(id))!;
  const page = await site.app.inject(articlePath(article));
  assert.equal(page.statusCode, 200);
  return page.body;
}

describe('autosave of a published article', () => {
  it('keeps the typed text aside: readers see the published article, the writer gets the text back', async () => {
    const id = await publishedArticle();
    const before = (await site.services.repos.articles.byId(id))!;
    const saved = await autosave(writer, id, { title: 'نصف عنوان يُكتب الآن', tags: 'أسواق، ماشية' });
    assert.equal(saved.status, 200, saved.body);
    const answer = JSON.parse(saved.body);
    assert.equal(answer.live, false);
    assert.equal(answer.version, before.version);

    const after = (await site.services.repos.articles.byId(id))!;
    assert.equal(after.title, form.title);
    assert.equal(after.version, before.version);
    assert.ok(!(await readerPage(id)).includes('نصف عنوان'), 'the reader page is unchanged');

    const mine = await writer.get(`/newsroom/articles/${id}`);
    assert.ok(mine.body.includes('value="نصف عنوان يُكتب الآن"'), 'the autosaved title is in the form');
    assert.ok(mine.body.includes('value="أسواق، ماشية"'), 'and the other fields too');
    assert.match(mine.body, /هذه تعديلاتك غير المنشورة/);
    assert.equal(field(mine.body, 'version'), String(before.version));
    const theirs = await editor.get(`/newsroom/articles/${id}`);
    assert.ok(!theirs.body.includes('نصف عنوان'), "another person's editor shows the published text");
    assert.match(
      theirs.body,
      /لدى Staff author \([^)]+\) تعديلات على هذا المقال/,
      'and says who has changes aside',
    );
    assert.doesNotMatch(mine.body, /nr-others-aside/);
  });

  it("a preview link shows its maker's autosaved changes, and only theirs", async () => {
    const id = await publishedArticle();
    await autosave(writer, id, {
      title: 'تصحيح: السوق يفتح الثلاثاء',
      body_html: '<p>تصحيح</p><script>x()</script>',
    });
    const previewOf = async (client: NewsroomClient) => {
      const page = await client.get(`/newsroom/articles/${id}`);
      const made = await client.post(`/newsroom/articles/${id}/preview`, {
        _csrf: field(page.body, '_csrf'),
      });
      const link = decodeURIComponent(/preview=([^&]+)/.exec(made.location ?? '')?.[1] ?? '');
      assert.match(link, /^\/preview\//);
      const preview = await site.app.inject(link);
      assert.equal(preview.statusCode, 200);
      return preview.body;
    };
    const mine = await previewOf(writer);
    assert.ok(mine.includes('تصحيح: السوق يفتح الثلاثاء'));
    assert.ok(!mine.includes('<script>x()'), 'the autosaved body is cleaned like a save');
    assert.ok(
      !(await previewOf(editor)).includes('تصحيح: السوق'),
      "another person's link shows the live text",
    );
    assert.ok(!(await readerPage(id)).includes('تصحيح: السوق'));
  });

  it('goes live with Save, and the aside copy is gone', async () => {
    const id = await publishedArticle();
    await autosave(writer, id, { title: 'عنوان مصحح بعد المراجعة' });
    const page = await writer.get(`/newsroom/articles/${id}`);
    const done = await writer.post(`/newsroom/articles/${id}`, {
      ...form,
      title: field(page.body, 'title'),
      _csrf: field(page.body, '_csrf'),
      version: field(page.body, 'version'),
      intent: 'save',
    });
    assert.equal(done.status, 303, done.body.slice(0, 300));
    assert.ok((await readerPage(id)).includes('عنوان مصحح بعد المراجعة'));
    assert.equal(await site.services.repos.autosaves.find(id, (await personOf(writer))!), null);
    const again = await writer.get(`/newsroom/articles/${id}`);
    assert.doesNotMatch(again.body, /هذه تعديلاتك غير المنشورة/);
  });

  it('can be discarded, leaving the published article as it was', async () => {
    const id = await publishedArticle();
    await autosave(writer, id, { dek: 'مقدمة لم تكتمل' });
    const page = await writer.get(`/newsroom/articles/${id}`);
    const discarded = await writer.post(`/newsroom/articles/${id}/autosave/discard`, {
      _csrf: field(page.body, '_csrf'),
    });
    assert.equal(discarded.status, 303);
    assert.equal(discarded.location, `/newsroom/articles/${id}?done=discarded`);
    const back = await writer.get(discarded.location!);
    assert.ok(!back.body.includes('مقدمة لم تكتمل'));
    assert.match(back.body, /تُجوهلت التعديلات/);
    assert.equal((await site.services.repos.articles.byId(id))?.dek, form.dek);
  });

  it('saved after someone else saved the article: both versions are shown, nothing overwritten', async () => {
    const id = await publishedArticle();
    await autosave(writer, id, { title: 'نسخة الكاتب المحفوظة جانبًا' });
    const editorPage = await editor.get(`/newsroom/articles/${id}`);
    const edited = await editor.post(`/newsroom/articles/${id}`, {
      ...form,
      title: 'نسخة المحرر المنشورة',
      _csrf: field(editorPage.body, '_csrf'),
      version: field(editorPage.body, 'version'),
      intent: 'save',
    });
    assert.equal(edited.status, 303);

    const page = await writer.get(`/newsroom/articles/${id}`);
    assert.match(page.body, /حُفِظ المقال بعدها/);
    const saved = await writer.post(`/newsroom/articles/${id}`, {
      ...form,
      title: field(page.body, 'title'),
      _csrf: field(page.body, '_csrf'),
      version: field(page.body, 'version'),
      intent: 'save',
    });
    assert.equal(saved.status, 409);
    assert.ok(saved.body.includes('نسخة المحرر المنشورة'));
    assert.equal((await site.services.repos.articles.byId(id))?.title, 'نسخة المحرر المنشورة');
  });

  it('a draft still autosaves in place', async () => {
    const made = await writer.submit('/newsroom/articles', '/newsroom/articles/new', {});
    const id = Number(/(\d+)$/.exec(made.location ?? '')?.[1]);
    const saved = await autosave(writer, id, { title: 'مسودة تُحفظ مباشرة' });
    assert.equal(JSON.parse(saved.body).live, true);
    assert.equal((await site.services.repos.articles.byId(id))?.title, 'مسودة تُحفظ مباشرة');
  });
});

async function personOf(client: NewsroomClient): Promise<number | undefined> {
  const email = client === writer ? 'author.aside@midad.example' : 'editor.aside@midad.example';
  return (await site.services.repos.people.byEmail(email))?.id;
}
