// The library pages and the picker JSON over HTTP: grid, search, paging, editing the texts,
// and delete refused while an article or a person uses the item.
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Media, Role } from '../../../core/types.ts';
import { ingestImage } from '../../../media/images.ts';
import { photoWithGps } from '../../../media/test-images.ts';
import { PAGE_SIZE } from './schema.ts';
import { signedInClients } from '../../../../test/support/media-library.ts';

let site: TestSite;
let clients: Map<Role, NewsroomClient>;
let photo: Media;

before(async () => {
  site = await startTestSite();
  clients = await signedInClients(site);
  photo = await ingestImage(
    { buffer: await photoWithGps(800, 500), alt: 'قارب على نهر النيجر', caption: 'Niamey, 2026' },
    { repos: site.services.repos, mediaRoot: site.services.config.mediaRoot, speed: 'fast' },
  );
});
after(() => site.close());

const exists = (file: string) =>
  access(path.join(site.services.config.mediaRoot, file)).then(
    () => true,
    () => false,
  );

describe('media library pages', () => {
  it('shows the grid with thumbnails, alt text, size and date, and a menu item', async () => {
    const res = await clients.get('author')!.get('/newsroom/media');
    assert.equal(res.status, 200);
    assert.match(res.body, /<a href="\/newsroom\/media" aria-current="page">الوسائط<\/a>/);
    assert.match(res.body, new RegExp(`id="media-${photo.id}"`));
    assert.match(res.body, /قارب على نهر النيجر/);
    assert.match(
      res.body,
      /<img src="\/media\/\d{4}\/\d{2}\/[0-9a-f]{16}-320\.webp" width="320" height="200"/,
    );
    assert.match(res.body, /enctype="multipart\/form-data"/);
    assert.match(res.body, /<script src="\/assets\/media-upload\.[0-9a-f]{10}\.js" defer/);
    const contributorHome = await clients.get('contributor')!.get('/newsroom');
    assert.doesNotMatch(contributorHome.body, /href="\/newsroom\/media"/);
  });

  it('searches by alt text and caption, and pages', async () => {
    const found = await clients
      .get('author')!
      .get(`/newsroom/media?q=${encodeURIComponent('النيجر niamey')}`);
    assert.match(found.body, new RegExp(`id="media-${photo.id}"`));
    assert.equal((found.body.match(/class="nr-media-item"/g) ?? []).length, 1);
    const none = await clients.get('author')!.get('/newsroom/media?q=zzzz');
    assert.match(none.body, /لا ملفات تطابق بحثك/);
    const total = (await site.services.repos.media.list({ limit: 1 })).total;
    assert.ok(total > PAGE_SIZE, 'the demo content fills more than one page');
    const first = await clients.get('author')!.get('/newsroom/media');
    assert.match(first.body, /href="\/newsroom\/media\?page=2" rel="next"/);
  });

  it('gives the editor picker JSON with paging and search', async () => {
    const res = await site.app.inject({
      url: `/newsroom/media.json?q=${encodeURIComponent('niamey')}`,
      headers: { cookie: cookieOf(clients.get('author')!), accept: 'application/json' },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { items: Record<string, unknown>[]; nextPage: number | null };
    assert.equal(body.nextPage, null);
    assert.equal(body.items.length, 1);
    assert.equal(body.items[0]?.id, photo.id);
    assert.equal(body.items[0]?.caption, 'Niamey, 2026');
    assert.match(String(body.items[0]?.srcset), /320w, .*640w/);
    const all = (
      await site.app.inject({
        url: '/newsroom/media.json',
        headers: { cookie: cookieOf(clients.get('author')!) },
      })
    ).json() as {
      items: unknown[];
      nextPage: number | null;
    };
    assert.equal(all.items.length, PAGE_SIZE);
    assert.equal(all.nextPage, 2);
    const refused = await site.app.inject({
      url: '/newsroom/media.json',
      headers: { cookie: cookieOf(clients.get('contributor')!), accept: 'application/json' },
    });
    assert.equal(refused.statusCode, 403);
  });

  it('edits alt text, caption and credit, keeping typed text on an error', async () => {
    const page = await clients.get('author')!.get(`/newsroom/media/${photo.id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<input id="media-alt" name="alt" dir="auto"/);
    assert.match(page.body, /<textarea id="media-caption" name="caption" dir="auto"/);
    const saved = await clients
      .get('author')!
      .submit(`/newsroom/media/${photo.id}`, `/newsroom/media/${photo.id}`, {
        alt: 'قارب صيد على نهر النيجر قرب نيامي',
        caption: 'الصيادون يعودون عند الغروب — Niamey',
        credit: 'Awa Traoré / مداد',
      });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/newsroom/media/${photo.id}?saved=1`);
    const after = (await site.services.repos.media.byId(photo.id))!;
    assert.equal(after.credit, 'Awa Traoré / مداد');
    const long = await clients
      .get('author')!
      .submit(`/newsroom/media/${photo.id}`, `/newsroom/media/${photo.id}`, {
        alt: 'ن'.repeat(501),
        caption: 'تعليق جديد',
        credit: '',
      });
    assert.equal(long.status, 422);
    assert.match(long.body, /النص أطول من المسموح/);
    assert.match(long.body, /تعليق جديد/);
    assert.equal((await site.services.repos.media.byId(photo.id))!.caption, after.caption);
  });

  it('refuses a text field given twice with a 400 naming it, writing nothing', async () => {
    const before = (await site.services.repos.media.byId(photo.id))!;
    const audits = (await site.services.repos.audit.list({ limit: 100, action: 'media.update' })).length;
    for (const field of ['alt', 'caption', 'credit']) {
      const res = await clients
        .get('author')!
        .submit(`/newsroom/media/${photo.id}`, `/newsroom/media/${photo.id}`, {
          alt: 'نص بديل',
          caption: '',
          credit: '',
          [field]: ['أول', 'ثان'],
        });
      assert.equal(res.status, 400, field);
      assert.ok(res.body.includes(`«${field}»`), `${field} is named`);
    }
    assert.deepEqual(await site.services.repos.media.byId(photo.id), before);
    assert.equal(
      (await site.services.repos.audit.list({ limit: 100, action: 'media.update' })).length,
      audits,
    );
  });

  it('audits a saved text with who changed it', async () => {
    await clients.get('author')!.submit(`/newsroom/media/${photo.id}`, `/newsroom/media/${photo.id}`, {
      alt: 'قارب على نهر النيجر',
      caption: 'Niamey, 2026',
      credit: '',
    });
    const [entry] = await site.services.repos.audit.list({ limit: 1, action: 'media.update' });
    assert.equal(entry?.targetId, String(photo.id));
    assert.equal(entry?.details.alt, 'قارب على نهر النيجر');
  });

  it('refuses to delete an item in use, listing what uses it, then deletes and audits', async () => {
    const article = await site.services.repos.articles.create({
      lang: 'ar',
      status: 'draft',
      title: 'مسودة عن الصيد في النيجر',
      slug: 'draft-fishing',
      bodyHtml: `<figure><img src="/media/${photo.variants[1]!.path}" alt=""></figure>`,
    });
    const editor = clients.get('editor')!;
    const refused = await editor.submit(
      `/newsroom/media/${photo.id}`,
      `/newsroom/media/${photo.id}/delete`,
      {},
    );
    assert.equal(refused.status, 409);
    assert.match(refused.body, /لا يمكن حذف هذا الملف لأنه مستعمل/);
    assert.match(
      refused.body,
      new RegExp(`href="/newsroom/articles/${article.id}"[^>]*>مسودة عن الصيد في النيجر`),
    );
    assert.ok(await site.services.repos.media.byId(photo.id));

    const authorTry = await clients
      .get('author')!
      .submit(`/newsroom/media/${photo.id}`, `/newsroom/media/${photo.id}/delete`, {});
    assert.equal(authorTry.status, 403);

    await site.services.repos.articles.update(article.id, { bodyHtml: '<p>بلا صورة</p>' });
    assert.ok(await exists(photo.variants[0]!.path));
    const deleted = await editor.submit(
      `/newsroom/media/${photo.id}`,
      `/newsroom/media/${photo.id}/delete`,
      {},
    );
    assert.equal(deleted.status, 303);
    assert.equal(deleted.location, '/newsroom/media?deleted=1');
    assert.equal(await site.services.repos.media.byId(photo.id), null);
    assert.equal(await exists(photo.path), false);
    assert.equal(await exists(photo.variants[0]!.path), false);
    const [entry] = await site.services.repos.audit.list({ limit: 1, action: 'media.delete' });
    assert.equal(entry?.targetId, String(photo.id));
    const gone = await editor.get(`/newsroom/media/${photo.id}`);
    assert.equal(gone.status, 404);
  });

  it('answers a refused delete in JSON with the list, in the interface language', async () => {
    const [person] = await site.services.repos.people.list();
    const avatar = await site.services.repos.media.create({
      path: '2026/11/avatar0001.jpg',
      mime: 'image/jpeg',
      size: 5,
    });
    await site.services.repos.people.update(person!.id, { avatarMediaId: avatar.id });
    const editor = clients.get('editor')!;
    const page = await editor.get(`/newsroom/media/${avatar.id}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await site.app.inject({
      method: 'POST',
      url: `/newsroom/media/${avatar.id}/delete`,
      headers: {
        cookie: cookieOf(editor),
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
    assert.equal(res.statusCode, 409);
    const body = res.json() as {
      error: { code: string; message: string; usage: { people: { id: number }[] } };
    };
    assert.equal(body.error.code, 'in_use');
    assert.match(body.error.message, /لا يمكن حذف/);
    assert.deepEqual(
      body.error.usage.people.map((p) => p.id),
      [person!.id],
    );
  });
});

function cookieOf(client: NewsroomClient): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
