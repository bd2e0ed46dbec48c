// Generated Arabic articles for the search benchmark. Words are drawn from the running text
// of the demo articles, so their frequencies follow real Arabic news copy (a few very common
// words, a long tail of rare ones) and queries hit posting lists of realistic lengths.
import { htmlToText } from '../src/core/html-policy.ts';
import { articles as demoArticles } from '../src/services/demo/content/index.ts';

export interface BenchArticle {
  title: string;
  body: string;
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every word of the Arabic demo articles, in running order (repeats included). */
export function demoWordStream(): string[] {
  return demoArticles
    .filter((a) => a.lang === 'ar')
    .flatMap((a) => `${a.title} ${a.dek} ${htmlToText(a.body)}`.split(/\s+/))
    .map((w) => w.replace(/[^\u0600-\u06FF]/g, ''))
    .filter((w) => w.length >= 2);
}

export function* benchArticles(count: number, seed = 7): Generator<BenchArticle> {
  const stream = demoWordStream();
  const rnd = random(seed);
  const words = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(stream[Math.floor(rnd() * stream.length)]!);
    return out.join(' ');
  };
  for (let i = 0; i < count; i++) {
    const paragraphs = 3 + Math.floor(rnd() * 3);
    const body: string[] = [];
    for (let p = 0; p < paragraphs; p++) body.push(`<p>${words(30 + Math.floor(rnd() * 30))}.</p>`);
    yield { title: words(6 + Math.floor(rnd() * 6)), body: body.join('') };
  }
}

/** Queries of 1, 2 and 3 words, taken from the mid-frequency words readers actually type. */
export function benchQueries(perLength: number, seed = 11): { words: number; text: string }[] {
  const stream = demoWordStream();
  const counts = new Map<string, number>();
  for (const w of stream) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Skip the function words (the most frequent) and the one-off words.
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const pool = ranked.slice(30, 1500).filter((w) => w.length >= 3);
  const rnd = random(seed);
  const pick = () => pool[Math.floor(rnd() * pool.length)]!;
  const out: { words: number; text: string }[] = [];
  for (const n of [1, 2, 3]) {
    for (let i = 0; i < perLength; i++)
      out.push({ words: n, text: Array.from({ length: n }, pick).join(' ') });
  }
  return out;
}
