// The search index over one Kysely instance (the database, or a transaction so the index
// changes with the article it describes). Picks the engine by dialect; analysis, planning,
// the AND→OR fallback and the final ranking are shared by both engines.
import { isInterfaceLang } from '../core/languages/choices.ts';
import type { Kysely } from 'kysely';
import { type Analyzer, createAnalyzer } from '../core/text/analyze.ts';
import type { Dialect } from '../db/migrations/helpers.ts';
import type { Database } from '../db/schema.ts';
import type {
  EngineQuery,
  Found,
  MatchMode,
  PlanWord,
  QueryPlan,
  SearchEngine,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from './contract.ts';
import { countIndexable, loadDocs, loadProtectedNames, nextIds } from './documents.ts';
import { indexColumns, planQuery } from './plan.ts';
import { postgresEngine } from './postgres.ts';
import { rerank } from './rank.ts';
import { createRelatedIndex } from './related/related-index.ts';
import { buildSnippet, highlightAll } from './snippet.ts';
import { sqliteEngine } from './sqlite.ts';
import { loadTagAliases } from './tag-aliases.ts';
import { staffEngine } from './staff.ts';

/** Relevance ranking looks at this many best matches; deeper pages are not offered. */
export const MAX_RANKED = 300;
const NAMES_TTL_MS = 60_000;
const BATCH = 200;

/** State shared by the index of a database and those of its transactions. */
export interface SearchCache {
  analyzer: Analyzer | null;
  loadedAt: number;
  /** Words recently found in the index, with when (see resolveAlternatives). */
  present: Map<string, number>;
}

export function newSearchCache(): SearchCache {
  return { analyzer: null, loadedAt: 0, present: new Map() };
}

const PRESENT_TTL_MS = 60_000;
const PRESENT_MAX = 5_000;

export function createSearchIndex(
  db: Kysely<Database>,
  dialect: Dialect,
  cache: SearchCache = newSearchCache(),
): SearchIndex {
  const engine: SearchEngine = dialect === 'postgres' ? postgresEngine(db) : sqliteEngine(db);
  const staff = staffEngine(db, dialect);

  const analyzer = async (): Promise<Analyzer> => {
    if (!cache.analyzer || Date.now() - cache.loadedAt > NAMES_TTL_MS) {
      cache.analyzer = createAnalyzer(await loadProtectedNames(db), await loadTagAliases(db));
      cache.loadedAt = Date.now();
    }
    return cache.analyzer;
  };

  /** Each article goes to one index: readers' if published, the newsroom's otherwise. Returns the readers' count. */
  const indexIds = async (ids: readonly number[]): Promise<number> => {
    const a = await analyzer();
    const docs = await loadDocs(db, ids);
    const found = new Set(docs.map((d) => d.id));
    let published = 0;
    for (const doc of docs) {
      const columns = indexColumns(a, doc);
      if (doc.published) {
        await engine.write(doc.id, columns);
        await staff.remove(doc.id);
        published++;
      } else {
        await engine.remove(doc.id);
        await staff.write(doc.id, columns);
      }
    }
    for (const id of ids) {
      if (found.has(id)) continue;
      await engine.remove(id);
      await staff.remove(id);
    }
    return published;
  };

  /**
   * Only a word's presence is remembered: a word that leaves the index (its one article
   * unpublished) keeps its alternatives off for a minute, which can only hide matches it would
   * not have found; an absent word is asked again each time, so a new article's words are
   * searched as typed at once and never widened (وزير must not meet زير after وزير arrives).
   */
  const isPresent = async (w: PlanWord): Promise<boolean> => {
    const key = `${w.main.join(' ')}|${w.stem}`;
    const seen = cache.present.get(key);
    if (seen !== undefined && Date.now() - seen < PRESENT_TTL_MS) return true;
    if (!(await engine.exists(w))) return false;
    cache.present.delete(key);
    cache.present.set(key, Date.now());
    if (cache.present.size > PRESENT_MAX) {
      const oldest = cache.present.keys().next().value;
      if (oldest !== undefined) cache.present.delete(oldest);
    }
    return true;
  };

  /** Widens the words that, as typed, are not in the index (see PlanWord.widen). */
  const resolveAlternatives = async (plan: QueryPlan): Promise<QueryPlan> => ({
    words: await Promise.all(plan.words.map(async (w) => ({ ...w, widen: !(await isPresent(w)) }))),
  });

  return {
    related: createRelatedIndex(db, dialect, analyzer),
    indexArticle: async (id) => {
      await indexIds([id]);
    },
    removeArticle: async (id) => {
      await engine.remove(id);
      await staff.remove(id);
    },
    forgetNames() {
      cache.analyzer = null;
    },

    async rebuild(onProgress) {
      cache.analyzer = null;
      const total = await countIndexable(db);
      await engine.clear();
      await staff.clear();
      let done = 0;
      let published = 0;
      let after = 0;
      onProgress?.(0, total);
      for (;;) {
        const ids = await nextIds(db, after, BATCH);
        if (ids.length === 0) break;
        published += await indexIds(ids);
        done += ids.length;
        after = ids[ids.length - 1]!;
        onProgress?.(done, Math.max(total, done));
      }
      await engine.compact();
      return published;
    },

    async staffMatches(text) {
      const a = await analyzer();
      const plan = planQuery(a, text);
      if (plan.words.length === 0) return null;
      // A word in neither index, as typed, is also looked for without a one-letter prefix.
      const words = await Promise.all(
        plan.words.map(async (w) => ({ ...w, widen: !((await isPresent(w)) || (await staff.exists(w))) })),
      );
      return staff.matchingIds({ words });
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const a = await analyzer();
      // A further edition's page (Persian at /fa) reads its query as its language, as its articles
      // were indexed; ar/fr/en pages keep reading a query by its script (a French page's
      // reader may type Arabic).
      const edition = query.lang !== undefined && !isInterfaceLang(query.lang) ? query.lang : undefined;
      const plan = await resolveAlternatives(planQuery(a, query.text, edition));
      const highlight = (text: string, maxChars?: number) =>
        maxChars === undefined ? highlightAll(a, plan, text) : buildSnippet(a, plan, text, maxChars);
      const result = (
        total: number,
        hits: SearchHit[],
        mode: MatchMode,
        estimated = false,
      ): SearchResult => ({
        total,
        estimated,
        hits,
        mode,
        plan,
        highlight,
      });
      if (plan.words.length === 0) return result(0, [], 'none');
      const now = query.now ?? new Date();
      const base: Omit<EngineQuery, 'mode'> = { plan, filters: query, now: now.toISOString() };

      // Relevance ranks the engine's best MAX_RANKED in TypeScript; dates page in the engine.
      const fetch = (mode: 'all' | 'any'): Promise<Found> => {
        const q: EngineQuery = { ...base, mode };
        if (query.sort === 'date') return engine.find(q, 'date', query.limit, query.offset);
        if (query.offset >= MAX_RANKED) return engine.count(q).then((total) => ({ total, rows: [] }));
        return engine.find(q, 'relevance', MAX_RANKED, 0);
      };
      // A page past the last one has no row to carry the count of all matches.
      const totalOf = async (found: Found, mode: 'all' | 'any') =>
        found.rows.length > 0 || query.offset === 0 ? found.total : engine.count({ ...base, mode });
      let mode: 'all' | 'any' = 'all';
      let found = await fetch(mode);
      let total = await totalOf(found, mode);
      if (total === 0 && plan.words.length > 1) {
        mode = 'any';
        found = await fetch(mode);
        total = await totalOf(found, mode);
      }
      if (query.sort === 'date') {
        return result(
          total,
          found.rows.map((r) => ({ id: r.id, score: r.relevance })),
          mode,
          found.estimated === true,
        );
      }
      const ranked = rerank(a, plan, found.rows, now);
      return result(
        total,
        ranked.slice(query.offset, query.offset + query.limit),
        mode,
        found.estimated === true,
      );
    },
  };
}
