// Related articles over the quality collection, on both engines: how often the articles an
// article page would show are on the same topic as the article. Prints precision@4 next to
// what a random pick from the same language would score, the share of articles that got a
// list and the near-duplicate pairs found (the collection is written from a few sentences per
// topic, so many articles repeat one another); fails below the thresholds (set a little under
// the first honest run).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Db } from '../../src/db/connect.ts';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.ts';
import { forEachEngine } from '../../src/db/test-databases.ts';
import { SHOWN } from '../../src/search/related/decide.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import type { QualityArticle } from './corpus.ts';
import { loadCorpus } from './load.ts';
import { mean } from './metrics.ts';

// First honest run (2026-11-29): precision@4 0.979 and every article with a list, on both engines.
const THRESHOLDS = { precision: 0.95, coverage: 0.98 };
const NOW = new Date('2026-11-29T00:00:00.000Z');

await forEachEngine((engine) => {
  let db: Db;
  let repos: Repositories;
  let articles: Map<number, QualityArticle>;

  before(async () => {
    db = await engine.fresh();
    articles = await loadCorpus(db, NOW);
    repos = createRepositories(db.kysely);
    await createSearchIndex(db.kysely, engine.dialect).related.rebuild();
  });

  it(`shows related articles on the article's topic (precision@${SHOWN} ≥ ${THRESHOLDS.precision})`, async () => {
    const precision: number[] = [];
    const chance: number[] = [];
    const byTopic = new Map<string, { n: number; p: number[] }>();
    let listed = 0;
    let shownTotal = 0;
    for (const [id, facts] of articles) {
      const article = (await repos.articles.byId(id))!;
      const related = await repos.articles.storedRelated(article, SHOWN);
      const peers = [...articles.values()].filter((a) => a.lang === facts.lang && a.key !== facts.key);
      chance.push(peers.filter((a) => a.topic === facts.topic).length / peers.length);
      if (related.length === 0) continue;
      listed++;
      shownTotal += related.length;
      const p = related.filter((r) => articles.get(r.id)?.topic === facts.topic).length / related.length;
      precision.push(p);
      const key = `${facts.topic}-${facts.lang}`;
      const entry = byTopic.get(key) ?? { n: 0, p: [] };
      entry.n++;
      entry.p.push(p);
      byTopic.set(key, entry);
    }
    const f = (n: number) => n.toFixed(3);
    const coverage = listed / articles.size;
    const lines = [`related articles (${engine.dialect}): ${articles.size} articles, ${SHOWN} shown`];
    for (const [topic, { n, p }] of [...byTopic].sort())
      lines.push(`  ${topic}: ${n} lists, precision ${f(mean(p))}`);
    const pairs = await db.kysely
      .selectFrom('related_duplicates')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    lines.push(
      `  ${f(shownTotal / Math.max(listed, 1))} shown per list; ${Number(pairs?.n ?? 0)} near-duplicate pairs`,
    );
    lines.push(
      `${engine.dialect}: precision@${SHOWN} ${f(mean(precision))} (random same-language pick ${f(mean(chance))}), ` +
        `articles with a list ${f(coverage)}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    assert.ok(mean(precision) >= THRESHOLDS.precision, `precision ${f(mean(precision))}`);
    assert.ok(coverage >= THRESHOLDS.coverage, `coverage ${f(coverage)}`);
  });
});
