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
  adminEmail: string;
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
    adminEmail: overrides.adminEmail ?? env.MIDAD_ADMIN_EMAIL ?? 'admin@example.com',
  };
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SetupError(`PORT must be a whole number from 0 to 65535, got "${value}".`);
  }
  return port;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
function parseLogLevel(value: string | undefined): Config['logLevel'] {
  if (value === undefined || value === '') return 'info';
  const found = LOG_LEVELS.find((l) => l === value);
  if (!found) throw new SetupError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}".`);
  return found;
}
