// The check after each restart: the database is read directly (SQLite through a read-only
// connection beside the running server, PostgreSQL through its own client) and compared with
// the ledger. Every acknowledged comment is there once; every article holds its last
// acknowledged save or the save in flight after it, is published if a publish was acknowledged,
// and keeps a revision of each acknowledged save made while published. SQLite must also pass
// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; PostgreSQL enforces foreign keys itself.
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Ledger } from './ledger.ts';

type Row = Record<string, unknown>;

export interface Probe {
  /** Problems found by the engine's own consistency checks; empty when all is well. */
  integrity(): Promise<string[]>;
  rows(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

export function sqliteProbe(file: string): Probe {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  return {
    async integrity() {
      const problems: string[] = [];
      const check = db.pragma('integrity_check') as { integrity_check: string }[];
      const verdict = check.map((r) => r.integrity_check);
      if (verdict.join() !== 'ok') problems.push(`integrity_check: ${verdict.slice(0, 5).join('; ')}`);
      const orphans = db.pragma('foreign_key_check') as Row[];
      if (orphans.length > 0) {
        problems.push(`foreign_key_check: ${orphans.length} rows, first ${JSON.stringify(orphans[0])}`);
      }
      return problems;
    },
    async rows(sql) {
      return db.prepare(sql).all() as Row[];
    },
    async close() {
      db.close();
    },
  };
}

export async function postgresProbe(url: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async integrity() {
      return [];
    },
    async rows(sql) {
      return (await client.query(sql)).rows as Row[];
    },
    async close() {
      await client.end();
    },
  };
}

export interface Verdict {
  /** Acknowledged writes not found, one line each. */
  lost: string[];
  /** Anything else wrong: integrity, duplicates, a save that never happened. */
  problems: string[];
}

export async function verify(probe: Probe, ledger: Ledger, prefix: string): Promise<Verdict> {
  const lost: string[] = [];
  const problems = await probe.integrity();
  const markers = new RegExp(`${prefix}[csp]\\d+x`, 'g');
  const found = (text: unknown): string[] => String(text).match(markers) ?? [];

  const stored = new Map<string, number>();
  for (const row of await probe.rows(`SELECT body FROM comments WHERE body LIKE '%${prefix}%'`)) {
    for (const m of found(row.body)) stored.set(m, (stored.get(m) ?? 0) + 1);
  }
  for (const write of ledger.comments) {
    const copies = stored.get(write.marker) ?? 0;
    if (copies > 1) problems.push(`comment ${write.marker} stored ${copies} times`);
    if (write.acknowledged && copies === 0)
      lost.push(`comment ${write.marker} on article ${write.articleId}`);
  }

  const ids = [...ledger.articles.keys()];
  const articles = new Map<number, Row>();
  const revisions = new Set<string>();
  if (ids.length > 0) {
    // Integers from the server's redirects, so inlining them is safe.
    for (const row of await probe.rows(
      `SELECT id, status, body_html FROM articles WHERE id IN (${ids.join(',')})`,
    )) {
      articles.set(Number(row.id), row);
    }
    for (const row of await probe.rows(
      `SELECT body_html FROM revisions WHERE body_html LIKE '%${prefix}%'`,
    )) {
      for (const m of found(row.body_html)) revisions.add(m);
    }
  }
  for (const history of ledger.articles.values()) {
    const row = articles.get(history.id);
    if (!row) {
      lost.push(`article ${history.id} (its draft was acknowledged)`);
      continue;
    }
    const held = found(row.body_html);
    if (history.lastAcknowledged !== null) {
      const allowed = [history.lastAcknowledged, history.inFlight].filter((m) => m !== null);
      if (!held.some((m) => allowed.includes(m))) {
        const what = held.length > 0 ? `holds ${held.join(' ')}` : 'holds no save';
        // Holding an older acknowledged save means the last one was lost.
        lost.push(`article ${history.id}: save ${history.lastAcknowledged} missing, it ${what}`);
      }
    } else if (held.length > 0 && !held.includes(history.inFlight ?? '')) {
      problems.push(`article ${history.id} holds ${held.join(' ')}, never sent to it`);
    }
    if (history.published && row.status !== 'published') {
      lost.push(`article ${history.id}: publish acknowledged, status is ${String(row.status)}`);
    }
    for (const marker of history.revisions) {
      if (!revisions.has(marker)) lost.push(`article ${history.id}: revision ${marker}`);
    }
  }
  return { lost, problems };
}
