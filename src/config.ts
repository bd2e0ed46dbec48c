// One typed configuration object, read from environment variables (and CLI flags layered on
// top by the caller). Bad values stop the program with a message that says what to fix.
import path from 'node:path';
import { SetupError } from './core/errors.ts';

export interface Config {
  dataDir: string;
  databaseUrl: string;
  host: string;
  port: number;
  /** Public origin used in canonical URLs and share links, no trailing slash. */
  publicUrl: string;
  mediaRoot: string;
  secureCookies: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /**
   * Which requests get a log line (MIDAD_REQUEST_LOG): all, only failed and slow ones (slower
   * than MIDAD_SLOW_REQUEST_MS), or none. Absent: all.
   */
  requestLog?: RequestLogConfig;
  adminEmail: string;
  cache: CacheConfig;
  /** Seconds a stopping server waits for requests in flight before cutting their connections. */
  shutdownGrace: number;
  /** Redis shared by several processes (cache evictions, rate limits); null for one process. */
  redisUrl: string | null;
  /**
   * Seconds a client has to send a request's headers, and the whole request (body included):
   * a slow or stalled client cannot hold a connection open for ever.
   */
  timeouts: { headers: number; request: number };
  /** Start as a single process, with a warning, when Redis cannot be reached at start. */
  redisOptional: boolean;
  /** Outgoing mail; null without MIDAD_SMTP_URL (invitation links are then shown to the admin). */
  mail: MailConfig | null;
  /** The Telegram Bot API origin, no trailing slash; MIDAD_TELEGRAM_API_URL points tests at a fake. */
  telegramApiUrl: string;
  /** MIDAD_BOUNCE_SECRET: the bearer secret of POST /newsletter/bounce; null leaves it closed. */
  bounceSecret?: string | null;
  /** MIDAD_MAIL_RATE: mails sent per second at most by each process's outbox dispatcher. */
  mailRate?: number;
}

/** Mail goes out through any SMTP server. */
export interface MailConfig {
  /** smtp://host:port (STARTTLS when the server offers it) or smtps://user:pass@host:465. */
  smtpUrl: string;
  /** The From header: `address@domain` or `Name <address@domain>`. */
  from: string;
}

/** The whole-page cache and the Cache-Control it sends to browsers and CDNs (seconds). */
export interface CacheConfig {
  /** Memory for rendered pages and their compressed copies; 0 turns the cache off. */
  pageCacheBytes: number;
  /** How long a stored page is served before it is rendered again, events or not. */
  pageTtl: number;
  /**
   * Browsers: a reader who reloads within this many seconds may see the page they had, without
   * their own approved comment. 0: browsers ask every time, and a current copy costs a 304.
   */
  maxAge: number;
  /** Shared caches (CDNs). Without a purge hook, the longest a CDN shows an old page. */
  sMaxAge: number;
  staleWhileRevalidate: number;
  /** How long an old copy may stand in when the site answers with an error. */
  staleIfError: number;
  /** Where to POST the tags of changed pages for a CDN to purge; null for none. */
  purge: { url: string; token: string | null } | null;
}

export type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.MIDAD_DATA_DIR ?? 'data');
  const host = overrides.host ?? env.HOST ?? '127.0.0.1';
  const port = overrides.port ?? parsePort(env.PORT);
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'midad.db')}`;
  const publicUrl = (
    overrides.publicUrl ??
    env.MIDAD_PUBLIC_URL ??
    `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  ).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new SetupError(`MIDAD_PUBLIC_URL must be an http:// or https:// origin, got "${publicUrl}".`);
  }
  const logLevel = overrides.logLevel ?? parseLogLevel(env.LOG_LEVEL);
  return {
    dataDir,
    databaseUrl,
    host,
    port,
    publicUrl,
    mediaRoot: overrides.mediaRoot ?? path.join(dataDir, 'media'),
    secureCookies:
      overrides.secureCookies ?? (env.MIDAD_SECURE_COOKIES === '1' || publicUrl.startsWith('https:')),
    logLevel,
    requestLog: overrides.requestLog ?? loadRequestLog(env),
    adminEmail: overrides.adminEmail ?? env.MIDAD_ADMIN_EMAIL ?? 'admin@example.com',
    cache: overrides.cache ?? loadCacheConfig(env),
    shutdownGrace: overrides.shutdownGrace ?? wholeNumber(env, 'MIDAD_SHUTDOWN_GRACE', 10, 3600),
    redisUrl: overrides.redisUrl !== undefined ? overrides.redisUrl : env.REDIS_URL || null,
    redisOptional: overrides.redisOptional ?? env.MIDAD_REDIS_OPTIONAL === '1',
    timeouts: overrides.timeouts ?? loadTimeouts(env),
    mail: overrides.mail !== undefined ? overrides.mail : loadMailConfig(env),
    telegramApiUrl: overrides.telegramApiUrl ?? telegramApiUrl(env),
    bounceSecret:
      overrides.bounceSecret !== undefined ? overrides.bounceSecret : env.MIDAD_BOUNCE_SECRET || null,
    mailRate: overrides.mailRate ?? wholeNumber(env, 'MIDAD_MAIL_RATE', 10, 10_000),
  };
}

