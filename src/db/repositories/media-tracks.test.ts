// Audio and video rows on every engine: kind, duration, codec and poster kept; caption tracks
// added in order, refused twice, removed, and gone with their WebVTT file or their item.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('audio and video media', () => {
    const { r } = useDatabase(engine);

    it('keeps kind, duration, codec and poster; an image is an image by default', async () => {
      const poster = await r().media.create({ path: '2026/12/poster.jpg', mime: 'image/jpeg', size: 5 });
      assert.equal(poster.kind, 'image');
      assert.equal(poster.durationMs, null);
      const video = await r().media.create({
        path: '2026/12/clip.mp4',
        mime: 'video/mp4',
        size: 900,
        kind: 'video',
        width: 640,
        height: 360,
        durationMs: 93_500,
        codec: 'avc1, AAC',
      });
      assert.deepEqual(
        [video.kind, video.durationMs, video.codec, video.posterMediaId],
        ['video', 93_500, 'avc1, AAC', null],
      );
      const withPoster = await r().media.update(video.id, { posterMediaId: poster.id });
      assert.equal(withPoster.posterMediaId, poster.id);
      // Deleting the poster image leaves the video without one.
      await r().media.delete(poster.id);
      assert.equal((await r().media.byId(video.id))?.posterMediaId, null);
    });

    it('adds caption tracks in order, refuses the same file twice, removes them', async () => {
      const audio = await r().media.create({
        path: '2026/12/talk.mp3',
        mime: 'audio/mpeg',
        size: 9,
        kind: 'audio',
        durationMs: 61_000,
      });
      const ar = await r().media.create({
        path: '2026/12/talk-ar.vtt',
        mime: 'text/vtt',
        size: 9,
        kind: 'captions',
      });
      const fr = await r().media.create({
        path: '2026/12/talk-fr.vtt',
        mime: 'text/vtt',
        size: 9,
        kind: 'captions',
      });
      const first = await r().media.addTrack({
        mediaId: audio.id,
        trackMediaId: ar.id,
        lang: 'ar',
        label: 'العربية',
        kind: 'captions',
      });
      const second = await r().media.addTrack({
        mediaId: audio.id,
        trackMediaId: fr.id,
        lang: 'fr',
        label: 'Français',
        kind: 'subtitles',
      });
      assert.equal(first.path, '2026/12/talk-ar.vtt');
      assert.deepEqual(
        (await r().media.tracksOf([audio.id])).map((t) => [t.lang, t.label, t.kind, t.position]),
        [
          ['ar', 'العربية', 'captions', 1],
          ['fr', 'Français', 'subtitles', 2],
        ],
      );
      await assert.rejects(
        () =>
          r().media.addTrack({
            mediaId: audio.id,
            trackMediaId: ar.id,
            lang: 'ar',
            label: 'x',
            kind: 'captions',
          }),
        Conflict,
      );
      assert.equal(await r().media.removeTrack(audio.id + 999, second.id), false);
      assert.equal(await r().media.removeTrack(audio.id, second.id), true);
      // Deleting the WebVTT file removes its track; deleting the item removes the rest.
      await r().media.delete(ar.id);
      assert.deepEqual(await r().media.tracksOf([audio.id]), []);
      const again = await r().media.addTrack({
        mediaId: audio.id,
        trackMediaId: fr.id,
        lang: 'fr',
        label: 'Français',
        kind: 'captions',
      });
      assert.ok(again.id > 0);
      await r().media.delete(audio.id);
      assert.deepEqual(await r().media.tracksOf([audio.id]), []);
    });
  });
});
