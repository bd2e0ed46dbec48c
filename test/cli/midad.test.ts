// The `midad` command as an operator meets it: first start, second start, and the clear
// one-line errors for the mistakes an operator makes.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort } from '../support/site.ts';

const BIN = path.resolve('bin/midad.js');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-cli-'));
  dirs.push(dir);
  return dir;
}

function run(args: string[], env: Record<string, string>, input?: string) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
    ...(input !== undefined ? { input } : {}),
  });
}

/** Starts `midad serve`, waits for its "serving" line, fetches a page, and stops it. */
async function serveOnce(env: Record<string, string>): Promise<{ stdout: string; status: number }> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...base, LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout}`)), 120_000);
      child.stdout.on('data', () => {
        if (stdout.includes('Midad is serving')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stdout}`)));
    });
    const res = await fetch(`http://127.0.0.1:${env.PORT}/`);
    return { stdout, status: res.status };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

describe('midad serve', () => {
  it('creates the data folder, seeds once, prints a setup link (no password), and reuses the data', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await serveOnce({ MIDAD_DATA_DIR: dataDir, PORT: String(await freePort()) });
    assert.equal(first.status, 200);
    assert.match(first.stdout, /^ +http:\/\/127\.0\.0\.1:\d+\/newsroom\/setup\/[A-Za-z0-9_-]{43}$/m);
    assert.ok(!/password/i.test(first.stdout), 'no password is printed');
    assert.ok(fs.existsSync(path.join(dataDir, 'midad.db')));
    const second = await serveOnce({ MIDAD_DATA_DIR: dataDir, PORT: String(await freePort()) });
    assert.equal(second.status, 200);
    assert.ok(!/password/i.test(second.stdout), 'no password is printed');
    assert.ok(!second.stdout.includes('demo content'), 'no second seeding');
  });
});

describe('operator mistakes', () => {
  it('a bad PORT', () => {
    const r = run(['serve'], { MIDAD_DATA_DIR: tempDir(), PORT: 'eighty' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /PORT must be a whole number from 0 to 65535, got "eighty"/);
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
  });

  it('a corrupt database file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'midad.db'), Buffer.alloc(4096, 7));
    const r = run(['migrate'], { MIDAD_DATA_DIR: dir });
    assert.notEqual(r.status, 0);
    assert.ok(r.stderr.includes(path.join(dir, 'midad.db')), r.stderr);
    assert.match(r.stderr, /restore it from a backup/);
  });

  it('an unreachable PostgreSQL', () => {
    const r = run(['migrate'], {
      MIDAD_DATA_DIR: tempDir(),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/midad',
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/midad/);
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
  });

  it('an unknown command', () => {
    const r = run(['publish-everything'], { MIDAD_DATA_DIR: tempDir() });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /unknown command/);
  });

  it('migrate on a site is harmless, twice', () => {
    const dir = tempDir();
    assert.equal(run(['init', '--no-demo'], { MIDAD_DATA_DIR: dir }).status, 0);
    assert.match(run(['migrate'], { MIDAD_DATA_DIR: dir }).stdout, /is up to date/);
    assert.match(run(['migrate'], { MIDAD_DATA_DIR: dir }).stdout, /is up to date/);
  });
});

describe('midad user', () => {
  it('adds staff with a password from standard input or a generated one, lists and resets them', () => {
    const env = { MIDAD_DATA_DIR: tempDir() };
    assert.equal(run(['init', '--no-demo'], env).status, 0);
    const added = run(
      ['user', 'add', '--email', 'Awa@Midad.example', '--name', 'Awa Keita', '--role', 'editor'],
      env,
      'river season 2026 ok\n',
    );
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Added Awa Keita <awa@midad\.example> as editor/);
    assert.ok(!added.stdout.includes('Password'), 'a password given on stdin is not printed');
    const generated = run(
      ['user', 'add', '--email', 'ali@midad.example', '--name', 'Ali', '--role', 'author'],
      env,
      '',
    );
    assert.match(generated.stdout, /Password \(shown once\): \S{20}/);
    const list = run(['user', 'list'], env);
    assert.match(list.stdout, /awa@midad\.example\teditor\tAwa Keita/);
    assert.ok(!list.stdout.includes('\tadmin\t'), 'no admin until the setup link is used');
    const reset = run(['user', 'reset-password', '--email', 'awa@midad.example'], env, '');
    assert.match(reset.stdout, /New password \(shown once\): \S{20}/);
  });

  it('refuses bad input with one clear line and a non-zero exit', () => {
    const env = { MIDAD_DATA_DIR: tempDir() };
    assert.equal(run(['init', '--no-demo'], env).status, 0);
    const cases: [string[], string | undefined, RegExp][] = [
      [
        ['user', 'add', '--email', 'nope', '--name', 'X', '--role', 'editor'],
        '',
        /not a valid e-mail address/,
      ],
      [
        ['user', 'add', '--email', 'x@midad.example', '--name', 'X', '--role', 'boss'],
        '',
        /argument 'boss' is invalid\. Allowed choices are admin, editor, author, contributor/,
      ],
      [
        ['user', 'add', '--email', 'x@midad.example', '--name', 'X', '--role', 'author'],
        'short\n',
        /at least 12 characters/,
      ],
      [['user', 'reset-password', '--email', 'ghost@midad.example'], '', /No person with the e-mail/],
    ];
    for (const [args, input, message] of cases) {
      const r = run(args, env, input);
      assert.notEqual(r.status, 0, args.join(' '));
      assert.match(r.stderr, message);
      assert.ok(!r.stderr.includes('    at '), 'no stack trace');
    }
  });
});
