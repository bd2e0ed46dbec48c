// Writing, publishing and scheduling articles in the newsroom over HTTP, and what each role
// is refused (403, nothing changed).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Role } from '../../../core/types.ts';
import { publishDue } from '../../../services/articles/scheduler.ts';
import { addStaff } from '../../../services/staff.ts';
import { articlePath } from '../../reader/urls.ts';

let site: TestSite;
const clients = new Map<Role, NewsroomClient>();
const ids = new Map<Role, number>();

before(async () => {
  site = await startTestSite();
  for (const role of ['editor', 'author', 'contributor'] as const) {
    const email = `${role}@midad.example`;
    const { person } = await addStaff(site.services, {
      email,
      name: `Staff ${role}`,
      role,
      password: 'niger river 2026 key',
    });
    ids.set(role, person.id);
    const client = new NewsroomClient(site.app, `198.51.100.${role.length}`);
    await client.signIn(email, 'niger river 2026 key');
    clients.set(role, client);
  }
});
after(() => site.close());

async function newDraft(role: Role): Promise<number> {
  const res = await clients.get(role)!.submit('/newsroom/articles', '/newsroom/articles/new', {});
  assert.equal(res.status, 303);
  const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(res.location ?? '')?.[1]);
  assert.ok(id > 0);
  return id;
}

/** Posts the editor form of article `id` as `role`, with the demo body, a fresh version and `intent`. */
async function saveAs(role: Role, id: number, intent: string, overrides: Record<string, string>) {
  return clients.get(role)!.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
    ...body,
    ...overrides,
    ...(await fields(role, id)),
    intent,
  });
}

async function fields(role: Role, id: number): Promise<Record<string, string>> {
  const page = await clients.get(role)!.get(`/newsroom/articles/${id}`);
  assert.equal(page.status, 200);
  return { version: /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '' };
}

const body = {
  title: 'مهرجان الصحراء يعود إلى تمبكتو',
  slug: '',
  dek: 'موسيقيون من مالي والنيجر على مسرح واحد.',
  body_html:
    '<h2>برنامج المهرجان</h2><p>افتُتح المهرجان مساء الجمعة.</p><p dir="auto">Le festival accueille des groupes du Niger.</p><ol><li>أمسية الافتتاح</li><li>ورش الموسيقى</li></ol><script>alert(1)</script><p><a href="https://example.org/programme">البرنامج</a></p>',
  lang: 'ar',
  tags: 'موسيقى، تمبكتو، Festival',
  comments_open: 'on',
};

