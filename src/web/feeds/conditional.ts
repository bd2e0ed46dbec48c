// Conditional GET for generated documents (feeds, sitemaps, API answers): an ETag from the
// body and, when known, a Last-Modified from the data, so a poller that already has the
// current version gets an empty 304 instead of the whole document again.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CacheableBody {
  body: string;
  type: string;
  /** ISO date of the newest change in the data, when there is one. */
  lastModified?: string | null;
  /** Seconds shared caches and clients may reuse the answer. */
  maxAge?: number;
}

/** Weak, because compression changes the bytes on the wire but not the meaning. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

export function isFresh(
  headers: FastifyRequest['headers'],
  etag: string,
  lastModified: Date | null,
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') {
    // When both are sent, If-None-Match decides (RFC 9110 §13.2.2).
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => opaque(t) === opaque(etag));
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (typeof ifModifiedSince === 'string' && lastModified) {
    const since = Date.parse(ifModifiedSince);
    // HTTP dates have whole seconds.
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  doc: CacheableBody,
): FastifyReply {
  const etag = etagOf(doc.body);
  const lastModified = doc.lastModified ? new Date(doc.lastModified) : null;
  reply.header('etag', etag);
  if (lastModified && !Number.isNaN(lastModified.getTime())) {
    reply.header('last-modified', lastModified.toUTCString());
  }
  const maxAge = doc.maxAge ?? 300;
  reply.header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 2}`);
  if (isFresh(request.headers, etag, lastModified)) return reply.code(304).send();
  return reply.type(doc.type).send(doc.body);
}
