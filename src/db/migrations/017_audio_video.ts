// Audio and video in the media library: what each item is (image, document, audio, video,
// captions), the playing time and codec read from audio and video files, the poster image of
// a video, and the WebVTT caption and subtitle tracks attached to audio or video.
import { type Kysely, sql } from 'kysely';
import { type Dialect, idColumn } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('media')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('image'))
    .execute();
  // PDFs were the only other kind the library held before.
  await sql`update media set kind = 'document' where mime = 'application/pdf'`.execute(db);
  await db.schema.alterTable('media').addColumn('duration_ms', 'integer').execute();
  await db.schema.alterTable('media').addColumn('codec', 'text').execute();
  // Deleting the poster image leaves the video without one.
  await db.schema
    .alterTable('media')
    .addColumn('poster_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute();
  await idColumn(db.schema.createTable('media_tracks'), dialect)
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    // Deleting the WebVTT file removes the track that plays it.
    .addColumn('track_media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('media_tracks_file_unique', ['media_id', 'track_media_id'])
    .execute();
  await db.schema.createIndex('media_tracks_track_idx').on('media_tracks').column('track_media_id').execute();
}