describe('writing an article', () => {
  it('saves a draft: Arabic slug from the title, tags made on the fly, script removed', async () => {
    const id = await newDraft('author');
    const res = await saveAs('author', id, 'save', {});
    assert.equal(res.status, 303, res.body.slice(0, 500));
    const saved = (await site.services.repos.articles.byId(id))!;
    assert.equal(saved.slug, 'مهرجان-الصحراء-يعود-إلى-تمبكتو');
    assert.ok(!saved.bodyHtml.includes('<script'));
    assert.ok(saved.bodyHtml.includes('<h2>') && saved.bodyHtml.includes('<ol>'));
    const tags = await site.services.repos.tags.byIds(saved.tagIds);
    assert.deepEqual(tags.map((t) => t.name).sort(), ['Festival', 'تمبكتو', 'موسيقى'].sort());
    assert.equal(saved.status, 'draft');
  });

  it('publishes: the article is on the reader site, with a revision and an audit entry', async () => {
    const id = await newDraft('author');
    const res = await saveAs('author', id, 'publish', { title: 'أمطار مبكرة في نيامي' });
    assert.equal(res.status, 303);
    const article = (await site.services.repos.articles.byId(id))!;
    assert.equal(article.status, 'published');
    const page = await site.app.inject(articlePath(article));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('<p dir="auto">Le festival accueille'), 'paragraph direction kept');
    assert.equal((await site.services.repos.revisions.listForArticle(id))[0]?.reason, 'publish');
    assert.equal(
      (await site.services.repos.audit.list({ limit: 1, action: 'article.publish' }))[0]?.targetId,
      String(id),
    );
  });

  it('keeps revisions of a published article, shows a word diff, and restores one', async () => {
    const id = await newDraft('editor');
    const editor = clients.get('editor')!;
    await saveAs('editor', id, 'publish', { title: 'ارتفاع منسوب نهر النيجر' });
    await saveAs('editor', id, 'save', { title: 'ارتفاع منسوب النهر في نيامي' });
    const revisions = await site.services.repos.revisions.listForArticle(id);
    assert.deepEqual(
      revisions.map((r) => r.reason),
      ['save', 'publish'],
    );
    const first = revisions[1]!;
    const page = await editor.get(`/newsroom/articles/${id}/revisions/${first.id}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('<del>في نيامي</del>'), 'whole Arabic words removed');
    assert.ok(page.body.includes('<ins>النيجر</ins>'), 'whole Arabic words added');
    const restored = await editor.submit(
      `/newsroom/articles/${id}/revisions/${first.id}`,
      `/newsroom/articles/${id}/revisions/${first.id}/restore`,
      {},
    );
    assert.equal(restored.status, 303);
    assert.equal((await site.services.repos.articles.byId(id))?.title, 'ارتفاع منسوب نهر النيجر');
    assert.equal((await site.services.repos.revisions.listForArticle(id))[0]?.reason, 'restore');
  });

  it('refuses a slug already used in the same language, keeping what was typed', async () => {
    const id = await newDraft('author');
    const res = await saveAs('author', id, 'save', { slug: site.mainArticle.slug, dek: 'موجز لم يُحفظ' });
    assert.equal(res.status, 422);
    assert.ok(res.body.includes('هذا الرابط المختصر مستعمل'));
    assert.ok(res.body.includes('موجز لم يُحفظ'));
    assert.equal((await site.services.repos.articles.byId(id))?.dek, '');
  });

  it('schedules for later, refuses the past, and the scheduler publishes on time', async () => {
    const id = await newDraft('editor');
    const past = await saveAs('editor', id, 'schedule', {
      title: 'اجتماع وزراء الزراعة',
      publish_at: '2020-01-01T10:00',
    });
    assert.equal(past.status, 422);
    assert.ok(past.body.includes('في الماضي'));
    const unchanged = await site.services.repos.articles.byId(id);
    assert.equal(unchanged?.status, 'draft');
    assert.equal(unchanged?.title, '', 'nothing was saved');

    const soon = new Date(Date.now() + 60_000);
    const local = new Date(soon.getTime()).toISOString().slice(0, 16); // the demo site runs on UTC (Africa/Bamako)
    const res = await saveAs('editor', id, 'schedule', { title: 'اجتماع وزراء الزراعة', publish_at: local });
    assert.equal(res.status, 303);
    const scheduled = (await site.services.repos.articles.byId(id))!;
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(
      (await site.app.inject(articlePath(scheduled))).statusCode,
      404,
      'not visible before its time',
    );
    assert.deepEqual(await publishDue(site.services, new Date()), []);
    assert.deepEqual(await publishDue(site.services, new Date(soon.getTime() + 1000)), [id]);
    assert.deepEqual(await publishDue(site.services, new Date(soon.getTime() + 2000)), [], 'published once');
    assert.equal((await site.services.repos.articles.byId(id))?.status, 'published');
  });

  it('a stale save from another tab is refused with both versions shown, and nothing is lost', async () => {
    const id = await newDraft('author');
    const tabA = await fields('author', id);
    const tabB = await fields('author', id);
    const first = await clients
      .get('author')!
      .submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
        ...body,
        title: 'نسخة التبويب الأول',
        ...tabA,
        intent: 'save',
      });
    assert.equal(first.status, 303);
    const second = await clients
      .get('author')!
      .submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
        ...body,
        title: 'نسخة التبويب الثاني',
        ...tabB,
        intent: 'save',
      });
    assert.equal(second.status, 409);
    assert.ok(second.body.includes('نسخة التبويب الأول'), 'the newer saved version is shown');
    assert.ok(second.body.includes('value="نسخة التبويب الثاني"'), 'the typed text is kept in the form');
    assert.equal((await site.services.repos.articles.byId(id))?.title, 'نسخة التبويب الأول');

    const auto = await site.app.inject({
      method: 'POST',
      url: `/newsroom/articles/${id}/autosave`,
      headers: {
        cookie: [...clients.get('author')!.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/json',
      },
      payload: JSON.stringify({
        ...body,
        title: 'حفظ تلقائي قديم',
        version: tabB.version,
        _csrf: await csrfOf('author', id),
      }),
    });
    assert.equal(auto.statusCode, 409);
    assert.equal(JSON.parse(auto.body).current.title, 'نسخة التبويب الأول');
  });

  it('a field given twice is refused with a 400 naming it, and nothing is written', async () => {
    const id = await newDraft('author');
    const before = (await site.services.repos.articles.byId(id))!;
    const cases: Record<string, string[]>[] = [
      { title: ['عنوان أول', 'عنوان ثان'] },
      { lang: ['ar', 'fr'] },
      { section_id: ['1', '2'] },
      { is_featured: ['on', 'on'] },
      { intent: ['save', 'publish'] },
      { version: [String(before.version), String(before.version)] },
    ];
    for (const repeated of cases) {
      const res = await clients
        .get('author')!
        .submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
          ...body,
          version: String(before.version),
          intent: 'save',
          ...repeated,
        });
      const field = Object.keys(repeated)[0]!;
      assert.equal(res.status, 400, `${field}: ${res.status}`);
      assert.ok(res.body.includes(`«${field}»`), `${field} is named`);
    }
    const auto = await clients
      .get('author')!
      .submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}/autosave`, {
        ...body,
        version: String(before.version),
        dek: ['أ', 'ب'],
      });
    assert.equal(auto.status, 400);
    const after = (await site.services.repos.articles.byId(id))!;
    assert.equal(after.version, before.version);
    assert.equal(after.title, '');
  });

  it('a secret preview link shows a draft until revoked', async () => {
    const id = await newDraft('author');
    await saveAs('author', id, 'save', { title: 'مسودة للمعاينة' });
    const made = await clients
      .get('author')!
      .submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}/preview`, {});
    const link = decodeURIComponent(/preview=([^&]+)/.exec(made.location ?? '')?.[1] ?? '');
    assert.match(link, /^\/preview\//);
    const preview = await site.app.inject(link);
    assert.equal(preview.statusCode, 200);
    assert.ok(preview.body.includes('مسودة للمعاينة'));
    assert.match(preview.body, /<meta name="robots" content="noindex/);
    await clients
      .get('author')!
      .submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}/preview/revoke`, {});
    assert.equal((await site.app.inject(link)).statusCode, 404);
  });
});

