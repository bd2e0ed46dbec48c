// The import on both engines: the same counts, threads and idempotence on SQLite and
// PostgreSQL (multi-row inserts returning ids, the import map, LIKE filters).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { loadConfig } from '../../config.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { servicesFor } from '../context.ts';
import { importWordPress } from './run-import.ts';
import { initializeSite } from '../setup.ts';

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/wxr');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-import-engines-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

await forEachEngine((engine) => {
  it('imports the Arabic fixture with threads, and changes nothing the second time', async () => {
    const db = await engine.fresh();
    const services = servicesFor(
      loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' }),
      db,
    );
    await initializeSite(services, { demo: false });
    const options = {
      file: path.join(FIXTURES, 'sahel-news.xml'),
      uploadsDir: path.join(FIXTURES, 'uploads'),
    };
    const first = await importWordPress(services, options);
    assert.equal(first.counts.articles.imported, 6);
    assert.equal(first.counts.comments.imported, 4);
    assert.equal(first.counts.media.imported, 1);
    const comments = await db.kysely
      .selectFrom('comments')
      .select(['id', 'parent_id', 'status'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      comments.map((c) => c.status),
      ['approved', 'pending', 'spam', 'approved'],
    );
    assert.equal(
      comments[3]?.parent_id,
      comments[0]?.id,
      'the reply, written in the second wave, answers the first',
    );
    const market = await services.repos.redirects.byFromPath('/?p=10');
    const article = await services.repos.articles.byId(Number(market?.toPath.split('/')[2]));
    assert.match(article?.bodyHtml ?? '', /href="\/article\/\d+\/%D9%85/);
    const second = await importWordPress(services, options);
    for (const c of Object.values(second.counts)) assert.equal(c.imported, 0);
  });
});
