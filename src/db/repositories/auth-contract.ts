// Storage contracts of the people around the newsroom: server-side sessions, the second factor,
// invitations, the audit log and import runs. Their shapes live in core/; only services/ use these.
import type { Invitation, Session } from '../../core/auth.ts';
import type { ImportRun } from '../../core/import-runs.ts';
import type { IsoDate } from '../../core/types.ts';

export type { Invitation, Session, SessionStage } from '../../core/auth.ts';
export type { ImportRun, ImportRunStatus } from '../../core/import-runs.ts';

export interface SessionsRepository {
  create(session: Session): Promise<void>;
  /** Null when absent or expired. */
  byIdHash(idHash: string, now: IsoDate): Promise<Session | null>;
  touch(idHash: string, lastSeenAt: IsoDate, expiresAt: IsoDate): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Ends every session of a person except, optionally, one. Returns how many ended. */
  deleteForPerson(personId: number, exceptIdHash?: string): Promise<number>;
  deleteExpired(now: IsoDate): Promise<number>;
}

export interface TwoFactorState {
  secret: string | null;
  enabled: boolean;
  lastStep: number | null;
}

export interface TwoFactorRepository {
  state(personId: number): Promise<TwoFactorState>;
  /** Stores a secret for enrolment; it guards sign-in only after enable(). */
  setPendingSecret(personId: number, secret: string): Promise<void>;
  enable(personId: number, recoveryCodeHashes: string[], step: number): Promise<void>;
  disable(personId: number): Promise<void>;
  /** Records an accepted code's time step; false when that step (or a later one) was already used. */
  useStep(personId: number, step: number): Promise<boolean>;
  unusedRecoveryCodes(personId: number): Promise<{ id: number; codeHash: string }[]>;
  markRecoveryCodeUsed(id: number, at: IsoDate): Promise<boolean>;
}

export interface InvitationsRepository {
  create(input: {
    personId: number;
    tokenHash: string;
    createdBy: number | null;
    createdAt: IsoDate;
    expiresAt: IsoDate;
  }): Promise<Invitation>;
  /** The unused, unexpired invitation with this token hash, if any. */
  usable(tokenHash: string, now: IsoDate): Promise<Invitation | null>;
  /** Marks it used; false when it was used meanwhile (two tabs, a replayed link). */
  markUsed(id: number, at: IsoDate): Promise<boolean>;
  /** Withdraws every unused invitation of a person; returns how many. */
  revokeForPerson(personId: number): Promise<number>;
  /** The newest unused, unexpired invitation of each of these people. */
  openFor(personIds: readonly number[], now: IsoDate): Promise<Map<number, Invitation>>;
}

export interface ImportRunsRepository {
  create(input: {
    fileName: string;
    filePath: string;
    options: Record<string, unknown>;
    personId: number | null;
    at: IsoDate;
  }): Promise<ImportRun>;
  byId(id: number): Promise<ImportRun | null>;
  /** Newest first. */
  list(limit: number): Promise<ImportRun[]>;
  /** The queued or running one, if any. */
  active(): Promise<ImportRun | null>;
  /** queued → running; false when another process took it first. */
  start(id: number, at: IsoDate): Promise<boolean>;
  progress(id: number, done: number, total: number, at: IsoDate): Promise<void>;
  finish(
    id: number,
    outcome: { status: 'done' | 'failed'; report?: unknown; error?: string },
    at: IsoDate,
  ): Promise<void>;
  /** Runs left running by a process that stopped (no progress since `staleBefore`) become interrupted. */
  markInterrupted(staleBefore: IsoDate, at: IsoDate): Promise<number>;
}

export interface AuditEntry {
  id: number;
  at: IsoDate;
  personId: number | null;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  ipHash: string;
}

export interface AuditRepository {
  record(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: IsoDate }): Promise<void>;
  /** Newest first. */
  list(query: { limit: number; offset?: number; action?: string; personId?: number }): Promise<AuditEntry[]>;
  count(query?: { action?: string; personId?: number }): Promise<number>;
}
