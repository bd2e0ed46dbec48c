// Keeps the stored related lists right as articles come and go. Publishing or changing an
// article recomputes its vector, its signature and its list, then merges it into the lists of
// its nearest articles (the ones that should now point to it) and takes it out of lists it no
// longer belongs in. Bounded work: one candidate query, a few batched reads, and at most
// MAX_RECOMPUTE full recomputations of neighbours' lists, whatever the size of the site.
import type { Kysely } from 'kysely';
import type { Analyzer } from '../../core/text/analyze.ts';
import type { Dialect } from '../../db/migrations/helpers.ts';
import type { Database } from '../../db/schema.ts';
import { type BlendContext, mergeInto, type Scored, type SectionParents, sameList } from './blend.ts';
import { CANDIDATES, decide, duplicateCheck, LIST_SIZE, SHOWN } from './decide.ts';
import { articleSignature, encodeSignature } from './minhash.ts';
import { rebuildRelated } from './rebuild.ts';
import { type Features, relatedStore } from './store.ts';
import { idf, termCounts, type TermVector, weighTerms } from './terms.ts';

/** Neighbours whose lists are recomputed in full after one change; the rest only lose or gain an entry. */
export const MAX_RECOMPUTE = 20;

export type RebuildStage = 'terms' | 'lists';

export interface RelatedIndex {
  /**
   * Recomputes a published article and updates the lists around it; an article that is not
   * published is removed instead. Returns the articles whose stored list changed.
   */
  refresh(id: number): Promise<number[]>;
  /** Takes the article out of the document frequencies and of every list. Returns the lists that changed. */
  remove(id: number): Promise<number[]>;
  /** Empties and refills every table from the published articles. Returns the number of articles. */
  rebuild(onProgress?: (stage: RebuildStage, done: number, total: number) => void): Promise<number>;
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return a.filter((x) => !set.has(x));
}

export function createRelatedIndex(
  db: Kysely<Database>,
  dialect: Dialect,
  analyzer: () => Promise<Analyzer>,
): RelatedIndex {
  const store = relatedStore(db, dialect);

  /**
   * One change's view of the site: the section tree and the number of published articles are
   * read once, the tag counts for the tags of the articles being scored.
   */
  const session = () => {
    let site: Promise<{ parents: SectionParents; docs: number }> | null = null;
    const contextFor = async (features: ReadonlyMap<number, Features>): Promise<BlendContext> => {
      site ??= Promise.all([store.sectionParents(), store.countPublished()]).then(([parents, docs]) => ({
        parents,
        docs,
      }));
      const [{ parents, docs }, counts] = await Promise.all([
        site,
        store.tagCounts([...features.values()].flatMap((f) => f.tagIds)),
      ]);
      return { parents, tagWeight: (tagId) => idf(counts.get(tagId) ?? 1, docs) };
    };

    /** The article's list from its stored vector: nearest texts, then the decision. */
    const compute = async (id: number, lang: string, vector: TermVector) => {
      const nearest = await store.similar(id, lang, vector, CANDIDATES);
      const features = await store.features([id, ...nearest.map((n) => n.id)]);
      const self = features.get(id);
      if (!self) return null;
      return { decision: decide(self, nearest, features, await contextFor(features)), features };
    };

    /** Full recomputation of neighbours whose lists ran short. */
    const recompute = async (ids: readonly number[], into: Map<number, Scored[]>) => {
      for (const id of ids.slice(0, MAX_RECOMPUTE)) {
        const [doc, vector] = await Promise.all([store.doc(id), store.vector(id)]);
        if (!doc) continue;
        const result = await compute(id, doc.lang, vector);
        if (result) into.set(id, result.decision.list);
      }
    };
    return { compute, recompute };
  };

  const remove = async (id: number): Promise<number[]> => {
    const { recompute } = session();
    await store.lock(id);
    const [old, pointing] = await Promise.all([store.doc(id), store.pointingTo(id)]);
    if (old) await store.adjustDf(old.lang, old.stems, -1);
    await store.forget(id);
    const lists = await store.lists(pointing);
    const changed = new Map<number, Scored[]>();
    await recompute(
      pointing.filter((p) => (lists.get(p)?.length ?? 0) < SHOWN),
      changed,
    );
    await store.saveLists(changed);
    return pointing;
  };

  const refresh = async (id: number): Promise<number[]> => {
    const [source] = await store.sources([id]);
    if (!source) return remove(id);
    const { compute, recompute } = session();
    await store.lock(id);
    const counts = termCounts(await analyzer(), source);
    const stems = [...counts.keys()].sort();
    const old = await store.doc(id);
    // Document frequencies: take back what the article counted before, add what it counts now.
    if (old && old.lang === source.lang) {
      await store.adjustDf(source.lang, difference(old.stems, stems), -1);
      await store.adjustDf(source.lang, difference(stems, old.stems), 1);
    } else {
      if (old) await store.adjustDf(old.lang, old.stems, -1);
      await store.adjustDf(source.lang, stems, 1);
    }
    await store.saveDoc(id, source.lang, stems, encodeSignature(articleSignature(source)));
    const [docs, df] = await Promise.all([store.docCount(source.lang), store.df(source.lang, stems)]);
    const vector = weighTerms(counts, (s) => df.get(s) ?? 1, docs);
    await store.saveTerms(id, vector);

    const result = await compute(id, source.lang, vector);
    if (!result) return [];
    const { decision, features } = result;
    await store.saveDuplicates(id, decision.duplicates);
    const changed = new Map<number, Scored[]>([[id, decision.list]]);

    // The neighbours: every listable candidate gains (or re-scores) this article, its
    // near-duplicates and the lists that held it but no longer should lose it.
    const scoreFor = new Map(decision.scored.map((s) => [s.id, s.score]));
    const duplicateIds = new Set(decision.duplicates.map((d) => d.id));
    const pointing = await store.pointingTo(id);
    const affected = [...new Set([...scoreFor.keys(), ...duplicateIds, ...pointing])].filter((x) => x !== id);
    const lists = await store.lists(affected);
    const listed = [...lists.values()].flat().map((x) => x.id);
    const all = new Map<number, Features>(features);
    for (const [k, v] of await store.features(listed.filter((x) => !all.has(x)))) all.set(k, v);
    const isDuplicate = duplicateCheck(all);
    const short: number[] = [];
    for (const neighbour of affected) {
      const before = lists.get(neighbour) ?? [];
      const score = duplicateIds.has(neighbour) ? undefined : scoreFor.get(neighbour);
      const after = mergeInto(before, id, score === undefined ? null : { id, score }, isDuplicate, LIST_SIZE);
      if (sameList(before, after)) continue;
      changed.set(neighbour, after);
      if (after.length < before.length && after.length < SHOWN) short.push(neighbour);
    }
    await recompute(short, changed);
    await store.saveLists(changed);
    return [...changed.keys()];
  };

  return {
    refresh,
    remove,
    async rebuild(onProgress) {
      return rebuildRelated(store, await analyzer(), onProgress);
    },
  };
}
