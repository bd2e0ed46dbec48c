// Bad input to `midad backup` and `midad restore`: every case ends in one clear line on stderr,
// a non-zero exit, and a target left exactly as it was.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import * as tar from 'tar';
import { differences } from '../../src/services/backup/digest.ts';
import {
  cleanUp,
  freshPostgres,
  midad,
  type RunResult,
  siteDigests,
  snapshotDir,
  tamper,
  tempDir,
} from '../support/backup.ts';

after(cleanUp);

function refused(r: RunResult, message: RegExp): void {
  assert.equal(r.status, 1, `exit status (stdout: ${r.stdout})`);
  assert.match(r.stderr, message);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.ok(!r.stderr.includes('    at '), 'no stack trace');
}

async function schemasNamed(url: string, like: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE $1', [like]);
    return r.rows[0].n as number;
  } finally {
    await client.end();
  }
}

async function tablesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    return r.rows[0].n as number;
  } finally {
    await client.end();
  }
}

/** A small site (no demo) with one media file, and its backup. */
async function smallSite(env: Record<string, string>): Promise<string> {
  assert.equal((await midad(['init', '--no-demo'], env)).status, 0);
  const media = path.join(env.MIDAD_DATA_DIR as string, 'media', '2026', '11');
  fs.mkdirSync(media, { recursive: true });
  fs.writeFileSync(path.join(media, '5e1f0c2a9b7d4e31.jpg'), Buffer.alloc(2048, 0x5a));
  const archive = path.join(tempDir(), 'site.tar.gz');
  const r = await midad(['backup', archive], env);
  assert.equal(r.status, 0, r.stderr);
  return archive;
}

describe('restore refuses bad input and leaves the target as it was', () => {
  let archive: string;
  before(async () => {
    archive = await smallSite({ MIDAD_DATA_DIR: path.join(tempDir(), 'site') });
  });

  it('a data folder that is not empty, unless --force', async () => {
    const dataDir = path.join(tempDir(), 'busy');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'ne pas effacer');
    const was = snapshotDir(dataDir);
    refused(await midad(['restore', archive], { MIDAD_DATA_DIR: dataDir }), /is not empty.*--force/);
    assert.equal(snapshotDir(dataDir), was);
    const forced = await midad(['restore', '--force', archive], { MIDAD_DATA_DIR: dataDir });
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(!fs.existsSync(path.join(dataDir, 'notes.txt')));
    assert.ok(fs.existsSync(path.join(dataDir, 'midad.db')));
    assert.deepEqual(
      fs.readdirSync(path.dirname(dataDir)).filter((n) => n.startsWith('.')),
      [],
      'no staging folder left',
    );
  });

  const broken: [string, RegExp, (file: string) => Promise<void>][] = [
    [
      'a truncated archive',
      /not a readable Midad backup/,
      async (file) => {
        const bytes = fs.readFileSync(archive);
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
    ],
    [
      'a file whose bytes changed',
      /does not match its checksum: the backup is damaged/,
      (file) =>
        tamper(archive, file, (dir) => {
          const media = path.join(dir, 'data', 'media', '2026', '11', '5e1f0c2a9b7d4e31.jpg');
          const bytes = fs.readFileSync(media);
          bytes[100] = 0x00;
          fs.writeFileSync(media, bytes);
        }),
    ],
    [
      'a file missing',
      /is missing data\/media\/2026\/11\/5e1f0c2a9b7d4e31\.jpg/,
      (file) =>
        tamper(archive, file, (dir) =>
          fs.rmSync(path.join(dir, 'data', 'media', '2026', '11', '5e1f0c2a9b7d4e31.jpg')),
        ),
    ],
    [
      'a file the manifest does not list',
      /holds data\/extra\.txt, which its manifest does not list/,
      (file) => tamper(archive, file, (dir) => fs.writeFileSync(path.join(dir, 'data', 'extra.txt'), 'x')),
    ],
    [
      'an archive of something else',
      /has no manifest\.json: it is not a Midad backup/,
      async (file) => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'rapport.txt'), 'Rapport annuel de la coopérative de Sikasso');
        await tar.c({ gzip: true, file, cwd: dir }, ['rapport.txt']);
      },
    ],
    [
      'a file that is not an archive',
      /not a readable Midad backup/,
      async (file) => fs.writeFileSync(file, '{}'),
    ],
  ];
  for (const [name, message, make] of broken) {
    it(name, async () => {
      const file = path.join(tempDir(), 'broken.tar.gz');
      await make(file);
      const dataDir = path.join(tempDir(), 'target');
      refused(await midad(['restore', file], { MIDAD_DATA_DIR: dataDir }), message);
      assert.ok(!fs.existsSync(dataDir), 'nothing written');
      assert.deepEqual(fs.readdirSync(path.dirname(dataDir)), [], 'no staging folder left');
    });
  }

  it('a SQLite backup into PostgreSQL, pointing to export and import', async () => {
    const url = await freshPostgres();
    const dataDir = path.join(tempDir(), 'target');
    refused(
      await midad(['restore', archive], { MIDAD_DATA_DIR: dataDir, DATABASE_URL: url }),
      /This is a SQLite backup and DATABASE_URL names PostgreSQL.*midad export.*midad import midad/,
    );
    assert.equal(await tablesIn(url), 0);
    assert.ok(!fs.existsSync(dataDir));
  });

  it('a backup file that does not exist, or a name already taken for a new backup', async () => {
    const dataDir = path.join(tempDir(), 'target');
    refused(
      await midad(['restore', path.join(dataDir, 'none.tar.gz')], { MIDAD_DATA_DIR: dataDir }),
      /does not exist/,
    );
    assert.equal((await midad(['init', '--no-demo'], { MIDAD_DATA_DIR: dataDir })).status, 0);
    refused(
      await midad(['backup', archive], { MIDAD_DATA_DIR: dataDir }),
      /already exists; give the backup a new name/,
    );
  });
});

