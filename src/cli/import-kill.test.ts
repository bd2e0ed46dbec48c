// An import killed with SIGKILL in the middle, then run again, ends exactly like one clean run:
// committed batches are recognized through the import map, the interrupted one left nothing.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import SQLite from 'better-sqlite3';

const BIN = path.resolve(import.meta.dirname, '../../bin/midad.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-cli-kill-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
const envFor = (dataDir: string) => ({ ...baseEnv, MIDAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

function exportOf(posts: number): string {
  const items = Array.from({ length: posts }, (_, i) => {
    const id = i + 1;
    const comments = [1, 2]
      .map(
        (k) =>
          `<wp:comment><wp:comment_id>${id * 10 + k}</wp:comment_id><wp:comment_author>قارئ</wp:comment_author><wp:comment_author_email>r@mail.example</wp:comment_author_email><wp:comment_date_gmt>2024-01-01 10:0${k}:00</wp:comment_date_gmt><wp:comment_content>تعليق ${k}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${k === 2 ? id * 10 + 1 : 0}</wp:comment_parent></wp:comment>`,
      )
      .join('');
    return `<item><title>خبر ${id}</title><link>https://kill.example/?p=${id}</link><dc:creator>amina</dc:creator><content:encoded><![CDATA[فقرة أولى عن الخبر ${id}.\n\nفقرة ثانية.]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-01-01 09:00:00</wp:post_date_gmt><wp:post_name>news-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${comments}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>t</title><link>https://kill.example</link><language>ar</language><wp:wxr_version>1.2</wp:wxr_version><wp:author><wp:author_login>amina</wp:author_login><wp:author_email>amina@kill.example</wp:author_email></wp:author>${items.join('\n')}</channel></rss>`;
}

function count(dataDir: string, table: string): number {
  const db = new SQLite(path.join(dataDir, 'midad.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function state(dataDir: string) {
  return Object.fromEntries(
    ['articles', 'comments', 'redirects', 'article_meta', 'import_map'].map((t) => [t, count(dataDir, t)]),
  );
}

it('finishes after a SIGKILL with the same result as one clean run', async () => {
  const file = path.join(dir, 'export.xml');
  fs.writeFileSync(file, exportOf(300));
  const args = [BIN, 'import', 'wordpress', file, '--batch-size', '10'];

  const cleanDir = path.join(dir, 'clean');
  const killedDir = path.join(dir, 'killed');
  for (const site of [cleanDir, killedDir]) {
    const init = spawnSync(process.execPath, [BIN, 'init', '--no-demo'], {
      env: envFor(site),
      encoding: 'utf8',
    });
    assert.equal(init.status, 0, init.stderr);
  }
  const clean = spawnSync(process.execPath, args, {
    env: envFor(cleanDir),
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(clean.status, 0, clean.stderr);

  const child = spawn(process.execPath, args, { env: envFor(killedDir), stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let seen = 0;
  for (let i = 0; i < 3000 && seen < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      seen = count(killedDir, 'articles');
    } catch {
      // the database or its tables do not exist yet
    }
  }
  child.kill('SIGKILL');
  await exited;
  const partial = count(killedDir, 'articles');
  assert.ok(partial >= 40 && partial < 300, `${partial} articles when killed`);

  const again = spawnSync(process.execPath, args, {
    env: envFor(killedDir),
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(state(killedDir), state(cleanDir));
  assert.equal(count(killedDir, 'articles'), 300);
  assert.equal(count(killedDir, 'comments'), 600);
});
