// WPML exports on both engines: the "WPML Export and Import" fields give each post its
// language (checked against the text) and its translation group, the post in the source
// language becomes each translation's source, and bad data (a code that is no language, a
// second post in one edition, a source language the group lacks) is reported once and the
// rest is linked.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../config.ts';
import type { Article } from '../../core/types.ts';
import type { ImportTables } from '../../db/repositories/imports.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { type Services, servicesFor } from '../context.ts';
import { initializeSite } from '../setup.ts';
import type { ImportReport } from './report.ts';
import { importWordPress } from './run-import.ts';

const FIXTURE = path.join(import.meta.dirname, '../../../test/fixtures/wxr/languages/wpml.xml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-import-wpml-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

await forEachEngine((engine) => {
  describe(`WPML translation groups (${engine.dialect})`, () => {
    let services: Services;
    let report: ImportReport;
    const posts = new Map<string, Article>();
    const post = (id: string) => {
      const a = posts.get(id);
      assert.ok(a, `post ${id} was imported`);
      return a;
    };
    const warnings = (pattern: RegExp) => report.warnings.filter((w) => pattern.test(w.message));

    before(async () => {
      services = servicesFor(
        loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' }),
        await engine.fresh(),
      );
      await initializeSite(services, { demo: false });
      report = await importWordPress(services, { file: FIXTURE });
      for (const [wpId, id] of await services.repos.imports.all('oasis.example', 'article')) {
        const a = await services.repos.articles.byId(id);
        if (a) posts.set(wpId, a);
      }
    });

    it('gives each post the language WPML declared, in its edition', () => {
      assert.equal(report.counts.articles.imported, 10);
      for (const [id, edition] of [
        ['71', 'en'],
        ['72', 'fr'],
        ['73', 'ar'],
        ['81', 'ar'],
        ['82', 'fr'],
        ['83', 'fr'],
      ] as const) {
        assert.equal(post(id).lang, edition, id);
        assert.equal(post(id).textLang, edition, id);
      }
    });

    it('makes one story of a group, with the original as the source of its translations', async () => {
      const [en, fr, ar] = [post('71'), post('72'), post('73')];
      assert.equal(en.translationGroup, en.id, 'the group is named after its original');
      assert.equal(fr.translationGroup, en.id);
      assert.equal(ar.translationGroup, en.id, 'a translation written before its original joins too');
      assert.equal((await services.repos.translations.byArticle(fr.id))?.sourceId, en.id);
      assert.equal((await services.repos.translations.byArticle(ar.id))?.sourceId, en.id);
      assert.equal(await services.repos.translations.byArticle(en.id), null);
    });

    it('keeps the imported dates when joining a group', () => {
      assert.equal(post('71').updatedAt, post('71').createdAt);
      assert.equal(post('73').updatedAt, post('73').createdAt);
    });

    it('links what is consistent in a group with two posts in one edition, and reports the other', async () => {
      const [ar, fr, second] = [post('81'), post('82'), post('83')];
      assert.equal(fr.translationGroup, ar.id);
      assert.equal((await services.repos.translations.byArticle(fr.id))?.sourceId, ar.id);
      assert.equal(second.translationGroup, null);
      assert.equal(await services.repos.translations.byArticle(second.id), null);
      const reported = warnings(/translation group "8"/);
      assert.equal(reported.length, 1);
      assert.match(reported[0]!.message, /post 83 is a second version in the "fr" edition \(post 82/);
    });

    it('groups translations whose source language has no post, without a source', async () => {
      const [fr, ar] = [post('95'), post('96')];
      assert.ok(fr.translationGroup !== null);
      assert.equal(fr.translationGroup, ar.translationGroup);
      assert.equal(await services.repos.translations.byArticle(fr.id), null);
      assert.equal(await services.repos.translations.byArticle(ar.id), null);
      assert.equal(warnings(/translation group "9".*translated from "en"/).length, 2);
    });

    it('reports a code that is no language once, and keeps the export language for its posts', () => {
      assert.equal(post('91').textLang, 'en-US');
      assert.equal(post('92').textLang, 'en-US');
      const reported = warnings(/xx_not a code!/);
      assert.equal(reported.length, 1, 'one line for the two posts using the code');
      assert.match(reported[0]!.message, /^WPML language code "xx_not a code!" is refused: .*en-US/);
    });

    it('imports again without touching the stories', async () => {
      const again = await importWordPress(services, { file: FIXTURE });
      assert.equal(again.counts.articles.existing, 10);
      assert.equal(again.warnings.length, 0);
      const en = await services.repos.articles.byId(post('71').id);
      assert.equal(en?.translationGroup, post('71').id);
    });
  });

  // Killed after its second batch of two: group 7 (73, 71, 72) was written across the
  // interruption's edge and never joined, group 8 (81, 82, 83) is split across the two runs.
  describe(`WPML translation groups across an interrupted import (${engine.dialect})`, () => {
    let services: Services;
    let resumed: ImportReport;
    const interrupted = (file: string) => {
      const stop = new Error('killed');
      return assert.rejects(
        importWordPress(services, {
          file,
          batchSize: 2,
          onProgress: (done) => {
            if (done >= 4) throw stop;
          },
        }),
        (err) => err === stop,
      );
    };
    const postsOf = async (source: string) => {
      const out = new Map<string, Article>();
      for (const [wpId, id] of await services.repos.imports.all(source, 'article')) {
        const a = await services.repos.articles.byId(id);
        if (a) out.set(wpId, a);
      }
      return out;
    };
    /** Each article's group, version and date, and every link, keyed by WordPress id. */
    const state = async (source: string) => {
      const posts = await postsOf(source);
      const byArticle = new Map([...posts].map(([wpId, a]) => [a.id, wpId]));
      const links = await services.repos.translations.touching([...byArticle.keys()]);
      return {
        articles: Object.fromEntries(
          [...posts].map(([wpId, a]) => [
            wpId,
            {
              group: a.translationGroup === null ? null : byArticle.get(a.translationGroup),
              version: a.version,
              updatedAt: a.updatedAt,
            },
          ]),
        ),
        links: links.map((l) => ({
          translation: byArticle.get(l.articleId),
          source: byArticle.get(l.sourceId),
          reviewedAt: l.reviewedAt,
        })),
      };
    };

    before(async () => {
      services = servicesFor(
        loadConfig({}, { dataDir: path.join(dir, `${engine.dialect}-resumed`), logLevel: 'silent' }),
        await engine.fresh(),
      );
      await initializeSite(services, { demo: false });
      await interrupted(FIXTURE);
      resumed = await importWordPress(services, { file: FIXTURE, batchSize: 2 });
    });

    it('was stopped part way, before any group was joined', () => {
      assert.equal(resumed.counts.articles.existing, 4);
      assert.equal(resumed.counts.articles.imported, 6);
    });

    it('joins each group across the interruption, as one clean run does', async () => {
      const { articles, links } = await state('oasis.example');
      for (const id of ['71', '72', '73']) assert.equal(articles[id]?.group, '71', id);
      for (const id of ['81', '82']) assert.equal(articles[id]?.group, '81', id);
      assert.equal(articles['83']?.group, null);
      assert.equal(articles['95']?.group, articles['96']?.group);
      assert.ok(articles['95']?.group);
      assert.deepEqual(links.map((l) => `${l.translation}→${l.source}`).sort(), ['72→71', '73→71', '82→81']);
    });

    it('keeps the imported dates, and reports the groups it joined', async () => {
      for (const a of (await postsOf('oasis.example')).values()) assert.equal(a.updatedAt, a.createdAt);
      const second = resumed.warnings.filter((w) => /translation group "8"/.test(w.message));
      assert.equal(second.length, 1);
      assert.match(second[0]!.message, /post 83 is a second version in the "fr" edition \(post 82/);
      assert.equal(
        resumed.warnings.filter((w) => /group "9".*translated from "en"/.test(w.message)).length,
        2,
      );
    });

    it('changes nothing and reports nothing when run once more', async () => {
      const before = await state('oasis.example');
      const again = await importWordPress(services, { file: FIXTURE, batchSize: 2 });
      assert.equal(again.warnings.length, 0);
      assert.deepEqual(await state('oasis.example'), before);
    });

    it('joins again without writing when the record of joined groups is missing', async () => {
      // As on a site whose groups were joined before the import map recorded them: the groups
      // are looked at again, and everything is already as joining would leave it.
      const before = await state('oasis.example');
      await services.db.kysely
        .withTables<ImportTables>()
        .deleteFrom('import_map')
        .where('kind', '=', 'translation-group')
        .execute();
      await importWordPress(services, { file: FIXTURE, batchSize: 2 });
      assert.deepEqual(await state('oasis.example'), before);
      assert.equal((await services.repos.imports.all('oasis.example', 'translation-group')).size, 3);
    });

    it('never joins the posts of another site with the same group keys', async () => {
      const other = path.join(dir, `${engine.dialect}-mirage.xml`);
      fs.writeFileSync(other, fs.readFileSync(FIXTURE, 'utf8').replaceAll('oasis.example', 'mirage.example'));
      const before = await state('oasis.example');
      await interrupted(other);
      await importWordPress(services, { file: other, batchSize: 2 });
      assert.deepEqual(await state('oasis.example'), before);
      const { articles, links } = await state('mirage.example');
      for (const id of ['71', '72', '73']) assert.equal(articles[id]?.group, '71', id);
      assert.deepEqual(links.map((l) => `${l.translation}→${l.source}`).sort(), ['72→71', '73→71', '82→81']);
    });
  });
});
