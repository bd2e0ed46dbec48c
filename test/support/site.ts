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
import { defaultSignInThrottles } from '../../src/services/auth/throttle.ts';
import { generatePassword } from '../../src/services/passwords.ts';
import { initializeSite } from '../../src/services/setup.ts';
import { completeSetup } from '../../src/services/setup/complete-setup.ts';
import type { SetupLink } from '../../src/services/setup/setup-link.ts';
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

export interface TestSiteOptions {
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
}

/** A site whose first admin is made (through the setup link, as an operator would). */
export async function startTestSite(options: TestSiteOptions = {}): Promise<TestSite> {
  const { setupLink, ...site } = await openTestSite(options);
  if (!setupLink) throw new Error('a fresh test site must have a setup link');
  try {
    const admin = { email: site.services.config.adminEmail, password: generatePassword() };
    await completeSetup(site.services, defaultSignInThrottles(), {
      token: setupLink.token,
      name: 'Admin',
      ...admin,
      confirm: admin.password,
      ip: '127.0.0.1',
      userAgent: 'test',
    });
    return { ...site, admin };
  } catch (err) {
    await site.close();
    throw err;
  }
}

/** A site as the first start leaves it: demo content, no admin yet, and the link that makes one. */
export async function startTestSiteWithoutAdmin(
  options: TestSiteOptions = {},
): Promise<Omit<TestSite, 'admin'> & { setupLink: SetupLink }> {
  const { setupLink, ...site } = await openTestSite(options);
  if (!setupLink) throw new Error('a fresh test site must have a setup link');
  return { ...site, setupLink };
}

async function openTestSite(
  options: TestSiteOptions,
): Promise<Omit<TestSite, 'admin'> & { setupLink: SetupLink | null }> {
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
    setupLink: setup.setupLink,
    mainArticle,
    close: async () => {
      await app.close();
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
