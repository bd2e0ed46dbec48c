// `midad import wordpress --language` and `midad tags link|unlink` as an operator runs them:
// a bad tag or an unknown tag name is one line on stderr and exit 1, nothing written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const BIN = path.resolve(import.meta.dirname, '../../bin/midad.js');
const PERSIAN = path.resolve(import.meta.dirname, '../../test/fixtures/wxr/languages/persian-blog.xml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-cli-languages-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function midad(args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...env, MIDAD_DATA_DIR: dir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('midad languages on the command line', () => {
  before(() => {
    assert.equal(midad(['init']).status, 0);
  });

  it('refuses a bad --language in one line, writing nothing', () => {
    const res = midad(['import', 'wordpress', PERSIAN, '--language', 'not a tag!']);
    assert.equal(res.status, 1);
    assert.equal(res.stderr.trim().split('\n').length, 1);
    assert.match(res.stderr, /^midad: --language: "not a tag!" is not a BCP 47 language tag/);
    assert.doesNotMatch(res.stdout, /Imported/);
  });

  it('imports with the corrected languages named in the summary', () => {
    const res = midad(['import', 'wordpress', PERSIAN, '--report', path.join(dir, 'r.json')]);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /language corrected from the text: 3 post\(s\)/);
    assert.match(res.stdout, /post 11 .*: en-US → fa/);
  });

  it('links two tags by name and refuses an unknown one', () => {
    const ok = midad(['tags', 'link', 'تمبكتو', 'باماكو']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^Linked: تمبكتو = باماكو/);
    const bad = midad(['tags', 'link', 'تمبكتو', 'no-such-tag']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^midad: No tag has the slug or name "no-such-tag"\.\n$/);
    assert.equal(midad(['tags', 'unlink', 'باماكو']).status, 0);
  });
});
