// The focal-point command on both engines: stored as fractions of the picture, read back on the
// media item, put back to the centre with null, audited; refused for someone who may not upload,
// for values outside 0..1 and for a file that is not an image. And its effect on a crop: a card's
// 16:9 crop of the image keeps the chosen point in view (media/focal.ts and site.css).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPerson } from '../../../test/support/factories.ts';
import { loadConfig } from '../../config.ts';
import { Forbidden, Invalid } from '../../core/errors.ts';
import type { Person } from '../../core/types.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { focalClass } from '../../media/focal.ts';
import { presentImage } from '../../web/reader/presenters.ts';
import type { Actor } from '../actor.ts';
import { type Services, servicesFor } from '../context.ts';
import { setFocalPoint } from './update-media.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-focal-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const as = (person: Person): Actor => ({ person, ipHash: 'test' });

await forEachEngine((engine) => {
  describe('focal point command', () => {
    let services: Services;
    const ready = (async () => {
      const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
      services = servicesFor(config, await engine.fresh());
    })();
    const photo = () =>
      services.repos.media.create({
        path: `2026/12/oasis-${Math.random().toString(36).slice(2)}.jpg`,
        mime: 'image/jpeg',
        size: 1000,
        width: 1600,
        height: 900,
        alt: 'نخيل الواحة',
      });

    it('stores the point, reads it back, puts it back to the centre, one audit row each', async () => {
      await ready;
      const author = await buildPerson(services, { role: 'author' });
      const media = await photo();
      assert.equal(media.focal, null, 'none until chosen');
      const set = await setFocalPoint(services, as(author), {
        mediaId: media.id,
        focal: { x: 0.8123, y: 0.25 },
      });
      assert.deepEqual(set.focal, { x: 0.812, y: 0.25 });
      assert.deepEqual((await services.repos.media.byId(media.id))?.focal, { x: 0.812, y: 0.25 });
      const cleared = await setFocalPoint(services, as(author), { mediaId: media.id, focal: null });
      assert.equal(cleared.focal, null);
      assert.equal((await services.repos.media.byId(media.id))?.focal, null);
      const rows = (await services.repos.audit.list({ limit: 50, action: 'media.focal' })).filter(
        (r) => r.targetId === String(media.id),
      );
      assert.equal(rows.length, 2);
    });

    it('refuses a contributor, values outside the picture and a file that is not an image', async () => {
      await ready;
      const contributor = await buildPerson(services, { role: 'contributor' });
      const editor = await buildPerson(services, { role: 'editor' });
      const media = await photo();
      await assert.rejects(
        setFocalPoint(services, as(contributor), { mediaId: media.id, focal: { x: 0.5, y: 0.5 } }),
        Forbidden,
      );
      await assert.rejects(
        setFocalPoint(services, as(editor), { mediaId: media.id, focal: { x: 1.5, y: 0.5 } }),
        Invalid,
      );
      const pdf = await services.repos.media.create({
        path: '2026/12/budget.pdf',
        mime: 'application/pdf',
        size: 10,
      });
      await assert.rejects(
        setFocalPoint(services, as(editor), { mediaId: pdf.id, focal: { x: 0.2, y: 0.2 } }),
        Invalid,
      );
      assert.equal((await services.repos.media.byId(media.id))?.focal, null, 'nothing stored');
    });

    it('the card crop of the image keeps the point: its classes place the crop there', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const media = await setFocalPoint(services, as(editor), {
        mediaId: (await photo()).id,
        focal: { x: 0.84, y: 0.16 },
      });
      assert.equal(presentImage(media)?.focalClass, 'fx-8 fy-2');
      assert.equal(presentImage({ ...media, focal: null })?.focalClass, undefined, 'the centre by default');
    });
  });
});

describe('focal classes and the crop rule', () => {
  it('rounds to tenths within the picture', () => {
    assert.equal(focalClass({ x: 0, y: 1 }), 'fx-0 fy-10');
    assert.equal(focalClass({ x: 0.449, y: 0.451 }), 'fx-4 fy-5');
    assert.equal(focalClass(null), '');
  });

  it('site.css turns each class into the object-position of the cropped card image', () => {
    const css = fs.readFileSync(path.resolve('src/web/assets/site.css'), 'utf8');
    assert.match(
      css,
      /\.card-img img \{[^}]*object-fit: cover;[^}]*object-position: var\(--fx, 50%\) var\(--fy, 50%\);/,
    );
    for (let i = 0; i <= 10; i++) {
      assert.match(css, new RegExp(`\\.fx-${i} \\{\\s*--fx: ${i * 10}%;\\s*\\}`), `fx-${i}`);
      assert.match(css, new RegExp(`\\.fy-${i} \\{\\s*--fy: ${i * 10}%;\\s*\\}`), `fy-${i}`);
    }
  });
});
