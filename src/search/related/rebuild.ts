// The full rebuild (`midad reindex`, the demo seed, after an import): every published article
// in three passes. 1: stems and signatures, counting document frequencies. 2: tf-idf vectors
// against the final frequencies, kept in memory as interned stem numbers. 3: each article's
// nearest texts from an in-memory inverted index (the same exact cosines the engine computes
// for one article in the incremental path), then the same decision. Memory grows with the
// number of articles times VECTOR_SIZE, not with their text.
import type { Analyzer } from '../../core/text/analyze.ts';
import type { BlendContext, Scored } from './blend.ts';
import { CANDIDATES, type Candidate, decide } from './decide.ts';
import { articleSignature, encodeSignature } from './minhash.ts';
import type { Features, RelatedStore } from './store.ts';
import { idf, termCounts, weighTerms } from './terms.ts';

const BATCH = 200;

interface Vector {
  stems: Int32Array;
  weights: Float64Array;
}

/** Published ids in batches, with their text. */
async function* batches(store: RelatedStore) {
  let after = 0;
  for (;;) {
    const ids = await store.publishedIds(after, BATCH);
    if (ids.length === 0) return;
    after = ids[ids.length - 1]!;
    yield await store.sources(ids);
  }
}

/**
 * The `limit` largest scores among the first `count` entries of `touched`, best first, ties by
 * the larger id. A min-heap of the best so far: one pass, and no allocation for the many
 * documents that do not make it, however many share a common word.
 */
function top(
  touched: Int32Array,
  count: number,
  scores: Float64Array,
  ids: readonly number[],
  limit: number,
): Scored[] {
  const heap: Scored[] = [];
  const less = (score: number, id: number, than: Scored) =>
    score < than.score || (score === than.score && id < than.id);
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
  };
  for (let t = 0; t < count; t++) {
    const j = touched[t]!;
    const score = scores[j]!;
    const id = ids[j]!;
    if (heap.length < limit) {
      heap.push({ id, score });
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i]!.score, heap[i]!.id, heap[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
      continue;
    }
    if (!less(heap[0]!.score, heap[0]!.id, { id, score })) continue;
    heap[0] = { id, score };
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!.score, heap[l]!.id, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!.score, heap[r]!.id, heap[m]!)) m = r;
      if (m === i) break;
      swap(i, m);
      i = m;
    }
  }
  return heap.sort((a, b) => b.score - a.score || b.id - a.id);
}

/** Per stem, the documents holding it and their weights, in flat typed arrays. */
function invertedIndex(vectors: readonly Vector[], stems: number) {
  const start = new Int32Array(stems + 1);
  for (const v of vectors) for (const s of v.stems) start[s + 1]!++;
  for (let s = 0; s < stems; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, stems);
  const total = start[stems]!;
  const docs = new Int32Array(total);
  const weights = new Float64Array(total);
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.stems.length; k++) {
      const at = fill[v.stems[k]!]!++;
      docs[at] = i;
      weights[at] = v.weights[k]!;
    }
  });
  return { start, docs, weights };
}

