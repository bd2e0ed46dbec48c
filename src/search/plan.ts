// From what a reader typed to a query plan, and from an article to its index columns. Both
// go through the same analyzer, which is what makes the two sides meet.
import type { Analyzer, Term } from '../core/text/analyze.ts';
import { stripArticle } from '../core/text/stem.ts';
import type { IndexColumns, PlanWord, QueryPlan } from './contract.ts';

/** More words than this add nothing but cost; the rest of a long query is ignored. */
export const MAX_QUERY_WORDS = 12;

/**
 * Words too common to narrow a search. They are dropped from a query that has other words
 * (so "الانتخابات في مالي" asks for the two that matter), kept in one that has only them.
 */
const STOPWORDS = new Set([
  'في',
  'من',
  'علي',
  'الي',
  'عن',
  'مع',
  'و',
  'او',
  'ان',
  'هذا',
  'هذه',
  'التي',
  'الذي',
  'le',
  'la',
  'les',
  'de',
  'des',
  'du',
  'un',
  'une',
  'et',
  'en',
  'a',
  'au',
  'aux',
  'l',
  'd',
  'the',
  'of',
  'and',
  'in',
  'to',
  'on',
  'for',
]);

/** `lang`: analyse the query as that language's text (a further edition's page), else by its script. */
export function planQuery(analyzer: Analyzer, text: string, lang?: string): QueryPlan {
  const terms = analyzer.analyze(text, lang);
  const meaningful = terms.filter((t) => !STOPWORDS.has(t.exact));
  const chosen = meaningful.length > 0 ? meaningful : terms;
  const seen = new Set<string>();
  const words: PlanWord[] = [];
  for (const t of chosen) {
    if (seen.has(t.exact)) continue;
    seen.add(t.exact);
    words.push(planWord(analyzer, t));
    if (words.length >= MAX_QUERY_WORDS) break;
  }
  return { words };
}

function planWord(analyzer: Analyzer, t: Term): PlanWord {
  const aliases = [...analyzer.aliasesOf(t.exact), ...analyzer.aliasesOf(t.base)];
  return {
    exact: t.exact,
    // Other spellings of a name (Nouakchott, نواكشوط, a linked tag's) count as the word itself.
    main: unique([t.exact, t.base, ...aliases.flatMap(withBase)]),
    stem: t.stem,
    guess: t.alt !== null && t.altStem !== null ? { main: [t.alt], stem: t.altStem } : null,
    widen: false,
  };
}

/** Index columns: text columns hold exact and base forms; stems and alt come from every field. */
export function indexColumns(
  analyzer: Analyzer,
  doc: { title: string; dek: string; body: string; names: string; lang?: string },
): IndexColumns {
  const stems: string[] = [];
  const alts: string[] = [];
  const column = (text: string): string => {
    const out: string[] = [];
    for (const t of analyzer.analyze(text, doc.lang)) {
      out.push(t.exact);
      if (t.base !== t.exact) out.push(t.base);
      stems.push(t.stem);
      if (t.alt !== null) alts.push(t.alt);
    }
    return out.join(' ');
  };
  return {
    title: column(doc.title),
    dek: column(doc.dek),
    body: column(doc.body),
    names: column(doc.names),
    stems: stems.join(' '),
    alt: alts.join(' '),
  };
}

/** An alias such as الساحل is also looked for without its article, as index words are. */
function withBase(word: string): string[] {
  return [word, stripArticle(word)];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
