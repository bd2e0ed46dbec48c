// What ingest refuses and what it strips: GPS coordinates, decompression bombs, oversized files,
// and PDFs told apart from look-alikes by their bytes.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { Invalid } from '../core/errors.ts';
import type { Media } from '../core/types.ts';
import type { NewMedia } from '../db/repositories/contract.ts';
import { ingestDocument, isPdf } from './documents.ts';
import { ingestImage } from './images.ts';
import { decompressionBomb, exifHasGps, photoWithGps, tinyPdf } from './test-images.ts';

function recorder() {
  const rows: NewMedia[] = [];
  return {
    rows,
    media: {
      async create(input: NewMedia): Promise<Media> {
        rows.push(input);
        return {
          id: rows.length,
          width: null,
          height: null,
          alt: '',
          caption: '',
          credit: '',
          variants: [],
          createdAt: '',
          ...input,
        } as Media;
      },
    },
  };
}

const fieldIs = (code: string) => (error: unknown) => error instanceof Invalid && error.fields.file === code;

describe('ingest checks', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'midad-ingest-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('strips GPS and all other EXIF from the original and every variant', async () => {
    const photo = await photoWithGps();
    assert.ok(exifHasGps((await sharp(photo).metadata()).exif), 'the test photo carries GPS');
    const repos = recorder();
    const media = await ingestImage({ buffer: photo }, { repos, mediaRoot: root });
    const stored = [media.path, ...media.variants.map((v) => v.path)];
    assert.equal(stored.length, 1 + 4 * 3);
    for (const file of stored) {
      const meta = await sharp(await readFile(path.join(root, file))).metadata();
      assert.equal(meta.exif, undefined, `${file} has no EXIF`);
      assert.equal(meta.xmp, undefined, `${file} has no XMP`);
    }
  });

  it('refuses a decompression bomb before decoding it, and stores nothing', async () => {
    const repos = recorder();
    const dir = await mkdtemp(path.join(tmpdir(), 'midad-bomb-'));
    await assert.rejects(
      ingestImage({ buffer: decompressionBomb() }, { repos, mediaRoot: dir }),
      fieldIs('too_many_pixels'),
    );
    assert.equal(repos.rows.length, 0);
    assert.deepEqual(await readdir(dir), []);
    await rm(dir, { recursive: true, force: true });
  });

  it('applies the size limit it is given', async () => {
    const photo = await photoWithGps(400, 300);
    await assert.rejects(
      ingestImage({ buffer: photo }, { repos: recorder(), mediaRoot: root, maxBytes: photo.length - 1 }),
      fieldIs('too_large'),
    );
  });

  it('stores a PDF as a download and refuses HTML named .pdf', async () => {
    assert.equal(isPdf(tinyPdf()), true);
    assert.equal(isPdf(Buffer.from('<!DOCTYPE html><p>%PDF-1.4 %%EOF</p>')), false);
    const repos = recorder();
    const doc = await ingestDocument({ buffer: tinyPdf(), alt: ' دليل ' }, { repos, mediaRoot: root });
    assert.match(doc.path, /^\d{4}\/\d{2}\/[0-9a-f]{16}\.pdf$/);
    assert.equal(doc.mime, 'application/pdf');
    assert.equal(doc.alt, 'دليل');
    assert.deepEqual(await readFile(path.join(root, doc.path)), tinyPdf());
    await assert.rejects(
      ingestDocument({ buffer: Buffer.from('<html><body>hi</body></html>') }, { repos, mediaRoot: root }),
      fieldIs('not_image'),
    );
  });
});
