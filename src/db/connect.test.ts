// Opening databases (URL parsing, failures), migrations and transactions, on every engine.
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { SetupError } from '../core/errors.ts';
import { openDatabase, parseDatabaseUrl } from './connect.ts';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.ts';
import { createRepositories } from './repositories/index.ts';
import { forEachEngine } from './test-databases.ts';
import { error, useDatabase } from './test-fixtures.ts';

describe('parseDatabaseUrl', () => {
  it('selects PostgreSQL for postgres:// and postgresql:// URLs', () => {
    const url = 'postgres://u:p@db.example:5433/midad';
    assert.deepEqual(parseDatabaseUrl(url), { dialect: 'postgres', target: url });
    assert.equal(parseDatabaseUrl('POSTGRESQL://h/db').dialect, 'postgres');
  });

  it('selects SQLite for sqlite: URLs and plain paths', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:/var/lib/midad.db'), {
      dialect: 'sqlite',
      target: '/var/lib/midad.db',
    });
    assert.deepEqual(parseDatabaseUrl('sqlite://data/midad.db'), {
      dialect: 'sqlite',
      target: 'data/midad.db',
    });
    assert.deepEqual(parseDatabaseUrl('./midad.db'), { dialect: 'sqlite', target: './midad.db' });
    assert.deepEqual(parseDatabaseUrl(':memory:'), { dialect: 'sqlite', target: ':memory:' });
  });

  it('rejects a sqlite: URL without a file', () => {
    assert.throws(() => parseDatabaseUrl('sqlite:'), error(SetupError, /names no file/));
  });

  it('rejects any other scheme instead of taking it for a file name, without repeating the rest', () => {
    for (const url of [
      'mysql://midad:s3cret@db/midad',
      'file:///var/lib/midad.db',
      'postgres:db',
      'redis://h',
    ]) {
      const scheme = url.slice(0, url.indexOf(':') + 1);
      assert.throws(
        () => parseDatabaseUrl(url),
        error(SetupError, new RegExp(`must be sqlite:PATH, a file path, or a postgres:// .*"${scheme}"`)),
      );
      assert.throws(
        () => parseDatabaseUrl(url),
        (err: Error) => !err.message.includes('s3cret'),
      );
    }
    // A path with a colon further on, and a Windows drive letter, are still files.
    assert.equal(parseDatabaseUrl('data/a:b.db').dialect, 'sqlite');
    assert.equal(parseDatabaseUrl('C:\\midad\\midad.db').dialect, 'sqlite');
  });
});

describe('openDatabase failures', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-open-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names the file when a SQLite file is corrupt', async () => {
    const file = path.join(dir, 'corrupt.db');
    fs.writeFileSync(file, randomBytes(8192));
    await assert.rejects(openDatabase(`sqlite:${file}`), (err: unknown) => {
      assert.ok(err instanceof SetupError);
      assert.ok(err.message.includes(file), err.message);
      return true;
    });
  });

  it('names host and port when PostgreSQL is unreachable', async () => {
    await assert.rejects(
      openDatabase('postgres://postgres@127.0.0.1:1/x'),
      error(SetupError, /127\.0\.0\.1:1/),
    );
  });

  it('opens a new SQLite file, creating its folder, and reports the absolute path', async () => {
    const file = path.join(dir, 'nested', 'folder', 'midad.db');
    const db = await openDatabase(file);
    try {
      assert.equal(db.dialect, 'sqlite');
      assert.equal(db.location, file);
      assert.ok(fs.existsSync(file));
    } finally {
      await db.close();
    }
  });
});

await forEachEngine((engine) => {
  describe('migrations', () => {
    it('apply everything once and nothing the second time', async () => {
      const db = await engine.fresh({ migrate: false });
      assert.deepEqual((await migrateToLatest(db)).applied, [...MIGRATION_NAMES]);
      assert.equal(MIGRATION_NAMES[0], '001_initial');
      assert.deepEqual((await migrateToLatest(db)).applied, []);
      assert.equal(await createRepositories(db.kysely).people.count(), 0);
    });

    it('apply a migration that landed after higher-numbered ones already ran', async () => {
      const db = await engine.fresh({ migrate: false });
      await migrateToLatest(db);
      // As if the database had been migrated before 006 existed.
      const raw = db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
      await raw.schema.dropTable('webhook_deliveries').execute();
      await raw.schema.dropTable('webhooks').execute();
      await raw.deleteFrom('kysely_migration').where('name', '=', '006_webhooks').execute();
      assert.deepEqual((await migrateToLatest(db)).applied, ['006_webhooks']);
    });
  });

  describe('transactions', () => {
    const { db, r } = useDatabase(engine);

    it('rolls back every repository write when the transaction fails', async () => {
      await assert.rejects(
        db()
          .kysely.transaction()
          .execute(async (trx) => {
            const repos = createRepositories(trx);
            const p = await repos.people.create({ email: 't@x.org', name: 'T', slug: 't', role: 'author' });
            await repos.articles.create({
              lang: 'ar',
              status: 'draft',
              title: 't',
              slug: 't',
              authorIds: [p.id],
            });
            await repos.settings.set('k', 1);
            throw new Error('boom');
          }),
        /boom/,
      );
      assert.equal(await r().people.count(), 0);
      assert.equal(await r().articles.count(), 0);
      assert.equal(await r().settings.get('k'), undefined);
    });

    it('commits repository writes made inside one transaction', async () => {
      const id = await db()
        .kysely.transaction()
        .execute(async (trx) => {
          const repos = createRepositories(trx);
          const p = await repos.people.create({ email: 'u@x.org', name: 'U', slug: 'u', role: 'author' });
          return (
            await repos.articles.create({
              lang: 'ar',
              status: 'draft',
              title: 'u',
              slug: 'u',
              authorIds: [p.id],
            })
          ).id;
        });
      assert.equal((await r().articles.byId(id))?.authorIds.length, 1);
    });
  });
});
