import { type ExpressionBuilder, type Kysely, sql, type Updateable } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { ArticleStatus, Media, MediaKind, MediaVariant } from '../../core/types.ts';
import type { Database, MediaRow, MediaTable } from '../schema.ts';
import type { MediaRepository } from './contract.ts';
import { mediaTrackMethods } from './media-tracks.ts';
import { guardWrite, inOrderOf, nowIso, toCount, unique } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

// Cards and article pages read their pictures (see reusable-query.ts).
const mediaByIds = reusableQuery((db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('media').selectAll().where('id', 'in', ids),
);

export function toMedia(row: MediaRow): Media {
  return {
    id: row.id,
    path: row.path,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants: JSON.parse(row.variants) as MediaVariant[],
    createdAt: row.created_at,
    kind: (row.kind ?? 'image') as MediaKind,
    durationMs: row.duration_ms ?? null,
    codec: row.codec ?? null,
    posterMediaId: row.poster_media_id ?? null,
    focal: row.focal_x === null || row.focal_y === null ? null : { x: row.focal_x, y: row.focal_y },
  };
}

/** A LIKE pattern matching `text` literally anywhere (with ESCAPE '\\'). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Media whose alt text, caption or credit contains every word of `q`. */
function matching(q: string) {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return (eb: ExpressionBuilder<Database, 'media'>) =>
    eb.and(
      words.map((word) =>
        eb.or(
          (['alt', 'caption', 'credit'] as const).map(
            (column) => sql<boolean>`lower(${sql.ref(column)}) like ${containing(word)} escape '\\'`,
          ),
        ),
      ),
    );
}

/** "2026/11/abc.jpg" → "2026/11/abc": the original and every variant ("-640.webp") share it. */
function stemOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
}

export function createMediaRepository(db: Kysely<Database>): MediaRepository {
  const media = () => db.selectFrom('media').selectAll();

  return {
    async create(input) {
      const row = await guardWrite(
        () =>
          db
            .insertInto('media')
            .values({
              path: input.path,
              mime: input.mime,
              size: input.size,
              width: input.width ?? null,
              height: input.height ?? null,
              alt: input.alt ?? '',
              caption: input.caption ?? '',
              credit: input.credit ?? '',
              variants: JSON.stringify(input.variants ?? []),
              kind: input.kind ?? 'image',
              duration_ms: input.durationMs ?? null,
              codec: input.codec ?? null,
              poster_media_id: input.posterMediaId ?? null,
              created_at: nowIso(),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        () => `Media at "${input.path}" conflicts with an existing file.`,
      );
      return toMedia(row);
    },

    async byId(id) {
      const row = await media().where('id', '=', id).executeTakeFirst();
      return row ? toMedia(row) : null;
    },

    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await mediaByIds(db, unique(ids));
      return inOrderOf(ids, rows.map(toMedia));
    },

    async update(id, patch) {
      const set: Updateable<MediaTable> = {};
      if (patch.path !== undefined) set.path = patch.path;
      if (patch.mime !== undefined) set.mime = patch.mime;
      if (patch.size !== undefined) set.size = patch.size;
      if (patch.width !== undefined) set.width = patch.width;
      if (patch.height !== undefined) set.height = patch.height;
      if (patch.alt !== undefined) set.alt = patch.alt;
      if (patch.caption !== undefined) set.caption = patch.caption;
      if (patch.credit !== undefined) set.credit = patch.credit;
      if (patch.variants !== undefined) set.variants = JSON.stringify(patch.variants);
      if (patch.posterMediaId !== undefined) set.poster_media_id = patch.posterMediaId;
      if (patch.focal !== undefined) {
        set.focal_x = patch.focal?.x ?? null;
        set.focal_y = patch.focal?.y ?? null;
      }
      // An empty SET is a syntax error, so a patch with nothing in it is a read.
      const row =
        Object.keys(set).length === 0
          ? await media().where('id', '=', id).executeTakeFirst()
          : await db.updateTable('media').set(set).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw new NotFound(`No media with id ${id}.`);
      return toMedia(row);
    },

    async list(query) {
      const q = query.q?.trim() ?? '';
      const kinds = query.kinds ?? [];
      const filtered = db
        .selectFrom('media')
        .$if(q !== '', (qb) => qb.where(matching(q)))
        .$if(kinds.length > 0, (qb) => qb.where('kind', 'in', [...kinds]));
      const [rows, total] = await Promise.all([
        filtered
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(query.limit)
          .offset(query.offset ?? 0)
          .execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      ]);
      return { items: rows.map(toMedia), total: toCount(total?.n) };
    },

    async usage(id) {
      const item = await db.selectFrom('media').select('path').where('id', '=', id).executeTakeFirst();
      if (!item) return { articles: [], people: [] };
      // The body names a file by URL: the original ("<stem>.jpg") or a variant ("<stem>-640.webp").
      const stem = stemOf(item.path);
      const inBody = (suffix: string) =>
        sql<boolean>`body_html like ${containing(stem + suffix)} escape '\\'`;
      const [articles, people] = await Promise.all([
        db
          .selectFrom('articles')
          .select(['id', 'lang', 'title', 'slug', 'status'])
          .where((eb) => eb.or([eb('featured_media_id', '=', id), inBody('.'), inBody('-')]))
          .orderBy('id')
          .execute(),
        db
          .selectFrom('people')
          .select(['id', 'name', 'slug'])
          .where('avatar_media_id', '=', id)
          .orderBy('id')
          .execute(),
      ]);
      return {
        articles: articles.map((a) => ({ ...a, lang: a.lang, status: a.status as ArticleStatus })),
        people,
      };
    },

    async delete(id) {
      await db.deleteFrom('media').where('id', '=', id).execute();
    },

    ...mediaTrackMethods(db),
  };
}