describe('PostgreSQL refusals', () => {
  it('restore into a database that already holds Midad tables, unless --force', async () => {
    const source = { MIDAD_DATA_DIR: path.join(tempDir(), 'site'), DATABASE_URL: await freshPostgres() };
    const archive = await smallSite(source);
    const target = { MIDAD_DATA_DIR: path.join(tempDir(), 'target'), DATABASE_URL: await freshPostgres() };
    assert.equal((await midad(['init', '--no-demo'], target)).status, 0);
    fs.rmSync(target.MIDAD_DATA_DIR, { recursive: true, force: true });
    const tables = await tablesIn(target.DATABASE_URL);
    refused(await midad(['restore', archive], target), /already holds \d+ tables.*--force/);
    assert.equal(await tablesIn(target.DATABASE_URL), tables);
    assert.ok(!fs.existsSync(target.MIDAD_DATA_DIR));
    const forced = await midad(['restore', '--force', archive], target);
    assert.equal(forced.status, 0, forced.stderr);
  });

  it('a restored database that differs from its backup is put back as it was', async () => {
    const source = { MIDAD_DATA_DIR: path.join(tempDir(), 'site'), DATABASE_URL: await freshPostgres() };
    const archive = await smallSite(source);
    // The dump gains a statement and the manifest its new checksum: every file matches, and only
    // the content of the restored database can tell.
    const altered = path.join(tempDir(), 'altered.tar.gz');
    await tamper(archive, altered, (dir) => {
      const dump = path.join(dir, 'database', 'midad.sql');
      fs.appendFileSync(
        dump,
        "\nUPDATE public.settings SET value = value || ' ' WHERE key = (SELECT min(key) FROM public.settings);\n",
      );
      const manifestFile = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
      const entry = manifest.files.find((f: { path: string }) => f.path === 'database/midad.sql');
      const bytes = fs.readFileSync(dump);
      entry.size = bytes.length;
      entry.sha256 = createHash('sha256').update(bytes).digest('hex');
      fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    });
    const target = { MIDAD_DATA_DIR: path.join(tempDir(), 'target'), DATABASE_URL: await freshPostgres() };
    assert.equal((await midad(['init', '--no-demo'], target)).status, 0);
    const mediaRoot = path.join(target.MIDAD_DATA_DIR, 'media');
    const before = await siteDigests(target.DATABASE_URL, mediaRoot);
    const folder = snapshotDir(target.MIDAD_DATA_DIR);

    refused(
      await midad(['restore', '--force', altered], target),
      /differs from it in settings; the database was put back as it was/,
    );
    assert.deepEqual(differences(before, await siteDigests(target.DATABASE_URL, mediaRoot)), []);
    assert.equal(snapshotDir(target.MIDAD_DATA_DIR), folder);
    assert.equal(await schemasNamed(target.DATABASE_URL, 'midad_before_restore_%'), 0);
    // The same backup unaltered replaces the site, and leaves no schema aside either.
    assert.equal((await midad(['restore', '--force', archive], target)).status, 0);
    assert.equal(await schemasNamed(target.DATABASE_URL, 'midad_before_restore_%'), 0);
  });

  it('a backup without pg_dump names the package to install, and writes nothing', async () => {
    const env = { MIDAD_DATA_DIR: path.join(tempDir(), 'site'), DATABASE_URL: await freshPostgres() };
    assert.equal((await midad(['init', '--no-demo'], env)).status, 0);
    const archive = path.join(tempDir(), 'none.tar.gz');
    refused(
      await midad(['backup', archive], { ...env, PATH: path.join(tempDir(), 'empty-bin') }),
      /pg_dump was not found on PATH.*postgresql-client/,
    );
    assert.deepEqual(fs.readdirSync(path.dirname(archive)), []);
  });
});