export async function rebuildRelated(
  store: RelatedStore,
  analyzer: Analyzer,
  onProgress?: (stage: 'terms' | 'lists', done: number, total: number) => void,
): Promise<number> {
  await store.clear();
  const total = await store.countPublished();
  onProgress?.('terms', 0, total);

  // Pass 1: each article analyzed once. Its counts are kept (stems as numbers) for pass 2, the
  // document frequencies summed, the stored docs written with their signatures.
  const stemIds = new Map<string, number>();
  const stemNames: string[] = [];
  const intern = (stem: string): number => {
    let n = stemIds.get(stem);
    if (n === undefined) {
      n = stemNames.length;
      stemIds.set(stem, n);
      stemNames.push(stem);
    }
    return n;
  };
  const df = new Map<string, Map<number, number>>();
  const analyzed: { id: number; lang: string; stems: Int32Array; counts: Float32Array }[] = [];
  for await (const sources of batches(store)) {
    const docs = sources.map((s) => {
      const counts = termCounts(analyzer, s);
      const names = [...counts.keys()].sort();
      const stems = Int32Array.from(names, intern);
      const perLang = df.get(s.lang) ?? new Map<number, number>();
      df.set(s.lang, perLang);
      for (const n of stems) perLang.set(n, (perLang.get(n) ?? 0) + 1);
      analyzed.push({
        id: s.id,
        lang: s.lang,
        stems,
        counts: Float32Array.from(names, (x) => counts.get(x)!),
      });
      return { id: s.id, lang: s.lang, stems: names, signature: encodeSignature(articleSignature(s)) };
    });
    await store.saveDocs(docs);
    onProgress?.('terms', analyzed.length / 2, total);
  }
  for (const [lang, counts] of df) {
    await store.writeDf(lang, new Map([...counts].map(([n, c]) => [stemNames[n]!, c])));
  }
  const docsIn = new Map<string, number>();
  for (const a of analyzed) docsIn.set(a.lang, (docsIn.get(a.lang) ?? 0) + 1);

  // Pass 2: vectors against the final frequencies.
  const vectors = new Map<number, Vector>();
  let done = 0;
  for (let start = 0; start < analyzed.length; start += BATCH) {
    const items = analyzed.slice(start, start + BATCH).map((a) => {
      const perLang = df.get(a.lang)!;
      const counts = new Map<string, number>();
      for (let i = 0; i < a.stems.length; i++) counts.set(stemNames[a.stems[i]!]!, a.counts[i]!);
      const vector = weighTerms(
        counts,
        (stem) => perLang.get(stemIds.get(stem)!) ?? 1,
        docsIn.get(a.lang) ?? 1,
      );
      vectors.set(a.id, {
        stems: Int32Array.from(vector.keys(), (stem) => stemIds.get(stem)!),
        weights: Float64Array.from(vector.values()),
      });
      return { id: a.id, vector };
    });
    await store.insertTerms(items);
    done += items.length;
    onProgress?.('terms', (total + done) / 2, total);
  }
  const langOf = new Map(analyzed.map((a) => [a.id, a.lang]));
  analyzed.length = 0;

  // Pass 3: lists, one language at a time.
  const features = new Map<number, Features>();
  const allIds = [...vectors.keys()];
  for (let i = 0; i < allIds.length; i += BATCH) {
    for (const [k, f] of await store.features(allIds.slice(i, i + BATCH))) features.set(k, f);
  }
  const tagCounts = new Map<number, number>();
  for (const f of features.values())
    for (const t of new Set(f.tagIds)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const context: BlendContext = {
    parents: await store.sectionParents(),
    tagWeight: (tagId) => idf(tagCounts.get(tagId) ?? 1, total),
  };
  done = 0;
  onProgress?.('lists', 0, total);
  for (const lang of docsIn.keys()) {
    const ids = [...vectors.keys()].filter((id) => langOf.get(id) === lang);
    const index = new Map(ids.map((id, i) => [id, i]));
    const postings = invertedIndex(
      ids.map((id) => vectors.get(id)!),
      stemNames.length,
    );
    const scores = new Float64Array(ids.length);
    const touched = new Int32Array(ids.length);
    for (let start = 0; start < ids.length; start += BATCH) {
      const lists = new Map<number, Scored[]>();
      const pairs: [number, number, number][] = [];
      for (const id of ids.slice(start, start + BATCH)) {
        const self = index.get(id)!;
        const v = vectors.get(id)!;
        let count = 0;
        for (let k = 0; k < v.stems.length; k++) {
          const stem = v.stems[k]!;
          const w = v.weights[k]!;
          for (let p = postings.start[stem]!; p < postings.start[stem + 1]!; p++) {
            const j = postings.docs[p]!;
            if (j === self) continue;
            if (scores[j] === 0) touched[count++] = j;
            scores[j] = scores[j]! + w * postings.weights[p]!;
          }
        }
        const nearest = top(touched, count, scores, ids, CANDIDATES);
        for (let t = 0; t < count; t++) scores[touched[t]!] = 0;
        const own: Candidate | undefined = features.get(id);
        if (!own) continue;
        const decision = decide(own, nearest, features, context);
        lists.set(id, decision.list);
        for (const d of decision.duplicates) pairs.push([id, d.id, d.score]);
      }
      await store.saveLists(lists);
      await store.insertDuplicates(pairs);
      done += lists.size;
      onProgress?.('lists', done, total);
    }
  }
  return vectors.size;
}
