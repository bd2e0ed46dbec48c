// The quality suite's test collection: 302 short original news items, generated from topic
// templates with a fixed seed. Each item carries the facts it was written from (topic,
// country, city, year, person), and the graded judgments of queries.ts are made from those
// facts, never from the text, so they do not favour any way of matching words.
import type { Lang } from '../../src/core/types.ts';
import { CITIES, FILLER_AR, FILLER_FR, PERSONS, PLACES, TOPICS } from './corpus-topics.ts';

export interface Facts {
  topic: string;
  place: string | null;
  city: string | null;
  year: number | null;
  person: string | null;
}

export interface QualityArticle extends Facts {
  key: string;
  lang: Lang;
  title: string;
  body: string;
  daysAgo: number;
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

const EASTERN = '٠١٢٣٤٥٦٧٨٩';
const HARAKAT = ['\u064E', '\u064F', '\u0650'];

/** Some articles print harakat on a few words, or Arabic-Indic digits, as real copy does. */
function vary(text: string, rnd: () => number, lang: Lang): string {
  if (lang !== 'ar') return text;
  let out = text;
  if (rnd() < 0.3) out = out.replace(/[0-9]/g, (d) => EASTERN[Number(d)]!);
  if (rnd() < 0.25) {
    out = out.replace(/[\u0621-\u064A]{4,}/g, (w) =>
      rnd() < 0.3 ? `${w.slice(0, 2)}${HARAKAT[Math.floor(rnd() * 3)]}${w.slice(2)}` : w,
    );
  }
  return out;
}

export function qualityCorpus(): QualityArticle[] {
  const rnd = random(20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: QualityArticle[] = [];
  for (const spec of TOPICS) {
    for (let i = 0; i < spec.count; i++) {
      const place = spec.where === 'place' ? PLACES[i % PLACES.length]! : null;
      const city = spec.where === 'city' ? CITIES[i % CITIES.length]! : null;
      const person = spec.topic === 'literature' ? PERSONS[i % PERSONS.length]! : null;
      const year = spec.topic === 'budget' ? 2023 + (i % 3) : null;
      const fill = (template: string) =>
        template
          .replace('{place}', place ? (spec.lang === 'ar' ? place.ar : place.fr) : '')
          .replace('{city}', city ? (spec.lang === 'ar' ? city.ar : city.fr) : '')
          .replace(/\{year\}/g, String(year ?? 2024))
          .replace('{person}', person?.ar ?? '')
          .replace('{n}', String(10 + Math.floor(rnd() * 90)));
      const sentences = [
        pick(spec.sentences),
        pick(spec.sentences),
        pick(spec.lang === 'ar' ? FILLER_AR : FILLER_FR),
      ];
      out.push({
        key: `${spec.topic}-${spec.lang}-${i}`,
        lang: spec.lang,
        topic: spec.topic,
        place: place?.id ?? (city ? city.place : null),
        city: city?.id ?? (spec.topic === 'manuscripts' ? 'timbuktu' : null),
        year,
        person: person?.id ?? null,
        title: vary(fill(spec.titles[i % spec.titles.length]!), rnd, spec.lang),
        body: vary(sentences.map(fill).join(' '), rnd, spec.lang),
        daysAgo: 1 + Math.floor(rnd() * 365),
      });
    }
  }
  return out;
}
