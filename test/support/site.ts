// A real Midad site for tests: a fresh data folder, a migrated SQLite (or PostgreSQL)
// database with the demo content, and the Fastify app, optionally listening on a free port.
import { createHash } from 'node:crypto';
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
  // On SQLite with the media beside it, the demo site is copied from one seeded earlier in
  // this run; the first start that follows issues the setup link, as a restarted site does.
  if (config.databaseUrl.startsWith('sqlite:') && config.mediaRoot === path.join(dataDir, 'media')) {
    fs.cpSync(await seededTemplate(), dataDir, {
      recursive: true,
      filter: (from) => path.basename(from) !== '.seeded',
    });
  }
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

// Seeding the demo content (its pictures drawn and encoded, the search and related indexes
// built) took most of each test site's start. The seeded data folder is kept in the system's
// temporary folder, keyed by the sources it was made with, and copied for each site. It is
// made again when older than TEMPLATE_MAX_AGE_MS, so the demo's dates stay close to the
// clock (articles are dated hours before the seeding).
const TEMPLATE_ROOT = path.join(os.tmpdir(), 'midad-test-templates');
const TEMPLATE_MAX_AGE_MS = 10 * 60 * 1000;
let sources: string | undefined;

/** A hash of every source file and of Node's version: a change to either seeds anew. */
function sourceHash(): string {
  if (sources) return sources;
  const hash = createHash('sha256').update(process.version);
  const root = path.resolve(import.meta.dirname, '../../src');
  const files = fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => !f.includes('.test.'))
    .sort();
  for (const file of files) {
    const full = path.join(root, file);
    if (!fs.statSync(full).isFile()) continue;
    hash.update(file).update(fs.readFileSync(full));
  }
  sources = hash.digest('hex').slice(0, 16);
  return sources;
}

async function seededTemplate(): Promise<string> {
  const dir = path.join(TEMPLATE_ROOT, sourceHash());
  const made = fs.statSync(path.join(dir, '.seeded'), { throwIfNoEntry: false });
  if (made && Date.now() - made.mtimeMs < TEMPLATE_MAX_AGE_MS) return dir;
  fs.mkdirSync(TEMPLATE_ROOT, { recursive: true });
  const building = fs.mkdtempSync(path.join(TEMPLATE_ROOT, 'seeding-'));
  const config = loadConfig({}, { dataDir: building, host: '127.0.0.1', logLevel: 'silent' });
  const services = await openServices(config);
  try {
    await initializeSite(services, { demo: true });
  } finally {
    await services.close();
  }
  // The marker is not copied into sites (cpSync filter) and tells a finished template apart.
  fs.writeFileSync(path.join(building, '.seeded'), '');
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.renameSync(building, dir);
  } catch {
    // Another test process put its template in place first: use that one.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return dir;
}
