// Uploads over HTTP: by form and from the editor (JSON), checked by content, size-limited,
// bombs refused, GPS stripped, and refused to roles without the right, with nothing stored.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { csrfFrom, type NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Role } from '../../../core/types.ts';
import { decompressionBomb, exifHasGps, photoWithGps, tinyPdf } from '../../../media/test-images.ts';
import { MAX_UPLOAD_SETTING } from '../../../services/media/queries.ts';
import { postMultipart, signedInClients, stored } from '../../../../test/support/media-library.ts';

let site: TestSite;
let clients: Map<Role, NewsroomClient>;

before(async () => {
  site = await startTestSite();
  clients = await signedInClients(site);
});
after(() => site.close());

async function token(role: Role): Promise<string> {
  return csrfFrom((await clients.get(role)!.get('/newsroom/media')).body);
}

describe('media upload', () => {
  it('stores a photo from the form, strips its GPS data and opens its page', async () => {
    const photo = await photoWithGps();
    assert.ok(exifHasGps((await sharp(photo).metadata()).exif));
    const res = await postMultipart(
      site,
      clients.get('author')!,
      { _csrf: await token('author'), alt: 'سوق في باماكو' },
      { name: 'souk.jpg', type: 'image/jpeg', data: photo },
    );
    assert.equal(res.status, 303);
    const id = Number(/^\/newsroom\/media\/(\d+)\?uploaded=1$/.exec(res.location ?? '')?.[1]);
    const media = (await site.services.repos.media.byId(id))!;
    assert.equal(media.alt, 'سوق في باماكو');
    assert.deepEqual([...new Set(media.variants.map((v) => v.format))].sort(), ['avif', 'jpeg', 'webp']);
    for (const file of [media.path, ...media.variants.map((v) => v.path)]) {
      const meta = await sharp(await readFile(path.join(site.services.config.mediaRoot, file))).metadata();
      assert.equal(meta.exif, undefined, `${file} carries no EXIF`);
    }
    const page = await clients.get('author')!.get(res.location!);
    assert.equal(page.status, 200);
    assert.match(page.body, /رُفع الملف/);
    assert.match(page.body, /AVIF/);
  });

  it('refuses HTML renamed .jpg with a clear message, storing nothing', async () => {
    const before = await stored(site);
    const res = await postMultipart(
      site,
      clients.get('editor')!,
      { _csrf: await token('editor'), alt: 'نص مكتوب' },
      {
        name: 'photo.jpg',
        type: 'image/jpeg',
        data: Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
      },
    );
    assert.equal(res.status, 422);
    assert.match(res.body, /محتوى الملف ليس صورة ولا مستند PDF/);
    assert.match(res.body, /value="نص مكتوب"/, 'the typed alt text is kept');
    assert.deepEqual(await stored(site), before);
  });

  it('refuses a file over the size limit with 413, storing nothing', async () => {
    await site.services.repos.settings.set(MAX_UPLOAD_SETTING, 0.05);
    try {
      const before = await stored(site);
      const big = await sharp({
        create: {
          width: 600,
          height: 600,
          channels: 3,
          background: '#000',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png()
        .toBuffer();
      assert.ok(big.length > 0.05 * 1024 * 1024);
      const res = await postMultipart(
        site,
        clients.get('editor')!,
        { _csrf: await token('editor') },
        { name: 'big.png', type: 'image/png', data: big },
      );
      assert.equal(res.status, 413);
      assert.match(res.body, /الملف أكبر من الحد المسموح \(0\.05 ميغابايت\)\. لم يُحفظ شيء\./);
      const json = await postMultipart(
        site,
        clients.get('editor')!,
        { _csrf: await token('editor') },
        { name: 'big.png', type: 'image/png', data: big },
        'application/json',
      );
      assert.equal(json.status, 413);
      assert.deepEqual(Object.keys((json.json() as { error: object }).error), ['code', 'message']);
      assert.deepEqual(await stored(site), before);
    } finally {
      await site.services.repos.settings.set(MAX_UPLOAD_SETTING, undefined);
    }
  });

  it('refuses a decompression bomb', async () => {
    const before = await stored(site);
    const res = await postMultipart(
      site,
      clients.get('editor')!,
      { _csrf: await token('editor') },
      { name: 'tiny.png', type: 'image/png', data: decompressionBomb() },
      'application/json',
    );
    assert.equal(res.status, 422);
    assert.equal((res.json() as { error: { code: string } }).error.code, 'too_many_pixels');
    assert.deepEqual(await stored(site), before);
  });

  it('answers the editor in JSON, and keeps a PDF as a download', async () => {
    const res = await postMultipart(
      site,
      clients.get('author')!,
      { _csrf: await token('author') },
      { name: 'river.png', type: 'image/png', data: await photoWithGps(700, 400) },
      'application/json',
    );
    assert.equal(res.status, 201);
    const { item } = res.json() as { item: Record<string, unknown> };
    assert.deepEqual(Object.keys(item).sort(), [
      'alt',
      'caption',
      'credit',
      'focal',
      'height',
      'id',
      'mime',
      'src',
      'srcset',
      'thumb',
      'width',
    ]);
    assert.match(String(item.srcset), /-320\.jpg 320w, .*-640\.jpg 640w$/);
    const pdf = await postMultipart(
      site,
      clients.get('author')!,
      { _csrf: await token('author') },
      { name: 'report.pdf', type: 'application/pdf', data: tinyPdf() },
      'application/json',
    );
    assert.equal(pdf.status, 201);
    const doc = (pdf.json() as { item: { src: string; mime: string; thumb: null } }).item;
    assert.equal(doc.mime, 'application/pdf');
    assert.equal(doc.thumb, null);
    assert.match(doc.src, /^\/media\/\d{4}\/\d{2}\/[0-9a-f]{16}\.pdf$/);
  });

  it('refuses a text field given twice with a 400, storing nothing', async () => {
    const before = await stored(site);
    const editor = clients.get('editor')!;
    const form = new FormData();
    form.append('_csrf', await token('editor'));
    form.append('alt', 'أول');
    form.append('alt', 'ثان');
    const photo = new Uint8Array(await photoWithGps(400, 300));
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'a.jpg');
    const request = new Request('http://localhost/newsroom/media', { method: 'POST', body: form });
    const res = await site.app.inject({
      method: 'POST',
      url: '/newsroom/media',
      headers: {
        cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': request.headers.get('content-type') ?? '',
        accept: 'application/json',
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    assert.equal(res.statusCode, 400);
    const body = res.json() as { error: { code: string; fields: Record<string, string> } };
    assert.deepEqual([body.error.code, body.error.fields], ['malformed', { alt: 'repeated' }]);
    assert.deepEqual(await stored(site), before);
  });

  it('audits an upload with who made it', async () => {
    const res = await postMultipart(
      site,
      clients.get('author')!,
      { _csrf: await token('author') },
      { name: 'report.pdf', type: 'application/pdf', data: tinyPdf() },
      'application/json',
    );
    const { item } = res.json() as { item: { id: number } };
    const [entry] = await site.services.repos.audit.list({ limit: 1, action: 'media.upload' });
    assert.equal(entry?.targetId, String(item.id));
  });

  it('refuses a contributor (403) and a missing CSRF token, storing nothing', async () => {
    const before = await stored(site);
    const photo = { name: 'a.jpg', type: 'image/jpeg', data: await photoWithGps(400, 300) };
    const contributor = clients.get('contributor')!;
    const page = await contributor.get('/newsroom/media');
    assert.equal(page.status, 403);
    const forbidden = await postMultipart(site, contributor, { _csrf: csrfFrom(page.body) }, photo);
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.body, /ليست لديك صلاحية/);
    const noToken = await postMultipart(site, clients.get('editor')!, {}, photo, 'application/json');
    assert.equal(noToken.status, 403);
    assert.equal((noToken.json() as { error: { code: string } }).error.code, 'csrf');
    assert.deepEqual(await stored(site), before);
  });
});