async function csrfOf(role: Role, id: number): Promise<string> {
  const page = await clients.get(role)!.get(`/newsroom/articles/${id}`);
  return /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
}

describe('what each role is refused', () => {
  it('a contributor cannot publish: 403, still a draft', async () => {
    const id = await newDraft('contributor');
    const res = await saveAs('contributor', id, 'publish', { title: 'مقال متعاون' });
    assert.equal(res.status, 403);
    const untouched = await site.services.repos.articles.byId(id);
    assert.equal(untouched?.status, 'draft');
    assert.equal(untouched?.title, '', 'the refused request saved nothing either');
    const submit = await saveAs('contributor', id, 'submit', { title: 'مقال متعاون' });
    assert.equal(submit.status, 303);
    assert.equal((await site.services.repos.articles.byId(id))?.status, 'pending');
    const again = await saveAs('contributor', id, 'publish', { title: 'مقال متعاون' });
    assert.equal(again.status, 403, 'not while pending either');
    assert.equal((await site.services.repos.articles.byId(id))?.status, 'pending');
  });

  it("an author cannot open or save another author's article: 403, nothing changed", async () => {
    const id = await newDraft('editor');
    assert.equal((await clients.get('author')!.get(`/newsroom/articles/${id}`)).status, 403);
    const csrf = await csrfOf(
      'author',
      (await site.services.repos.articles.listForNewsroom({ authorId: ids.get('author')!, limit: 1 }))
        .items[0]!.id,
    );
    const res = await clients
      .get('author')!
      .post(`/newsroom/articles/${id}`, { _csrf: csrf, ...body, version: '1', intent: 'save' });
    assert.equal(res.status, 403);
    assert.equal((await site.services.repos.articles.byId(id))?.title, '');
  });

  it('a form without its CSRF token changes nothing', async () => {
    const id = await newDraft('editor');
    const res = await clients
      .get('editor')!
      .post(`/newsroom/articles/${id}`, { ...body, version: '1', intent: 'publish' });
    assert.equal(res.status, 403);
    assert.equal((await site.services.repos.articles.byId(id))?.status, 'draft');
  });

  it('authors and contributors list only their own articles', async () => {
    const list = await clients.get('author')!.get('/newsroom/articles');
    assert.equal(list.status, 200);
    assert.ok(!list.body.includes(site.mainArticle.title), 'demo articles by others are not listed');
    const all = await clients
      .get('editor')!
      .get(`/newsroom/articles?q=${encodeURIComponent(site.mainArticle.title.slice(0, 12))}`);
    assert.ok(all.body.includes(site.mainArticle.title));
  });
});
