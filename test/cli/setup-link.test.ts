// The first run as an operator meets it: `midad init` and `midad serve` print a one-time setup
// link and never a password; running init again while no admin exists prints a fresh link and
// kills the old one; once an admin exists (through the link or `midad user add`) no link is
// printed and every old one is dead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { defaultSignInThrottles } from '../../src/services/auth/throttle.ts';
import { openServices } from '../../src/services/context.ts';
import { checkSetupLink, SetupLinkDead } from '../../src/services/setup/complete-setup.ts';
import { HttpClient } from '../support/http-client.ts';
import { type MidadProcess, startMidad } from '../support/midad-process.ts';
import { printedSetupLink, setUpFirstAdmin } from '../support/setup-link.ts';
import { freePort } from '../support/site.ts';

const BIN = path.resolve('bin/midad.js');
const START_TIMEOUT_MS = 120_000;
const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-setup-cli-'));
  dirs.push(dir);
  return dir;
}

function run(args: string[], env: Record<string, string>, input?: string) {
  const { DATABASE_URL: _db, MIDAD_PUBLIC_URL: _url, ...base } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
    ...(input !== undefined ? { input } : {}),
  });
}

/** The token at the end of a printed link, checked against the site's database in this process. */
async function linkWorks(dataDir: string, link: string): Promise<boolean> {
  const services = await openServices(loadConfig({}, { dataDir, logLevel: 'silent' }));
  try {
    const token = link.slice(link.lastIndexOf('/') + 1);
    await checkSetupLink(services, defaultSignInThrottles(), { token, ip: '127.0.0.1' });
    return true;
  } catch (err) {
    if (err instanceof SetupLinkDead) return false;
    throw err;
  } finally {
    await services.close();
  }
}

describe('midad init', () => {
  it('prints a setup link, never a password; a fresh one while no admin exists; none after', async () => {
    const dataDir = tempDir();
    const env = { MIDAD_DATA_DIR: dataDir, MIDAD_PUBLIC_URL: 'https://news.example' };
    const first = run(['init', '--no-demo'], env);
    assert.equal(first.status, 0, first.stderr);
    const link = printedSetupLink(first.stdout);
    assert.match(link ?? '', /^https:\/\/news\.example\/newsroom\/setup\/[A-Za-z0-9_-]{43}$/, first.stdout);
    assert.ok(!/password/i.test(first.stdout + first.stderr), 'no password is printed');
    assert.match(first.stdout, /works once/);

    const again = run(['init', '--no-demo'], env);
    assert.equal(again.status, 0, again.stderr);
    const fresh = printedSetupLink(again.stdout);
    assert.ok(fresh && fresh !== link, `a fresh link is printed\n${again.stdout}`);
    assert.ok(!again.stdout.includes('already set up'));
    assert.equal(await linkWorks(dataDir, link ?? ''), false, 'the old link is dead');
    assert.equal(await linkWorks(dataDir, fresh), true, 'the fresh one works');

    // `midad user add` still makes accounts for scripts; an admin made that way ends setup.
    const added = run(
      ['user', 'add', '--email', 'ops@midad.example', '--name', 'Ops', '--role', 'admin'],
      env,
      'provisioned by the deploy job\n',
    );
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Added Ops <ops@midad\.example> as admin/);
    assert.equal(await linkWorks(dataDir, fresh), false, 'an admin exists: the link is dead');
    const later = run(['init'], env);
    assert.equal(later.status, 0, later.stderr);
    assert.equal(printedSetupLink(later.stdout), null, later.stdout);
    assert.match(later.stdout, /already set up/);
  });
});

describe('midad serve', () => {
  let server: MidadProcess | null = null;
  after(() => server?.kill());

  it('prints the link; the page makes the admin; a restart prints nothing', {
    timeout: 4 * START_TIMEOUT_MS,
  }, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = { MIDAD_DATA_DIR: dataDir, MIDAD_PUBLIC_URL: `http://127.0.0.1:${port}` };
    server = await startMidad({ port, env, startTimeoutMs: START_TIMEOUT_MS });
    const link = printedSetupLink(server.stdout());
    assert.ok(link, server.output());
    assert.ok(!/password/i.test(server.output()), 'no password is printed');
    const client = new HttpClient(server.baseUrl);
    const admin = { name: 'Desk', email: 'desk@midad.example', password: 'rain over the harmattan' };
    await setUpFirstAdmin(client, server.stdout(), admin);
    assert.equal((await client.get('/newsroom')).status, 200, 'signed in');
    assert.equal((await new HttpClient(server.baseUrl).get(new URL(link).pathname)).status, 404, 'dead now');
    await server.stop(20_000);

    server = await startMidad({ port, env, startTimeoutMs: START_TIMEOUT_MS });
    assert.equal(printedSetupLink(server.stdout()), null, server.output());
    assert.equal((await new HttpClient(server.baseUrl).signIn(admin.email, admin.password)).status, 303);
    await server.stop(20_000);
    server = null;
  });
});
