// A real Midad site for tests: a fresh data folder, a migrated SQLite (or PostgreSQL)
// database with the demo content, and the Fastify app, optionally listening on a free port.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Article } from '../../src/core/types.ts';
import { openServices, type Services } from '../../src/services/context.ts';
import type { RateLimiter } from '../../src/services/rate-limit.ts';
import type { SignInThrottles } from '../../src/services/auth/throttle.ts';
import { initializeSite } from '../../src/services/setup.ts';
import { buildApp } from '../../src/web/app.ts';

export interface TestSite {
  app: FastifyInstance;
  services: Services;
  baseUrl: string;
  dataDir: string;
  admin: { email: string; password: string };
  mainArticle: Article;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestSite(
  options: {
    listen?: boolean;
    commentLimiter?: RateLimiter;
    signInThrottles?: SignInThrottles;
    databaseUrl?: string;
    /** The whole-page cache, on by default as in production; off to measure rendering. */
    pageCache?: boolean;
    /** A CDN purge hook to call on changes. */
    cdnPurge?: { url: string; token: string | null };
    /** Settings as an operator would set them (a public https URL, short timeouts). */
    config?: Partial<Config>;
    /** Told of every route the app adds. */
    onRoute?: (route: { method: string | string[]; url: string }) => void;
  } = {},
): Promise<TestSite> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-test-'));
  const port = options.listen ? await freePort() : 3000;
  const config = loadConfig(
    {},
    {
      dataDir,
      port,
      host: '127.0.0.1',
      logLevel: 'silent',
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...options.config,
    },
  );
  if (options.pageCache === false) config.cache = { ...config.cache, pageCacheBytes: 0 };
  if (options.cdnPurge) config.cache = { ...config.cache, purge: options.cdnPurge };
  const services = await openServices(config);
  const setup = await initializeSite(services, { demo: true });
  if (!setup.admin) throw new Error('a fresh test site must create its admin');
  const app = await buildApp({
    services,
    logger: false,
    ...(options.commentLimiter ? { commentLimiter: options.commentLimiter } : {}),
    ...(options.signInThrottles ? { signInThrottles: options.signInThrottles } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  });
  if (options.listen) await app.listen({ host: '127.0.0.1', port });
  const featured = await services.repos.articles.listPublished({ lang: 'ar', featured: true, limit: 1 });
  const mainArticle = featured.items[0];
  if (!mainArticle) throw new Error('the demo content has no featured Arabic article');
  return {
    app,
    services,
    // Where the server answers, also when the public URL is another (an https origin in front).
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    admin: setup.admin,
    mainArticle,
    close: async () => {
      await app.close();
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
