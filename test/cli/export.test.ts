// `midad export` and `midad import midad`: a SQLite site moved to PostgreSQL and back through
// the portable JSON keeps every article, comment, person, media row and file, redirect and
// setting (compared by content digests), and a damaged or misplaced export changes nothing.
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { differences, type SiteDigests } from '../../src/services/backup/digest.ts';
import {
  cleanUp,
  freshPostgres,
  midad,
  seedExtra,
  siteDigests,
  snapshotDir,
  tempDir,
} from '../support/backup.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

after(cleanUp);

describe('export and import midad', () => {
  let site: TestSite;
  let original: SiteDigests;
  let exported: string;

  before(async () => {
    site = await startTestSite();
    await seedExtra(site.services);
    original = await siteDigests(
      `sqlite:${path.join(site.dataDir, 'midad.db')}`,
      site.services.config.mediaRoot,
    );
    exported = path.join(tempDir(), 'site.json');
    const r = await midad(['export', exported], { MIDAD_DATA_DIR: site.dataDir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /keep it private/);
  });
  after(() => site?.close());

  it('moves a SQLite site to PostgreSQL and back with identical content', async () => {
    const pgSite = { MIDAD_DATA_DIR: path.join(tempDir(), 'pg'), DATABASE_URL: await freshPostgres() };
    const loaded = await midad(['import', 'midad', exported], pgSite);
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.match(loaded.stdout, /every content digest matched/);
    const onPostgres = await siteDigests(pgSite.DATABASE_URL, path.join(pgSite.MIDAD_DATA_DIR, 'media'));
    assert.deepEqual(differences(original, onPostgres), []);
    assert.ok((onPostgres.comments?.rows ?? 0) > 0 && (onPostgres['media files']?.rows ?? 0) > 0);

    const again = path.join(tempDir(), 'from-pg.json');
    assert.equal((await midad(['export', again], pgSite)).status, 0);
    const sqliteSite = { MIDAD_DATA_DIR: path.join(tempDir(), 'back') };
    const back = await midad(['import', 'midad', again], sqliteSite);
    assert.equal(back.status, 0, back.stderr);
    const onSqlite = await siteDigests(
      `sqlite:${path.join(sqliteSite.MIDAD_DATA_DIR, 'midad.db')}`,
      path.join(sqliteSite.MIDAD_DATA_DIR, 'media'),
    );
    assert.deepEqual(differences(original, onSqlite), []);
  });

  it('refuses an export whose media do not match their digest before touching the new site', async () => {
    const data = JSON.parse(fs.readFileSync(exported, 'utf8'));
    data.digests['media files'].sha256 = 'f'.repeat(64);
    const wrongMedia = path.join(tempDir(), 'wrong-media.json');
    fs.writeFileSync(wrongMedia, JSON.stringify(data));
    const target = { MIDAD_DATA_DIR: path.join(tempDir(), 'new-site') };
    const refused = await midad(['import', 'midad', wrongMedia], target);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /media files of .* do not match its digest: the export is damaged/);
    // No database was created (and so migrated), no media folder, no staging folder left behind.
    assert.deepEqual(fs.existsSync(target.MIDAD_DATA_DIR) ? fs.readdirSync(target.MIDAD_DATA_DIR) : [], []);
  });

  it('refuses a site that is not empty unless --force, and a damaged export, changing nothing', async () => {
    const target = { MIDAD_DATA_DIR: path.join(tempDir(), 'busy') };
    assert.equal((await midad(['init', '--no-demo'], target)).status, 0);
    const was = snapshotDir(target.MIDAD_DATA_DIR);
    const busy = await midad(['import', 'midad', exported], target);
    assert.equal(busy.status, 1);
    assert.match(busy.stderr, /is not empty \(its \w+ table has rows\).*--force/);
    assert.equal(snapshotDir(target.MIDAD_DATA_DIR), was);

    const cut = path.join(tempDir(), 'cut.json');
    fs.writeFileSync(cut, fs.readFileSync(exported).subarray(0, 5000));
    const damaged = await midad(['import', 'midad', '--force', cut], target);
    assert.equal(damaged.status, 1);
    assert.match(damaged.stderr, /is not valid JSON .*cut short/);
    assert.ok(!damaged.stderr.includes('    at '));

    const altered = path.join(tempDir(), 'altered.json');
    const text = fs.readFileSync(exported, 'utf8').replace('Fatoumata Traoré', 'Fatoumata Traore');
    fs.writeFileSync(altered, text);
    const wrong = await midad(['import', 'midad', '--force', altered], target);
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /differs from the export in people; nothing was written/);
    assert.equal(snapshotDir(target.MIDAD_DATA_DIR), was);

    const forced = await midad(['import', 'midad', '--force', exported], target);
    assert.equal(forced.status, 0, forced.stderr);
    const replaced = await siteDigests(
      `sqlite:${path.join(target.MIDAD_DATA_DIR, 'midad.db')}`,
      path.join(target.MIDAD_DATA_DIR, 'media'),
    );
    assert.deepEqual(differences(original, replaced), []);
  });

  it('leaves out what is worked out from the body, and works it out again on loading', async () => {
    const data = JSON.parse(fs.readFileSync(exported, 'utf8'));
    const rows = data.tables.articles as Record<string, unknown>[];
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.ok('body_html' in row);
      assert.equal('body_words' in row || 'body_lead' in row, false);
    }
    const target = { MIDAD_DATA_DIR: path.join(tempDir(), 'facts') };
    const loaded = await midad(['import', 'midad', exported], target);
    assert.equal(loaded.status, 0, loaded.stderr);
    const db = new SQLite(path.join(target.MIDAD_DATA_DIR, 'midad.db'), { readonly: true });
    try {
      const missing = db.prepare(
        'select count(*) as n from articles where body_words is null or body_lead is null',
      );
      assert.equal((missing.get() as { n: number }).n, 0);
      const counted = db.prepare('select count(*) as n from articles where body_words > 0').get() as {
        n: number;
      };
      assert.ok(counted.n > 0);
    } finally {
      db.close();
    }
  });
});
