// Splits original text into words that remember where they stand, so a result snippet can
// highlight the reader's words exactly as printed, harakat and all.
import { normalizeText } from './normalize.ts';

export interface Token {
  /** UTF-16 offsets of the word in the original text: text.slice(start, end). */
  start: number;
  end: number;
  /** Normalized form (see normalizeText); never empty, never contains spaces. */
  norm: string;
}

/**
 * A word is a run of letters, digits, combining marks and invisible format characters
 * (harakat, ZWNJ and tatweel are inside words, never between them). Everything else
 * (spaces, punctuation, symbols, emoji) separates words.
 */
const WORD = /[\p{L}\p{N}\p{M}\p{Cf}]+/gu;
const EDGE_FORMAT = /^\p{Cf}+|\p{Cf}+$/gu;
const HAS_FORMAT = /\p{Cf}/u;

/** Longer "words" are not language (hashes, base64, keyboard mashing); they are cut. */
export const MAX_WORD_LENGTH = 64;

/** عبدالله, عبدالرحمن…: written joined, searched as عبد + the name that follows. */
const ABD_COMPOUND = /^عبدال(?=..)/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let start = match.index;
    let end = start + match[0].length;
    // Direction marks and the like at a word's edge are not part of what a reader sees.
    if (HAS_FORMAT.test(match[0])) {
      const lead = /^\p{Cf}+/u.exec(match[0]);
      if (lead) start += lead[0].length;
      const trail = /\p{Cf}+$/u.exec(match[0]);
      if (trail) end -= trail[0].length;
    }
    if (end <= start) continue;
    for (const norm of normalizedWords(text.slice(start, end))) out.push({ start, end, norm });
  }
  return out;
}

/** The normalized words of a text, without offsets. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

// News copy repeats its words endlessly; normalizing each distinct spelling once makes the
// analyzer several times faster at index and at ranking time. Bounded, so memory stays flat.
const NORMALIZED = new Map<string, string[]>();
const NORMALIZED_LIMIT = 100_000;

function normalizedWords(raw: string): string[] {
  let found = NORMALIZED.get(raw);
  if (!found) {
    found = splitNormalized(normalizeText(raw));
    if (NORMALIZED.size >= NORMALIZED_LIMIT) NORMALIZED.clear();
    NORMALIZED.set(raw, found);
  }
  return found;
}

function splitNormalized(norm: string): string[] {
  const out: string[] = [];
  for (const part of norm.replace(EDGE_FORMAT, '').split(/[^\p{L}\p{N}\p{M}]+/u)) {
    if (part === '') continue;
    const word = part.length > MAX_WORD_LENGTH ? part.slice(0, MAX_WORD_LENGTH) : part;
    if (ABD_COMPOUND.test(word)) out.push('عبد', word.slice(3));
    else out.push(word);
  }
  return out;
}
