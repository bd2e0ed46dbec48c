// Content codings for stored pages: each body is compressed once, when it is stored, and each
// request gets the coding its Accept-Encoding prefers among brotli, gzip and none.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this, compression saves less than the header costs (the same as @fastify/compress). */
export const COMPRESS_THRESHOLD = 1024;

function brotliOptions(size: number): zlib.BrotliOptions {
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      // On a 44 KB article: quality 6 takes about 2 ms and comes within 1% of quality 9, which
      // takes 30-60 ms; paid once per stored page, off the main thread.
      [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
      // The encoder sizes its window and tables for the body instead of for 4 MB: a few hundred
      // KB of native memory per page instead of several MB.
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
      [zlib.constants.BROTLI_PARAM_LGWIN]: Math.min(22, Math.max(16, Math.ceil(Math.log2(size + 1)))),
    },
  };
}

/**
 * Pages compressed at once. Each compression holds its encoders' native memory from the call
 * on, however long it waits for one of libuv's four threads; when many cached pages go stale
 * together under load, hundreds of them left glibc holding a few hundred MB for good (bench/soak).
 */
const PARALLEL_COMPRESSIONS = 2;
let compressing = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A finished compression hands its place to the next in line, so none is taken in between.
  if (compressing < PARALLEL_COMPRESSIONS) compressing++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else compressing--;
  }
}

export async function compressBoth(body: Buffer): Promise<{ gzip: Buffer | null; br: Buffer | null }> {
  if (body.length < COMPRESS_THRESHOLD) return { gzip: null, br: null };
  const [g, b] = await inTurn(() =>
    Promise.all([gzip(body, { level: 6 }), brotli(body, brotliOptions(body.length))]),
  );
  return { gzip: g.length < body.length ? g : null, br: b.length < body.length ? b : null };
}

export function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

/**
 * The preferred coding the client accepts (q > 0), brotli first. `*` stands for any coding and
 * `x-gzip` for gzip; an absent header means any coding is acceptable (RFC 9110 §12.5.3), but we
 * answer such requests uncompressed, as clients that send no header rarely decode.
 */
export function negotiate(header: string | undefined, available: { br: boolean; gzip: boolean }): Coding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name.trim() === 'x-gzip' ? 'gzip' : name.trim(), weight);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (available.br && accepts('br')) return 'br';
  if (available.gzip && accepts('gzip')) return 'gzip';
  return 'identity';
}