/** SMTP is optional; when it is set, a malformed address or sender stops the start with the reason. */
function loadMailConfig(env: Env): MailConfig | null {
  const smtpUrl = env.MIDAD_SMTP_URL;
  const from = env.MIDAD_MAIL_FROM;
  if (from && !MAIL_FROM.test(from)) {
    throw new SetupError(
      `MIDAD_MAIL_FROM must be an e-mail address or "Name <address@domain>", got "${from}".`,
    );
  }
  if (!smtpUrl) return null;
  let url: URL | null = null;
  try {
    url = new URL(smtpUrl);
  } catch {
    url = null;
  }
  if (
    !url ||
    (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') ||
    url.hostname === '' ||
    url.pathname.length > 1
  ) {
    throw new SetupError(
      `MIDAD_SMTP_URL must look like smtp://host:587 or smtps://user:password@host:465, got "${redactUrl(smtpUrl)}".`,
    );
  }
  if (!from)
    throw new SetupError(
      'MIDAD_MAIL_FROM must be set when MIDAD_SMTP_URL is (e.g. "Newsroom <news@example.org>").',
    );
  return { smtpUrl, from };
}

/** `address@domain` or `Name <address@domain>`, on one line. */
const MAIL_FROM = /^(?:[^<>\r\n@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** An SMTP address with its password hidden, for error messages that may reach a log. */
function redactUrl(value: string): string {
  return value.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

function telegramApiUrl(env: Env): string {
  const value = (env.MIDAD_TELEGRAM_API_URL || 'https://api.telegram.org').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+$/.test(value)) {
    throw new SetupError(`MIDAD_TELEGRAM_API_URL must be an http:// or https:// origin, got "${value}".`);
  }
  return value;
}

/** Uploads (images, WordPress exports) arrive in one request: the default leaves them two minutes. */
function loadTimeouts(env: Env): Config['timeouts'] {
  const headers = wholeNumber(env, 'MIDAD_HEADERS_TIMEOUT', 10, 3600);
  const request = wholeNumber(env, 'MIDAD_REQUEST_TIMEOUT', 120, 86_400);
  if (headers < 1 || request < 1) {
    throw new SetupError('MIDAD_HEADERS_TIMEOUT and MIDAD_REQUEST_TIMEOUT must be at least 1 second.');
  }
  if (headers > request) {
    throw new SetupError(
      `MIDAD_HEADERS_TIMEOUT (${headers}) must not be longer than MIDAD_REQUEST_TIMEOUT (${request}).`,
    );
  }
  return { headers, request };
}

function loadCacheConfig(env: Env): CacheConfig {
  return {
    pageCacheBytes: Math.round(wholeNumber(env, 'MIDAD_PAGE_CACHE_MB', 64, 1_000_000) * 1024 * 1024),
    pageTtl: wholeNumber(env, 'MIDAD_PAGE_CACHE_TTL', 600, 86_400),
    maxAge: wholeNumber(env, 'MIDAD_CACHE_MAX_AGE', 0, 31_536_000),
    sMaxAge: wholeNumber(env, 'MIDAD_CACHE_S_MAXAGE', 60, 31_536_000),
    staleWhileRevalidate: wholeNumber(env, 'MIDAD_CACHE_STALE_WHILE_REVALIDATE', 30, 31_536_000),
    staleIfError: wholeNumber(env, 'MIDAD_CACHE_STALE_IF_ERROR', 86_400, 31_536_000),
    purge: purgeHook(env),
  };
}

function purgeHook(env: Env): CacheConfig['purge'] {
  const url = env.MIDAD_CDN_PURGE_URL;
  if (!url) return null;
  if (!/^https?:\/\/[^\s/]+/.test(url)) {
    throw new SetupError(`MIDAD_CDN_PURGE_URL must be an http:// or https:// address, got "${url}".`);
  }
  return { url, token: env.MIDAD_CDN_PURGE_TOKEN || null };
}

function wholeNumber(env: Env, name: string, fallback: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new SetupError(`${name} must be a whole number from 0 to ${max}, got "${value}".`);
  }
  return Number(value);
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SetupError(`PORT must be a whole number from 0 to 65535, got "${value}".`);
  }
  return port;
}

export interface RequestLogConfig {
  mode: 'all' | 'slow' | 'off';
  slowMs: number;
}

const REQUEST_LOG_MODES = ['all', 'slow', 'off'] as const;
function loadRequestLog(env: Env): RequestLogConfig {
  const value = env.MIDAD_REQUEST_LOG?.trim() || 'all';
  const mode = REQUEST_LOG_MODES.find((m) => m === value);
  if (!mode) {
    throw new SetupError(`MIDAD_REQUEST_LOG must be one of ${REQUEST_LOG_MODES.join(', ')}, got "${value}".`);
  }
  return { mode, slowMs: wholeNumber(env, 'MIDAD_SLOW_REQUEST_MS', 1000, 600_000) };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
function parseLogLevel(value: string | undefined): Config['logLevel'] {
  if (value === undefined || value === '') return 'info';
  const found = LOG_LEVELS.find((l) => l === value);
  if (!found) throw new SetupError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}".`);
  return found;
}
