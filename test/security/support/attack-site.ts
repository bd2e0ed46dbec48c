// What the attack files share: a fingerprint of the stored data (to prove that a refused attack
// changed nothing), raw HTTP requests that no client library tidies up first (`..` segments,
// CR/LF, odd encodings), and the route table read from the running app.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/schema.ts';
import type { Services } from '../../../src/services/context.ts';

/**
 * Tables that change by design on any request: sessions slide their expiry and the audit log
 * records refusals for the operator. Everything else is content or configuration.
 */
const VOLATILE = new Set(['sessions', 'audit_log']);

export const ALL_TABLES: (keyof Database)[] = [
  'people',
  'sections',
  'tags',
  'articles',
  'article_authors',
  'article_tags',
  'comments',
  'media',
  'redirects',
  'settings',
  'sessions',
  'recovery_codes',
  'invitations',
  'import_runs',
  'audit_log',
  'revisions',
  'preview_tokens',
  'webhooks',
  'webhook_deliveries',
  'related_docs',
  'related_terms',
  'related_df',
  'related_articles',
  'related_duplicates',
];

/** A hash of every row of the given tables (by default all but the volatile ones), order-free. */
export async function dataHash(
  services: Services,
  tables: (keyof Database)[] = ALL_TABLES.filter((t) => !VOLATILE.has(t)),
): Promise<string> {
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = await services.db.kysely.selectFrom(table).selectAll().execute();
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    hash.update(`${table}:${lines.length}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Names and sizes of the files under a data folder (media, uploaded exports), database left out. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile() && !/\.db(-wal|-shm|-journal)?$/.test(f))
    .map((f) => `${path.relative(dir, f)}:${fs.statSync(f).size}`)
    .sort();
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with the path sent byte for byte as given (fetch would resolve `..` first). */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<RawReply> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
        timeout: 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer to ${options.path}`)));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export interface Route {
  method: string;
  url: string;
}

/** Every route of the app with its methods, read from Fastify's own table (printRoutes). */
export function routesOf(app: FastifyInstance): Route[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: Route[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)(?:├── |└── )(\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = Array.from(m[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(m[2] ?? '');
    const url = stack.join('').replace(/\/\/+/g, '/');
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}

/** Builds a multipart/form-data body from fields and at most one file. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { field: string; name: string; type: string; data: Buffer },
): { body: Buffer; contentType: string } {
  const boundary = `----midad-attack-${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The cookie header a client holds, for raw requests made on its behalf. */
export function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
