// Beacons answered straight from Node's request event, before Fastify, as fresh cached pages
// are (cache/fast-path.ts): a beacon is a tiny body and an empty 204, and going through every
// hook of the app (security headers, compression, cookies, the page cache's own) would cost
// more than the cached page it counts. The Fastify route in hit-route.ts stays for anything this
// declines (a form body, which the site's strict form parser must judge like any other) and
// for app.inject().
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BEACON_BYTES } from '../../services/readership/beacon.ts';
import type { ReadershipCounter } from '../../services/readership/record.ts';

export type EarlyHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'",
};

/**
 * The client's address as Fastify gives it as request.ip: with MIDAD_TRUST_PROXY=1 (every proxy
 * trusted) the first address of X-Forwarded-For, otherwise the socket's.
 */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded !== '') {
    return forwarded.split(',')[0]!.trim();
  }
  return req.socket.remoteAddress ?? '';
}

export function beaconFastPath(
  counter: () => ReadershipCounter,
  path: string,
  trustProxy: boolean,
  onError: (err: unknown) => void,
): EarlyHandler {
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== path) return false;
    if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return false;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const answer = () => {
      if (!res.headersSent) res.writeHead(204, HEADERS).end();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BEACON_BYTES * 2) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => answer());
    req.on('end', () => {
      if (tooLarge) {
        answer();
        return;
      }
      counter()
        .record({
          body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
          address: clientAddress(req, trustProxy),
          userAgent: req.headers['user-agent'],
          fetchSite:
            typeof req.headers['sec-fetch-site'] === 'string' ? req.headers['sec-fetch-site'] : undefined,
        })
        .catch(onError)
        .finally(answer);
    });
    return true;
  };
}
