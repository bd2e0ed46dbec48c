// The one-time setup link that lets the operator of a new site make its first admin in the
// browser, so no password is ever printed to a terminal or a journal. The link holds a random
// token; the settings table keeps only its hash and expiry. It works once, for a day, and only
// while the site has no admin who can sign in: once one exists, every link is dead.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Repositories } from '../../db/repositories/contract.ts';
import { hashToken } from '../auth/sessions.ts';

export const SETUP_LINK_HOURS = 24;
/** The hash and expiry of the newest link; an older link stops working when a new one is made. */
const LINK_KEY = 'setup.link';
/** When the first admin was made through a link (also the row concurrent completions queue on). */
export const COMPLETED_KEY = 'setup.completedAt';

const StoredLink = z.object({ hash: z.string().min(1), expiresAt: z.string() });

/** The shape of a token in a path: anything else cannot be one and is refused before a lookup. */
export const SETUP_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface SetupLink {
  token: string;
  url: string;
  expiresAt: string;
}

export function setupLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/newsroom/setup/${token}`;
}

/**
 * Whether setup is over: some admin can sign in (made through a link, by `midad user add`, or
 * on a site set up before links existed). Disabled admins count: a link must never reopen a
 * site that has one.
 */
export async function hasAdminWithPassword(repos: Pick<Repositories, 'people'>): Promise<boolean> {
  for (const person of await repos.people.list()) {
    if (person.role === 'admin' && (await repos.people.passwordHash(person.id)) !== null) return true;
  }
  return false;
}

/** Whether the site still waits for its first admin (the sign-in page then says how to make one). */
export async function awaitingFirstAdmin(services: {
  repos: Pick<Repositories, 'people'>;
}): Promise<boolean> {
  return !(await hasAdminWithPassword(services.repos));
}

/** Makes a fresh link (the previous one stops working) and records that one was made. */
export async function issueSetupLink(
  repos: Pick<Repositories, 'settings' | 'audit'>,
  publicUrl: string,
  now: Date,
): Promise<SetupLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000).toISOString();
  await repos.settings.set(LINK_KEY, { hash: hashToken(token), expiresAt });
  // Nobody is signed in yet: the row names no person and no address (the server's console made it).
  await repos.audit.record({
    personId: null,
    action: 'setup.link-issued',
    targetType: 'site',
    targetId: 'setup',
    details: { expiresAt },
    ipHash: '',
  });
  return { token, url: setupLinkUrl(publicUrl, token), expiresAt };
}

/** Whether this token is the current, unexpired link of a site that still has no admin. */
export async function setupLinkUsable(
  repos: Pick<Repositories, 'settings' | 'people'>,
  token: string,
  now: Date,
): Promise<boolean> {
  if (!SETUP_TOKEN.test(token)) return false;
  const stored = StoredLink.safeParse(await repos.settings.get(LINK_KEY));
  if (!stored.success) return false;
  if (!(Date.parse(stored.data.expiresAt) > now.getTime())) return false;
  if (!sameText(hashToken(token), stored.data.hash)) return false;
  return !(await hasAdminWithPassword(repos));
}

/** Spends the link (inside the transaction that makes the admin). */
export async function spendSetupLink(repos: Pick<Repositories, 'settings'>, now: Date): Promise<void> {
  await repos.settings.setMany({ [LINK_KEY]: undefined, [COMPLETED_KEY]: now.toISOString() });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
