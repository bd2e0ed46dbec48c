// `midad locales check` as a translator runs it, and a server refusing to start on a bad
// catalogue: one line on stderr naming the file and the key, exit 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = path.resolve(import.meta.dirname, '../../bin/midad.js');
const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/locales');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-cli-locales-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function midad(args: string[], extra: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, MIDAD_LOCALES_DIR: _own, ...env } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...env, MIDAD_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', ...extra },
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('midad locales check', () => {
  it('counts the keys a file translates and names those that fall back', () => {
    const res = midad(['locales', 'check', path.join(FIXTURES, 'fa.json')]);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stderr, '');
    assert.match(
      res.stdout,
      /fa\.json \(fa\): 8 of (\d+) keys translated; \d+ fall back to en: skipToContent, /,
    );
    const [, total, missing] = /of (\d+) keys translated; (\d+) fall back/.exec(res.stdout)!;
    assert.equal(Number(total) - Number(missing), 8);
    assert.doesNotMatch(res.stdout, /: .*\bhome\b/, 'a translated key is not listed');
    assert.match(
      midad(['locales', 'check', '--fallback', 'fr', path.join(FIXTURES, 'fa.json')]).stdout,
      /to fr:/,
    );
  });

  it('checks the operator folder when given no file', () => {
    const res = midad(['locales', 'check'], { MIDAD_LOCALES_DIR: FIXTURES });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /fa\.json \(fa\): 8 of/);
  });

  it('refuses a bad file in one line, and still reports the good ones', () => {
    const bad = write('ur.json', '{"searchResultsFor": "{query} کے نتائج"}');
    const res = midad(['locales', 'check', bad, path.join(FIXTURES, 'fa.json')]);
    assert.equal(res.status, 1);
    assert.equal(
      res.stderr,
      `midad: ${bad}: "searchResultsFor" takes {query} but the Arabic text takes {q}\n`,
    );
    assert.match(res.stdout, /fa\.json \(fa\): 8 of/);
    const notJson = write('ha.json', '{"home": "Gida",}');
    const broken = midad(['locales', 'check', notJson]);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /^midad: .*ha\.json: not JSON \(.+\)\n$/);
    const wrongFallback = midad(['locales', 'check', '--fallback', 'de', notJson]);
    assert.equal(wrongFallback.status, 1);
    assert.equal(wrongFallback.stderr, 'midad: --fallback de: the fallback is one of ar, fr, en\n');
  });

  it('keeps the server from starting with a bad catalogue in MIDAD_LOCALES_DIR', () => {
    write('own/bm.json', '{"home": "So", "pageWeight": "{n, plural, one {# Ko}"}');
    const res = midad(['serve', '--port', '0'], { MIDAD_LOCALES_DIR: path.join(dir, 'own') });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /^midad: .*own\/bm\.json: "pageWeight" is not valid ICU MessageFormat \(.+\n$/);
    const missing = midad(['serve', '--port', '0'], { MIDAD_LOCALES_DIR: path.join(dir, 'nowhere') });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^midad: MIDAD_LOCALES_DIR=.*nowhere: no such folder\n$/);
  });
});
