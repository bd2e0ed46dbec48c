// The audio and video commands on both engines: an upload over its own limit is refused before
// anything is stored, a recording comes in with its duration, a caption track is added in the
// same transaction as its WebVTT file (a refused one leaves neither), and a poster is set.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import sharp from 'sharp';
import { loadConfig } from '../../config.ts';
import { Invalid } from '../../core/errors.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { minimalMp4, wavFile } from '../../media/test-av.ts';
import { servicesFor } from '../context.ts';
import { initializeSite } from '../setup.ts';
import { addStaff } from '../staff.ts';
import { addCaptionTrack, setPoster } from './audio-video.ts';
import { MAX_AV_UPLOAD_SETTING } from './queries.ts';
import { uploadMedia } from './upload-media.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-av-commands-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function filesUnder(root: string): number {
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

await forEachEngine((engine) => {
  it('uploads, limits, captions and posters audio and video', async () => {
    const services = servicesFor(
      loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' }),
      await engine.fresh(),
    );
    await initializeSite(services, { demo: false });
    await addStaff(services, {
      email: 'awa.av@midad.example',
      name: 'Awa',
      role: 'editor',
      password: 'river crossing at dawn 2026',
    });
    const person = (await services.repos.people.byEmail('awa.av@midad.example'))!;
    const actor = { person, ipHash: '' };
    const root = services.config.mediaRoot;
    const stored = async () => ({
      rows: (await services.repos.media.list({ limit: 1 })).total,
      files: filesUnder(root),
    });

    await services.repos.settings.set(MAX_AV_UPLOAD_SETTING, 0.01);
    const before = await stored();
    await assert.rejects(
      () => uploadMedia(services, actor, { buffer: wavFile(2), filename: 'talk.wav' }),
      (e: unknown) => e instanceof Invalid && e.fields.file === 'too_large_av',
    );
    assert.deepEqual(await stored(), before, 'nothing stored');
    await services.repos.settings.set(MAX_AV_UPLOAD_SETTING, 200);

    const audio = await uploadMedia(services, actor, { buffer: wavFile(2), filename: 'talk.wav' });
    assert.deepEqual([audio.kind, audio.durationMs], ['audio', 2000]);
    await assert.rejects(
      () =>
        uploadMedia(services, actor, {
          buffer: Buffer.from('plain text, not sound'.repeat(10)),
          filename: 'talk.mp3',
        }),
      (e: unknown) => e instanceof Invalid && e.fields.file === 'not_audio_video',
    );

    const track = await addCaptionTrack(services, actor, {
      mediaId: audio.id,
      buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nمرحبا\n'),
      lang: 'ar',
      label: 'العربية',
    });
    assert.match(track.path, /\.vtt$/);
    const withTrack = await stored();
    await assert.rejects(
      () =>
        addCaptionTrack(services, actor, {
          mediaId: audio.id,
          buffer: Buffer.from('not captions'),
          lang: 'fr',
          label: 'Français',
        }),
      (e: unknown) => e instanceof Invalid && e.fields.file === 'bad_captions',
    );
    assert.deepEqual(await stored(), withTrack, 'a refused track leaves no file and no row');

    const video = await uploadMedia(services, actor, {
      buffer: minimalMp4({ durationMs: 9000, width: 640, height: 360 }),
    });
    const poster = await uploadMedia(services, actor, {
      buffer: await sharp({ create: { width: 32, height: 18, channels: 3, background: '#123456' } })
        .jpeg()
        .toBuffer(),
    });
    assert.equal(
      (await setPoster(services, actor, { mediaId: video.id, posterMediaId: poster.id })).posterMediaId,
      poster.id,
    );
    await assert.rejects(
      () => setPoster(services, actor, { mediaId: video.id, posterMediaId: audio.id }),
      (e: unknown) => e instanceof Invalid && e.fields.poster === 'not_image',
    );
    await assert.rejects(
      () => setPoster(services, actor, { mediaId: audio.id, posterMediaId: poster.id }),
      Invalid,
    );
    const audit = await services.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['media.upload', 'media.track.add', 'media.poster'])
      .execute();
    assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), [
      'media.poster',
      'media.track.add',
      'media.upload',
    ]);
  });
});
