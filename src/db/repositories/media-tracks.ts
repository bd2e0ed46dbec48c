// Caption and subtitle tracks of audio and video items: rows of media_tracks joined to the
// WebVTT file each one plays.
import type { Kysely } from 'kysely';
import type { MediaTrack } from '../../core/types.ts';
import type { Database } from '../schema.ts';
import type { MediaRepository } from './contract.ts';
import { guardWrite } from './support.ts';

type TrackMethods = Pick<MediaRepository, 'tracksOf' | 'addTrack' | 'removeTrack'>;

export function mediaTrackMethods(db: Kysely<Database>): TrackMethods {
  const tracks = () =>
    db
      .selectFrom('media_tracks')
      .innerJoin('media', 'media.id', 'media_tracks.track_media_id')
      .select([
        'media_tracks.id',
        'media_tracks.media_id',
        'media_tracks.track_media_id',
        'media_tracks.lang',
        'media_tracks.label',
        'media_tracks.kind',
        'media_tracks.position',
        'media.path',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof tracks>['executeTakeFirstOrThrow']>>;
  const toTrack = (row: Row): MediaTrack => ({
    id: row.id,
    mediaId: row.media_id,
    trackMediaId: row.track_media_id,
    path: row.path,
    lang: row.lang,
    label: row.label,
    kind: row.kind === 'subtitles' ? 'subtitles' : 'captions',
    position: row.position,
  });

  return {
    async tracksOf(mediaIds) {
      if (mediaIds.length === 0) return [];
      const rows = await tracks()
        .where('media_tracks.media_id', 'in', [...new Set(mediaIds)])
        .orderBy('media_tracks.media_id')
        .orderBy('media_tracks.position')
        .orderBy('media_tracks.id')
        .execute();
      return rows.map(toTrack);
    },

    async addTrack(input) {
      const last = await db
        .selectFrom('media_tracks')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('media_id', '=', input.mediaId)
        .executeTakeFirst();
      const inserted = await guardWrite(
        () =>
          db
            .insertInto('media_tracks')
            .values({
              media_id: input.mediaId,
              track_media_id: input.trackMediaId,
              lang: input.lang,
              label: input.label,
              kind: input.kind,
              position: Number(last?.p ?? 0) + 1,
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        () => 'That captions file is already a track of this item.',
      );
      return toTrack(await tracks().where('media_tracks.id', '=', inserted.id).executeTakeFirstOrThrow());
    },

    async removeTrack(mediaId, trackId) {
      const result = await db
        .deleteFrom('media_tracks')
        .where('id', '=', trackId)
        .where('media_id', '=', mediaId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
