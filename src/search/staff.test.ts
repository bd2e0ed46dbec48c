// The newsroom's search on both engines: a draft is found by a word only in its body, typed
// with other letter forms (أ/ا, ة/ه), while the reader index never holds it; publishing moves it
// to the reader index and unpublishing back; a rebuild puts each article in its one index.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildArticle } from '../../test/support/factories.ts';
import { loadConfig } from '../config.ts';
import { forEachEngine } from '../db/test-databases.ts';
import { type Services, servicesFor } from '../services/context.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-staff-search-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

await forEachEngine((engine) => {
  describe('staff search', () => {
    let services: Services;
    const ready = (async () => {
      const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
      services = servicesFor(config, await engine.fresh());
    })();

    const staffFinds = async (text: string): Promise<number[]> => {
      const ids = await services.search.staffMatches(text);
      if (!ids) return [];
      const { rows } = await sql<{
        id: number;
      }>`SELECT id FROM articles WHERE id IN (${ids}) ORDER BY id`.execute(services.db.kysely);
      return rows.map((r) => Number(r.id));
    };
    const readerFinds = async (text: string): Promise<number[]> =>
      (await services.search.search({ text, sort: 'relevance', limit: 50, offset: 0 })).hits.map((h) => h.id);

    it('finds a draft by a body-only word in other letter forms; reader search does not', async () => {
      await ready;
      const draft = await buildArticle(services, {
        status: 'draft',
        title: 'عنوان عادي',
        bodyHtml: '<p>افتتحت أمانة المدينة مكتبة عامة جديدة قرب الميناء.</p>',
      });
      const pending = await buildArticle(services, {
        status: 'pending',
        bodyHtml: '<p>أمانة العاصمة تعلن عن مكتبه أخرى.</p>',
      });
      assert.deepEqual(
        await staffFinds('امانه مكتبه'),
        [draft.id, pending.id].sort((a, b) => a - b),
      );
      assert.deepEqual(await staffFinds('أمانة الميناء'), [draft.id]);
      assert.deepEqual(await readerFinds('امانه مكتبه'), [], 'readers find no draft');
      assert.deepEqual(await staffFinds('   '), []);
    });

    it('follows the article between indexes as its status changes', async () => {
      await ready;
      const article = await buildArticle(services, {
        status: 'draft',
        bodyHtml: '<p>قافلة الملح تعبر الصحراء نحو تاودني.</p>',
      });
      const setStatus = async (status: 'published' | 'draft' | 'trashed') => {
        await services.transaction(async (repos, search) => {
          await repos.articles.update(article.id, {
            status,
            publishedAt: status === 'published' ? new Date(Date.now() - 60_000).toISOString() : null,
          });
          await search.indexArticle(article.id);
        });
      };
      assert.deepEqual(await readerFinds('تاودني'), []);
      await setStatus('published');
      assert.deepEqual(await readerFinds('تاودني'), [article.id]);
      assert.deepEqual(await staffFinds('تاودني'), [article.id], 'found once, from the reader index');
      await setStatus('trashed');
      assert.deepEqual(await readerFinds('تاودني'), []);
      assert.deepEqual(await staffFinds('تاودني'), [article.id], 'the trash is searchable by staff');
      await services.search.rebuild();
      assert.deepEqual(await readerFinds('تاودني'), []);
      assert.deepEqual(await staffFinds('تاودني'), [article.id]);
      await services.search.removeArticle(article.id);
      assert.deepEqual(await staffFinds('تاودني'), [], 'removed from both indexes');
    });
  });
});
