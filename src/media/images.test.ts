import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { Invalid } from '../core/errors.ts';
import type { Media } from '../core/types.ts';
import type { MediaRepository, NewMedia } from '../db/repositories/contract.ts';
import { bestFallback, ingestImage, srcsetFor, variantWidths } from './images.ts';
import { LocalMediaStorage, safeJoin } from './storage.ts';

/** An in-memory stand-in for the database, so these tests need no storage code. */
function fakeMediaRepository(): Pick<MediaRepository, 'create' | 'byId' | 'byIds' | 'update'> & {
  rows: Media[];
} {
  const rows: Media[] = [];
  const toMedia = (id: number, input: NewMedia): Media => ({
    id,
    path: input.path,
    mime: input.mime,
    size: input.size,
    width: input.width ?? null,
    height: input.height ?? null,
    alt: input.alt ?? '',
    caption: input.caption ?? '',
    credit: input.credit ?? '',
    variants: input.variants ?? [],
    createdAt: new Date().toISOString(),
  });
  return {
    rows,
    async create(input) {
      const media = toMedia(rows.length + 1, input);
      rows.push(media);
      return media;
    },
    async byId(id) {
      return rows.find((m) => m.id === id) ?? null;
    },
    async byIds(ids) {
      return rows.filter((m) => ids.includes(m.id));
    },
    async update(id, patch) {
      const index = rows.findIndex((m) => m.id === id);
      const current = rows[index];
      if (!current) throw new Error('no such media');
      const next = { ...current, ...patch } as Media;
      rows[index] = next;
      return next;
    },
  };
}

function pngOf(width: number, height: number, alpha: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 200, g: 120, b: 40, alpha } },
  })
    .png()
    .toBuffer();
}

describe('ingestImage', () => {
  let root: string;
  const now = new Date('2026-11-29T06:00:00Z');

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'midad-media-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores an opaque PNG as JPEG with AVIF, WebP and JPEG variants at each width up to the original', async () => {
    const repo = fakeMediaRepository();
    const media = await ingestImage(
      { buffer: await pngOf(1500, 1000, 1), alt: ' نهر النيجر ', caption: 'تعليق', credit: 'مداد' },
      { repos: { media: repo }, mediaRoot: root, now },
    );
    assert.equal(repo.rows.length, 1);
    assert.equal(media.mime, 'image/jpeg');
    assert.match(media.path, /^2026\/11\/[0-9a-f]{16}\.jpg$/);
    assert.equal(media.width, 1500);
    assert.equal(media.height, 1000);
    assert.equal(media.alt, 'نهر النيجر');
    assert.equal(media.size, (await stat(path.join(root, media.path))).size);

    const expected = [320, 640, 960, 1280].flatMap((w) => [`${w}:avif`, `${w}:webp`, `${w}:jpeg`]);
    assert.deepEqual(
      media.variants.map((v) => `${v.width}:${v.format}`),
      expected,
    );
    for (const variant of media.variants) {
      assert.match(variant.path, /^2026\/11\/[0-9a-f]{16}-\d+\.(avif|webp|jpg)$/);
      const meta = await sharp(await readFile(path.join(root, variant.path))).metadata();
      // sharp reads AVIF as HEIF compressed with AV1.
      assert.equal(
        meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format,
        variant.format,
      );
      assert.equal(meta.width, variant.width);
      assert.equal(meta.height, variant.height);
      assert.equal(variant.height, Math.round((variant.width * 1000) / 1500));
    }
  });

  it('keeps PNG for an image with transparency and never upscales a small one', async () => {
    const repo = fakeMediaRepository();
    const media = await ingestImage(
      { buffer: await pngOf(200, 100, 0.5) },
      { repos: { media: repo }, mediaRoot: root, now },
    );
    assert.equal(media.mime, 'image/png');
    assert.match(media.path, /\.png$/);
    assert.deepEqual(
      media.variants.map((v) => `${v.width}x${v.height}:${v.format}`),
      ['200x100:avif', '200x100:webp', '200x100:jpeg'],
    );
    assert.deepEqual(variantWidths(700), [320, 640]);
  });

  it('applies the EXIF orientation and strips metadata', async () => {
    const rotated = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const media = await ingestImage(
      { buffer: rotated },
      { repos: { media: fakeMediaRepository() }, mediaRoot: root, now },
    );
    assert.equal(media.width, 200);
    assert.equal(media.height, 400);
    const meta = await sharp(await readFile(path.join(root, media.path))).metadata();
    assert.equal(meta.orientation, undefined);
    assert.equal(meta.exif, undefined);
  });

  it('refuses a text file named like a JPEG, and SVG, by content', async () => {
    const repo = fakeMediaRepository();
    const deps = { repos: { media: repo }, mediaRoot: root, now };
    await assert.rejects(
      ingestImage({ buffer: Buffer.from('This is a plain text file, not a photo.\n') }, deps),
      (error: unknown) => error instanceof Invalid && /not an image/.test(error.message),
    );
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await assert.rejects(ingestImage({ buffer: svg }, deps), Invalid);
    await assert.rejects(ingestImage({ buffer: Buffer.alloc(0) }, deps), Invalid);
    assert.equal(repo.rows.length, 0);
  });
});

