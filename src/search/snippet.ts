// Result snippets cut from the original text, with the matched words marked whole, as they
// were printed (harakat, tatweel and prefixes included). Views escape the parts; no HTML here.
import type { Analyzer, Term } from '../core/text/analyze.ts';
import type { PlanWord, QueryPlan } from './contract.ts';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Whether an article's word is one the query asked for, by the same rules as the index. */
export function matchesWord(term: Term, word: PlanWord): boolean {
  if (word.main.includes(term.exact) || word.main.includes(term.base) || term.stem === word.stem) return true;
  if (!word.widen) return false;
  if (term.alt !== null && word.main.includes(term.alt)) return true;
  const guess = word.guess;
  return guess !== null && (guess.main.includes(term.base) || term.stem === guess.stem);
}

function matchedWord(term: Term, plan: QueryPlan): number {
  return plan.words.findIndex((w) => matchesWord(term, w));
}

/** Context shown before the first highlighted word of the window. */
const LEAD_CHARS = 30;

/**
 * The window of about `maxChars` characters with the most distinct query words, cut at word
 * boundaries, with an ellipsis where the text was cut. The whole text when it is short.
 */
export function buildSnippet(
  analyzer: Analyzer,
  plan: QueryPlan,
  text: string,
  maxChars = 220,
): SnippetPart[] {
  const terms = analyzer.analyze(text);
  const hits = terms.map((term) => ({ term, word: matchedWord(term, plan) })).filter((h) => h.word >= 0);

  let start = 0;
  if (text.length > maxChars && hits.length > 0) {
    let best = -1;
    for (const h of hits) {
      const from = Math.max(0, h.term.start - LEAD_CHARS);
      const words = new Set(
        hits.filter((o) => o.term.start >= from && o.term.end <= from + maxChars).map((o) => o.word),
      );
      if (words.size > best) {
        best = words.size;
        start = from;
      }
    }
  }
  const end = Math.min(text.length, start + maxChars);
  // Cut at word boundaries: start at a word's beginning, end after a whole word.
  const first = terms.find((t) => t.start >= start);
  const from = start === 0 || !first ? 0 : first.start;
  const inside = terms.filter((t) => t.start >= from && t.end <= end);
  const to = end >= text.length ? text.length : (inside[inside.length - 1]?.end ?? end);

  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', mark: false });
  let cursor = from;
  for (const h of hits) {
    if (h.term.start < from || h.term.end > to || h.term.start < cursor) continue;
    if (h.term.start > cursor) parts.push({ text: text.slice(cursor, h.term.start), mark: false });
    parts.push({ text: text.slice(h.term.start, h.term.end), mark: true });
    cursor = h.term.end;
  }
  if (cursor < to) parts.push({ text: text.slice(cursor, to), mark: false });
  if (to < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/** Whole text with the matched words marked (for titles). */
export function highlightAll(analyzer: Analyzer, plan: QueryPlan, text: string): SnippetPart[] {
  return buildSnippet(analyzer, plan, text, Number.MAX_SAFE_INTEGER);
}

/** Escaped HTML with <mark> around the matched words, for the JSON API. */
export function snippetHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
