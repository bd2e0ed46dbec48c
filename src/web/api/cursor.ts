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