describe('srcset helpers', () => {
  const media: Media = {
    id: 7,
    path: '2026/11/abc.jpg',
    mime: 'image/jpeg',
    size: 1000,
    width: 1600,
    height: 900,
    alt: '',
    caption: '',
    credit: '',
    createdAt: '2026-11-29T06:00:00.000Z',
    variants: [
      { width: 640, height: 360, format: 'webp', path: '2026/11/abc-640.webp' },
      { width: 320, height: 180, format: 'webp', path: '2026/11/abc-320.webp' },
      { width: 320, height: 180, format: 'jpeg', path: '2026/11/abc-320.jpg' },
      { width: 640, height: 360, format: 'jpeg', path: '2026/11/abc-640.jpg' },
      { width: 960, height: 540, format: 'jpeg', path: '2026/11/abc-960.jpg' },
      { width: 1280, height: 720, format: 'jpeg', path: '2026/11/abc-1280.jpg' },
    ],
  };

  it('lists variants of one format, narrowest first', () => {
    assert.equal(
      srcsetFor(media, 'webp', '/media/'),
      '/media/2026/11/abc-320.webp 320w, /media/2026/11/abc-640.webp 640w',
    );
    assert.equal(
      srcsetFor(media, 'jpeg', 'https://cdn.example/m'),
      'https://cdn.example/m/2026/11/abc-320.jpg 320w, https://cdn.example/m/2026/11/abc-640.jpg 640w, ' +
        'https://cdn.example/m/2026/11/abc-960.jpg 960w, https://cdn.example/m/2026/11/abc-1280.jpg 1280w',
    );
    assert.equal(srcsetFor({ ...media, variants: [] }, 'webp', '/media/'), '');
  });

  it('picks a JPEG near 960 pixels for the fallback', () => {
    assert.deepEqual(bestFallback(media, '/media/'), {
      src: '/media/2026/11/abc-960.jpg',
      width: 960,
      height: 540,
    });
    const small = { ...media, variants: media.variants.filter((v) => v.width <= 640) };
    assert.equal(bestFallback(small, '/media/').src, '/media/2026/11/abc-640.jpg');
    assert.deepEqual(bestFallback({ ...media, variants: [] }, '/media/'), {
      src: '/media/2026/11/abc.jpg',
      width: 1600,
      height: 900,
    });
  });
});

describe('media storage', () => {
  it('never leaves the root', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'midad-store-'));
    try {
      const storage = new LocalMediaStorage(root);
      await storage.save('2026/11/a-1.webp', Buffer.from('x'));
      assert.equal(await storage.exists('2026/11/a-1.webp'), true);
      assert.equal(await storage.exists('2026/11/missing.webp'), false);
      assert.equal((await storage.read('2026/11/a-1.webp')).toString(), 'x');
      for (const bad of [
        '../x.jpg',
        '/etc/passwd',
        '2026/../../x',
        'a\\b.jpg',
        '.hidden',
        'a//b',
        '',
        'a\0b',
      ]) {
        assert.throws(() => safeJoin(root, bad), Invalid, bad);
      }
      await storage.remove('2026/11/a-1.webp');
      assert.equal(await storage.exists('2026/11/a-1.webp'), false);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
