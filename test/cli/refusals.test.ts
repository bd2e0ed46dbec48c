// What `midad` refuses before it touches anything: an unsupported DATABASE_URL, a folder or
// database that holds no site, a missing input file, a broken .env. Each refusal is one line on
// stderr, a non-zero exit, and nothing created: no database file, no data folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { cleanUp, freshPostgres } from '../support/backup.ts';

const BIN = path.resolve('bin/midad.js');
const dirs: string[] = [];
after(async () => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  await cleanUp();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-refusals-'));
  dirs.push(dir);
  return dir;
}

/** Runs `midad ARGS` in `cwd` with only the given Midad settings. */
function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of ['DATABASE_URL', 'MIDAD_DATA_DIR', 'REDIS_URL', 'LOG_LEVEL']) delete base[name];
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function assertOneLineRefusal(r: ReturnType<typeof run>, message: RegExp, what: string): void {
  assert.notEqual(r.status, 0, `${what} exited 0: ${r.stdout}`);
  assert.match(r.stderr, message, what);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${what}: ${r.stderr}`);
  assert.equal(r.stdout, '', what);
}

describe('midad --version', () => {
  it('prints the version of package.json', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    const r = run(['--version'], tempDir());
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  });
});

describe('usage mistakes', () => {
  it("show an option's choices in --help, and refuse another value in one line", () => {
    const cwd = tempDir();
    const help = run(['user', 'add', '--help'], cwd);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--role <role>[\s\S]*choices: "admin", "editor", "author",\s+"contributor"/);
    const r = run(['user', 'add', '--email', 'x@midad.example', '--name', 'X', '--role', 'boss'], cwd, {
      MIDAD_DATA_DIR: path.join(cwd, 'data'),
    });
    assertOneLineRefusal(
      r,
      /'boss' is invalid\. Allowed choices are admin, editor, author, contributor/,
      'role',
    );
    const unknown = run(['publish-everything'], cwd);
    assertOneLineRefusal(unknown, /unknown command 'publish-everything'/, 'unknown command');
    assert.deepEqual(fs.readdirSync(cwd), []);
  });
});

describe('a bad number of serving processes', () => {
  it('--workers 0, negative or not a number, and MIDAD_WORKERS=0, are refused before anything starts', () => {
    for (const [args, env, message] of [
      [['--workers', '0'], {}, /--workers must be 1 or more, got 0\./],
      [['--workers', '-1'], {}, /--workers must be a whole number of processes \(1 or more\), got "-1"/],
      [['--workers', 'all'], {}, /--workers must be a whole number of processes \(1 or more\), got "all"/],
      [[], { MIDAD_WORKERS: '0' }, /MIDAD_WORKERS must be 1 or more, got 0\./],
    ] as const) {
      const cwd = tempDir();
      const r = run(['serve', ...args], cwd, { MIDAD_DATA_DIR: path.join(cwd, 'data'), ...env });
      assertOneLineRefusal(r, message, `${args.join(' ')} ${JSON.stringify(env)}`);
      assert.deepEqual(fs.readdirSync(cwd), [], 'nothing is created');
    }
  });
});

describe('an unsupported DATABASE_URL', () => {
  it('is refused with the accepted forms, without its password, and nothing is created', () => {
    for (const command of [['serve'], ['init'], ['user', 'list'], ['backup', 'site.tar.gz']]) {
      const cwd = tempDir();
      const r = run(command, cwd, {
        DATABASE_URL: 'mysql://midad:hunter2-secret@127.0.0.1/midad',
        MIDAD_DATA_DIR: path.join(cwd, 'data'),
      });
      assertOneLineRefusal(
        r,
        /DATABASE_URL must be sqlite:PATH, a file path, or a postgres:\/\//,
        command[0]!,
      );
      assert.match(r.stderr, /"mysql:"/);
      assert.ok(!r.stderr.includes('hunter2'), 'the password is not repeated');
      assert.deepEqual(fs.readdirSync(cwd), [], `${command.join(' ')} left files behind`);
    }
  });
});

describe('a folder with no site', () => {
  const commands = (cwd: string) => [
    ['user', 'list'],
    ['user', 'reset-password', '--email', 'nobody@midad.example'],
    ['reindex'],
    ['migrate'],
    ['export', path.join(cwd, 'site.json')],
    ['backup', path.join(cwd, 'site.tar.gz')],
    ['import', 'wordpress', path.resolve('test/fixtures/wxr/sahel-news.xml')],
  ];

  it('is refused by every command that needs a site, and nothing is created', () => {
    const cwd = tempDir();
    const dataDir = path.join(cwd, 'data');
    for (const command of commands(cwd)) {
      const r = run(command, cwd, { MIDAD_DATA_DIR: dataDir });
      const where = path.join(dataDir, 'midad.db').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assertOneLineRefusal(
        r,
        new RegExp(`^midad: no Midad site at ${where}; run \`midad init\``),
        command.join(' '),
      );
      assert.deepEqual(fs.readdirSync(cwd), [], `${command.join(' ')} left files behind`);
    }
  });

  it('is refused when the database file is empty, which stays as it was', () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'midad.db'), '');
    const r = run(['user', 'list'], cwd, { MIDAD_DATA_DIR: cwd });
    assertOneLineRefusal(r, /no Midad site at .*midad\.db/, 'user list');
    assert.deepEqual(fs.readdirSync(cwd), ['midad.db']);
    assert.equal(fs.statSync(path.join(cwd, 'midad.db')).size, 0);
  });

  it('is refused on a PostgreSQL database without Midad tables, which stays empty', async () => {
    const url = await freshPostgres();
    const cwd = tempDir();
    for (const command of [['user', 'list'], ['reindex'], ['export', path.join(cwd, 'site.json')]]) {
      const r = run(command, cwd, { DATABASE_URL: url, MIDAD_DATA_DIR: path.join(cwd, 'data') });
      assertOneLineRefusal(r, /no Midad site at 127\.0\.0\.1:\d+\/midad_backup_test_\w+; run/, command[0]!);
    }
    assert.deepEqual(fs.readdirSync(cwd), []);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      assert.deepEqual(tables.rows, [], 'no tables were created');
    } finally {
      await client.end();
    }
  });

  it('is accepted once `midad init` has made one', () => {
    const cwd = tempDir();
    const env = { MIDAD_DATA_DIR: path.join(cwd, 'data') };
    assert.equal(run(['init', '--no-demo'], cwd, env).status, 0);
    const r = run(['user', 'list'], cwd, env);
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('a missing input file', () => {
  it('is named with the same words by every command that reads one', () => {
    const cwd = tempDir();
    const missing = path.join(cwd, 'not-here');
    for (const command of [
      ['restore', missing],
      ['import', 'midad', missing],
      ['import', 'wordpress', missing],
    ]) {
      const r = run(command, cwd, { MIDAD_DATA_DIR: path.join(cwd, 'data') });
      assertOneLineRefusal(r, /^midad: The file .*not-here does not exist\.$/m, command.join(' '));
      assert.deepEqual(fs.readdirSync(cwd), [], `${command.join(' ')} left files behind`);
    }
  });
});

describe('a .env file in the working folder', () => {
  it('supplies settings, and a variable set in the environment wins', () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.env'), '# the site\nMIDAD_DATA_DIR=./from-env-file\n');
    assert.equal(run(['init', '--no-demo'], cwd).status, 0);
    assert.ok(fs.existsSync(path.join(cwd, 'from-env-file', 'midad.db')));

    const r = run(['init', '--no-demo'], cwd, { MIDAD_DATA_DIR: path.join(cwd, 'from-environment') });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(cwd, 'from-environment', 'midad.db')));
  });

  it('that is malformed is refused with its line number, not its content', () => {
    for (const [text, line] of [
      ['MIDAD_DATA_DIR=./data\nDATABASE_URL postgres://midad:s3cret@db/midad\n', 2],
      ['MIDAD_DATA_DIR="./data\n', 1],
    ] as const) {
      const cwd = tempDir();
      fs.writeFileSync(path.join(cwd, '.env'), text);
      const r = run(['init', '--no-demo'], cwd);
      assertOneLineRefusal(r, new RegExp(`\\.env, line ${line}: `), text);
      assert.ok(!r.stderr.includes('s3cret'));
      assert.deepEqual(fs.readdirSync(cwd), ['.env']);
    }
  });
});
