// `midad import wordpress` as an operator runs it: a summary and a report file on success,
// the same counts with nothing written on --dry-run, one clear line and exit 1 on a bad file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = path.resolve(import.meta.dirname, '../../bin/midad.js');
const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/wxr');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-cli-import-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function midad(args: string[], dataDir: string) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...env, MIDAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('midad import wordpress', () => {
  const exportFile = path.join(FIXTURES, 'sahel-news.xml');

  it('refuses a folder with no site, creating nothing', () => {
    const site = path.join(dir, 'nothing');
    const res = midad(['import', 'wordpress', exportFile], site);
    assert.equal(res.status, 1, res.stderr);
    assert.match(res.stderr, /^midad: no Midad site at .*; run `midad init`/);
    assert.equal(res.stderr.trim().split('\n').length, 1);
    assert.ok(!fs.existsSync(site), 'no data folder, no database');
  });

  it('reports counts without writing on --dry-run, then imports with a report file', () => {
    const site = path.join(dir, 'site');
    assert.equal(midad(['init', '--no-demo'], site).status, 0);
    const dry = midad(
      ['import', 'wordpress', exportFile, '--dry-run', '--report', path.join(dir, 'dry.json')],
      site,
    );
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /Dry run \(nothing written\)/);
    assert.match(dry.stdout, /articles +6 new/);
    assert.ok(!fs.existsSync(path.join(site, 'media')));

    const uploads = path.join(FIXTURES, 'uploads');
    const real = midad(
      ['import', 'wordpress', exportFile, '--uploads', uploads, '--report', path.join(dir, 'r.json')],
      site,
    );
    assert.equal(real.status, 0, real.stderr);
    assert.match(real.stdout, /comments +4 new/);
    assert.match(real.stderr, /warning: sahel-news\.xml:\d+: post 13 is password-protected/);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'));
    assert.equal(report.counts.media.imported, 1);
    assert.deepEqual(report.unknownShortcodes, { 'contact-form-7': 1 });

    const again = midad(
      ['import', 'wordpress', exportFile, '--uploads', uploads, '--report', path.join(dir, 'r2.json')],
      site,
    );
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /articles +0 new, 6 already there/);
  });

  it('exits 1 with one line on stderr for a file it cannot import', () => {
    assert.equal(midad(['init', '--no-demo'], path.join(dir, 'bad')).status, 0);
    const empty = path.join(dir, 'empty.xml');
    fs.writeFileSync(empty, '');
    for (const [file, message] of [
      [empty, /empty \(0 bytes\)/],
      [path.join(dir, 'none.xml'), /The file .*none\.xml does not exist/],
      [path.resolve(import.meta.dirname, '../../package.json'), /not an XML file/],
    ] as const) {
      const res = midad(['import', 'wordpress', file], path.join(dir, 'bad'));
      assert.equal(res.status, 1, res.stderr);
      assert.match(res.stderr, message);
      assert.equal(res.stderr.trim().split('\n').length, 1);
      assert.ok(!res.stderr.includes('    at '));
    }
    const missingUploads = midad(
      ['import', 'wordpress', exportFile, '--uploads', path.join(dir, 'no-uploads')],
      path.join(dir, 'bad'),
    );
    assert.equal(missingUploads.status, 1);
    assert.match(missingUploads.stderr, /uploads folder .* does not exist/);
    assert.ok(!fs.existsSync(path.join(dir, 'bad', 'imports')), 'no report for a refused import');
  });
});
