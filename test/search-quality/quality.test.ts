// The search quality suite: the 302-article collection and 50 graded queries, on both
// engines. Prints nDCG@10 and recall@10 for Midad and for the LIKE baseline, and fails if
// Midad falls below the thresholds (set a little under the first honest run).
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Db } from '../../src/db/connect.ts';
import { forEachEngine } from '../../src/db/test-databases.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import { likeSearch } from './baseline.ts';
import type { QualityArticle } from './corpus.ts';
import { loadCorpus } from './load.ts';
import { mean, ndcgAt, recallAt } from './metrics.ts';
import { QUERIES } from './queries.ts';

// First honest run (2026-11-29): nDCG@10 0.896 / 0.895 and recall@10 0.868 on SQLite / PostgreSQL.
const THRESHOLDS = { ndcg: 0.87, recall: 0.84 };
const NOW = new Date('2026-11-29T00:00:00.000Z');
const K = 10;

await forEachEngine((engine) => {
  let db: Db;
  let articles: Map<number, QualityArticle>;

  before(async () => {
    db = await engine.fresh();
    articles = await loadCorpus(db, NOW);
    await createSearchIndex(db.kysely, engine.dialect).rebuild();
  });

  it(`scores at least nDCG@10 ${THRESHOLDS.ndcg} and recall@10 ${THRESHOLDS.recall}`, async () => {
    const index = createSearchIndex(db.kysely, engine.dialect);
    const rows: { query: string; kind: string; midad: [number, number]; like: [number, number] }[] = [];
    for (const q of QUERIES) {
      const all = [...articles.values()].map((a) => q.grade(a));
      const grades = (ids: number[]) => ids.map((id) => q.grade(articles.get(id)!));
      const found = await index.search({ text: q.text, sort: 'relevance', limit: K, offset: 0, now: NOW });
      const midad = grades(found.hits.map((h) => h.id));
      const like = grades(await likeSearch(db.kysely, q.text, K));
      rows.push({
        query: q.text,
        kind: q.kind,
        midad: [ndcgAt(K, midad, all), recallAt(K, midad, all)],
        like: [ndcgAt(K, like, all), recallAt(K, like, all)],
      });
    }
    const f = (n: number) => n.toFixed(3);
    const out = [`search quality (${engine.dialect}): ${articles.size} articles, ${QUERIES.length} queries`];
    out.push('  query | kind | Midad nDCG@10 recall@10 | LIKE nDCG@10 recall@10');
    for (const r of rows) {
      out.push(
        `  ${r.query} | ${r.kind} | ${f(r.midad[0])} ${f(r.midad[1])} | ${f(r.like[0])} ${f(r.like[1])}`,
      );
    }
    const ndcg = mean(rows.map((r) => r.midad[0]));
    const recall = mean(rows.map((r) => r.midad[1]));
    out.push(
      `${engine.dialect} mean: Midad nDCG@10 ${f(ndcg)} recall@10 ${f(recall)} | ` +
        `LIKE nDCG@10 ${f(mean(rows.map((r) => r.like[0])))} recall@10 ${f(mean(rows.map((r) => r.like[1])))}`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
    assert.ok(ndcg >= THRESHOLDS.ndcg, `nDCG@10 ${f(ndcg)} < ${THRESHOLDS.ndcg}`);
    assert.ok(recall >= THRESHOLDS.recall, `recall@10 ${f(recall)} < ${THRESHOLDS.recall}`);
  });
});
