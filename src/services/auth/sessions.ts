// Server-side sessions. The cookie holds a random token; the database holds only its hash.
import { createHash, randomBytes } from 'node:crypto';
import type { Session, SessionStage } from '../../core/auth.ts';
import type { Person } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { Services } from '../context.ts';

export const SESSION_DAYS = 14;
/** Between the password and the second factor: long enough to open an app, no longer. */
export const SECOND_FACTOR_MINUTES = 10;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface NewSession {
  token: string;
  session: Session;
}

export async function startSession(
  repos: Pick<Repositories, 'sessions'>,
  input: { personId: number; stage: SessionStage; ipHash: string; userAgent: string; now?: Date },
): Promise<NewSession> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const lifetime = input.stage === 'full' ? SESSION_DAYS * 86_400_000 : SECOND_FACTOR_MINUTES * 60_000;
  const session: Session = {
    idHash: hashToken(token),
    personId: input.personId,
    stage: input.stage,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetime).toISOString(),
    ipHash: input.ipHash,
    userAgent: input.userAgent.slice(0, 300),
  };
  await repos.sessions.create(session);
  return { token, session };
}

export interface ResolvedSession {
  session: Session;
  person: Person;
}

/** The session behind a cookie token, sliding its expiry at most once an hour. */
export async function resolveSession(
  services: Pick<Services, 'repos'>,
  token: string,
  now = new Date(),
): Promise<ResolvedSession | null> {
  const { repos } = services;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const session = await repos.sessions.byIdHash(hashToken(token), now.toISOString());
  if (!session) return null;
  const person = await repos.people.byId(session.personId);
  if (!person || person.disabled) {
    await repos.sessions.delete(session.idHash);
    return null;
  }
  if (session.stage === 'full' && now.getTime() - new Date(session.lastSeenAt).getTime() > 3_600_000) {
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
    await repos.sessions.touch(session.idHash, now.toISOString(), expiresAt);
  }
  return { session, person };
}
