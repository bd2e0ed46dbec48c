// Related articles end to end, on every engine: the stored lists over a small collection of
// Sahel security, sport, economy and culture articles, what the article page reads of them,
// and how publishing and unpublishing change them without a reindex.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FixtureArticle } from '../../test/fixtures/related/articles.ts';
import { loadRelatedFixture } from '../../test/fixtures/related/load.ts';
import { loadConfig } from '../config.ts';
import type { Person } from '../core/types.ts';
import { forEachEngine } from '../db/test-databases.ts';
import { LIST_SIZE, SHOWN } from '../search/related/decide.ts';
import { transitionArticle } from './articles/workflow.ts';
import { type Services, servicesFor } from './context.ts';
import type { ContentEvent } from './events.ts';
import { loadArticlePage, loadPublishedArticle } from './reader.ts';

const NOW = new Date();

await forEachEngine((engine) => {
  let services: Services;
  let ids: Map<string, number>;
  let byId: Map<number, FixtureArticle>;
  let editor: Person;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-related-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const id = (key: string) => ids.get(key)!;
  const keyOf = (articleId: number) => byId.get(articleId)?.key ?? `#${articleId}`;
  /** The stored list, as fixture keys, best first. */
  const stored = async (key: string) => {
    const rows = await services.db.kysely
      .selectFrom('related_articles')
      .select('related_id')
      .where('article_id', '=', id(key))
      .orderBy('position')
      .execute();
    return rows.map((r) => keyOf(r.related_id));
  };
  /** What the article page shows, as fixture keys. */
  const shown = async (key: string) => {
    const article = await loadPublishedArticle(services, id(key));
    const page = await loadArticlePage(services, article);
    return page.related.articles.map((a) => keyOf(a.id));
  };
  const topic = (key: string) => byId.get(id(key))!.topic;

  before(async () => {
    const db = await engine.fresh();
    services = servicesFor(loadConfig({}, { dataDir, logLevel: 'silent' }), db);
    ({ ids, byId } = await loadRelatedFixture(services.repos, NOW));
    editor = await services.repos.people.create({
      email: 'editor@example.com',
      name: 'Editor',
      slug: 'editor',
      role: 'editor',
    });
    await services.transaction((_repos, search) => search.related.rebuild());
  });

  describe('stored lists', () => {
    it('relate Sahel security articles to security articles, not to sport', async () => {
      const securityAr = [...byId.values()].filter(
        (a) => a.topic === 'security' && a.lang === 'ar' && !a.draft,
      );
      for (const a of securityAr) {
        const list = await shown(a.key);
        assert.ok(list.length >= 2, `${a.key} shows ${list.join(', ')}`);
        assert.deepEqual(
          list.filter((k) => topic(k) !== 'security'),
          [],
          `${a.key} shows ${list.join(', ')}`,
        );
      }
      const convoy = await stored('convoy-menaka');
      assert.ok(!convoy.some((k) => topic(k) === 'sport'), `convoy list: ${convoy.join(', ')}`);
      assert.ok(convoy.length <= LIST_SIZE);
    });

    it('keep to the page language: French security articles point to French security articles', async () => {
      assert.deepEqual(await shown('fr-tillaberi-attack'), ['fr-sahel-armies']);
      assert.deepEqual(await shown('fr-sahel-armies'), ['fr-tillaberi-attack']);
    });

    it('keep sport and economy with their own kind: the Gao football story never shows the Gao-area security news', async () => {
      assert.deepEqual(await shown('gao-football-tournament'), ['mali-basketball']);
      for (const a of [...byId.values()].filter((x) => x.topic === 'sport' || x.topic === 'economy')) {
        const list = await shown(a.key);
        assert.ok(!list.some((k) => topic(k) === 'security'), `${a.key} shows ${list.join(', ')}`);
        if (a.topic === 'economy')
          assert.ok(
            list.every((k) => topic(k) === 'economy'),
            `${a.key}: ${list.join(', ')}`,
          );
      }
    });

    it('never list the article itself, and show at most SHOWN', async () => {
      for (const [key, articleId] of ids) {
        if (byId.get(articleId)?.draft) continue;
        const list = await shown(key);
        assert.ok(!list.includes(key), key);
        assert.ok(list.length <= SHOWN, key);
      }
    });
  });

  describe('near-duplicates', () => {
    it('are found, and never listed together nor on each other’s page', async () => {
      const pairs = await services.repos.articles.nearDuplicatePairs([
        id('wire-djibo-first'),
        id('wire-djibo-update'),
      ]);
      assert.equal(pairs.length, 2, 'the two wire versions are stored as near-duplicates');
      assert.ok(!(await stored('wire-djibo-first')).includes('wire-djibo-update'));
      assert.ok(!(await stored('wire-djibo-update')).includes('wire-djibo-first'));
      for (const key of ids.keys()) {
        const list = await stored(key);
        const both = list.includes('wire-djibo-first') && list.includes('wire-djibo-update');
        assert.ok(!both, `${key} lists both versions: ${list.join(', ')}`);
      }
      const anyVersion = (list: string[]) => list.filter((k) => k.startsWith('wire-djibo')).length;
      assert.equal(anyVersion(await stored('sahel-chiefs-meeting')), 1, 'one version stands for the story');
    });

    it('stay apart in the fallback used before a list is stored', async () => {
      await services.db.kysely
        .deleteFrom('related_articles')
        .where('article_id', '=', id('wire-djibo-first'))
        .execute();
      try {
        // The latest of its section, less the other version of the story.
        assert.deepEqual(await shown('wire-djibo-first'), ['burkina-schools-reopen']);
      } finally {
        await services.transaction((_repos, search) => search.related.refresh(id('wire-djibo-first')));
      }
    });
  });

  describe('changes without a reindex', () => {
    it('a refresh of an unchanged article stores the list the rebuild stored', async () => {
      for (const key of ['convoy-menaka', 'niamey-marathon', 'fr-sahel-armies']) {
        const before = await stored(key);
        await services.transaction((_repos, search) => search.related.refresh(id(key)));
        assert.deepEqual(await stored(key), before, key);
      }
    });

    it('publishing a related article puts it in the older article’s list, and unpublishing takes it out', async () => {
      const events: ContentEvent[] = [];
      const stop = services.events.on((e) => {
        events.push(e);
      });
      try {
        assert.ok(!(await stored('convoy-menaka')).includes('ambush-menaka'));
        await transitionArticle(
          services,
          { person: editor, ipHash: '' },
          { id: id('ambush-menaka'), transition: 'publish' },
        );
        const convoy = await shown('convoy-menaka');
        assert.equal(convoy[0], 'ambush-menaka', `convoy shows ${convoy.join(', ')}`);
        assert.ok((await shown('ambush-menaka')).includes('convoy-menaka'));
        const told = events.find((e) => e.type === 'related');
        assert.ok(
          told?.type === 'related' && told.articleIds.includes(id('convoy-menaka')),
          'pages are told',
        );

        await transitionArticle(
          services,
          { person: editor, ipHash: '' },
          { id: id('ambush-menaka'), transition: 'unpublish' },
        );
        assert.ok(!(await stored('convoy-menaka')).includes('ambush-menaka'));
        const everywhere = await services.db.kysely
          .selectFrom('related_articles')
          .select('article_id')
          .where((eb) =>
            eb.or([eb('related_id', '=', id('ambush-menaka')), eb('article_id', '=', id('ambush-menaka'))]),
          )
          .execute();
        assert.deepEqual(everywhere, [], 'an unpublished article is in no list');
      } finally {
        stop();
      }
    });

    it('keeps document frequencies equal to a full count after publishing and unpublishing', async () => {
      const count = async () =>
        (
          await services.db.kysely
            .selectFrom('related_df')
            .select(['lang', 'stem', 'df'])
            .orderBy('lang')
            .orderBy('stem')
            .execute()
        ).map((r) => `${r.lang}:${r.stem}:${r.df}`);
      const incremental = await count();
      await services.transaction((_repos, search) => search.related.rebuild());
      assert.deepEqual(incremental, await count());
    });
  });
});
