// /healthz and /readyz on a real site: ready with a reachable, current database; not ready
// (503, saying why) when a migration is missing or the database is gone, while /healthz stays up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestSite, type TestSite } from '../../test/support/site.ts';
import { MIGRATION_NAMES } from '../db/migrate.ts';

let site: TestSite;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

describe('health and readiness', () => {
  it('is alive and ready on a working site, and neither answer is cached', async () => {
    for (let i = 0; i < 2; i++) {
      const health = await site.app.inject('/healthz');
      assert.equal(health.statusCode, 200);
      assert.equal(health.json().status, 'ok');
      assert.equal(health.headers['cache-control'], 'no-store');
      assert.equal(health.headers['x-cache'], undefined);
      const ready = await site.app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      const { process: facts, ...readiness } = ready.json();
      assert.deepEqual(readiness, { status: 'ready', database: 'ok', pending_migrations: [] });
      assert.equal(facts.pid, process.pid, 'it says which process answered');
      assert.ok(facts.rss_mb > 0, 'and how much memory that process holds');
      assert.equal(ready.headers['cache-control'], 'no-store');
    }
  });

  it('is not ready while a migration this code expects has not run', async () => {
    const last = MIGRATION_NAMES.at(-1)!;
    const { kysely } = site.services.db;
    const { rows } = await sql<{
      timestamp: string;
    }>`SELECT timestamp FROM kysely_migration WHERE name = ${last}`.execute(kysely);
    assert.equal(rows.length, 1);
    await sql`DELETE FROM kysely_migration WHERE name = ${last}`.execute(kysely);
    try {
      const ready = await site.app.inject('/readyz');
      assert.equal(ready.statusCode, 503);
      assert.deepEqual(ready.json().pending_migrations, [last]);
    } finally {
      const { timestamp } = rows[0]!;
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${last}, ${timestamp})`.execute(
        kysely,
      );
    }
    assert.equal((await site.app.inject('/readyz')).statusCode, 200);
  });

  it('is not ready without its database, and still alive', async () => {
    const broken = await startTestSite();
    try {
      await broken.services.db.close();
      const ready = await broken.app.inject('/readyz');
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json().database, 'unreachable');
      assert.equal((await broken.app.inject('/healthz')).statusCode, 200);
    } finally {
      await broken.app.close();
    }
  });
});
