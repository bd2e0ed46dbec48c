// Backups and exports hold the site secret and password hashes: they are written readable by
// their owner only (0600) even under the usual umask (022), and nothing else (a temporary file,
// a work folder) is left beside them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const BIN = path.resolve('bin/midad.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-private-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
const env = (() => {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL']) delete base[name];
  return { ...base, MIDAD_DATA_DIR: path.join(root, 'site'), LOG_LEVEL: 'silent' };
})();

/** `midad ARGS` under umask 022, whatever the test runner's own umask is. */
function midad(args: string[]) {
  const r = spawnSync('/bin/sh', ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, BIN, ...args], {
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  assert.equal(r.status, 0, `midad ${args.join(' ')}: ${r.stderr}`);
  return r;
}

function modeOf(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

describe('files that hold secrets', () => {
  before(() => {
    midad(['init']);
  });

  it('a backup archive is 0600 and alone in its folder', () => {
    const out = path.join(root, 'backups');
    fs.mkdirSync(out);
    const r = midad(['backup', path.join(out, 'site.tar.gz')]);
    assert.equal(r.stderr, '', 'no progress bar when stderr is not a terminal');
    assert.deepEqual(fs.readdirSync(out), ['site.tar.gz']);
    assert.equal(modeOf(path.join(out, 'site.tar.gz')), '600');
  });

  it('an export is 0600 and alone in its folder', () => {
    const out = path.join(root, 'exports');
    fs.mkdirSync(out);
    const r = midad(['export', path.join(out, 'site.json')]);
    assert.equal(r.stderr, '', 'no progress bar when stderr is not a terminal');
    assert.deepEqual(fs.readdirSync(out), ['site.json']);
    assert.equal(modeOf(path.join(out, 'site.json')), '600');
  });
});
