// Opaque pagination cursors: the position of the last article a client saw (its publication
// time and id), so the next page starts right after it however many articles were published
// meanwhile. Base64url JSON; anything that does not decode to that shape is a 400.
import { z } from 'zod';
import type { IsoDate } from '../../core/types.ts';
import { BadRequest } from './schema.ts';

export interface Cursor {
  publishedAt: IsoDate;
  id: number;
}

const Shape = z.tuple([z.iso.datetime(), z.number().int().positive()]);

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.publishedAt, c.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    const [publishedAt, id] = Shape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { publishedAt, id };
  } catch {
    throw new BadRequest(
      'invalid_cursor',
      'The cursor is malformed; use the next_cursor of a previous answer.',
    );
  }
}

/**
 * Search results are ranked by a score, not ordered by a column, so there is no "last item"
 * position to resume after: the search cursor holds how many results were already given, and a
 * fingerprint of the search it belongs to, so it cannot be replayed against another one.
 */
export interface SearchCursor {
  offset: number;
  search: string;
}

const SearchShape = z.tuple([z.literal('s'), z.number().int().min(1).max(1_000_000), z.string().max(64)]);

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify(['s', c.offset, c.search])).toString('base64url');
}

/** The offset to resume at; a cursor of another search, or not one at all, is a 400. */
export function decodeSearchCursor(text: string, search: string): number {
  let offset: number;
  let of: string;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    [, offset, of] = SearchShape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new BadRequest(
      'invalid_cursor',
      'The cursor is malformed; use the next_cursor of a previous answer.',
    );
  }
  if (of !== search) {
    throw new BadRequest(
      'invalid_cursor',
      'This cursor belongs to another search: keep q, the filters and sort as they were.',
    );
  }
  return offset;
}
