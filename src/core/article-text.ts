// Short texts derived from domain records, the same wherever they are shown: on reader pages, in
// feeds, in the content API and in webhook payloads.
import { htmlToText } from './html-policy.ts';
import { countWords } from './reading-time.ts';
import type { Article, Lang, Section } from './types.ts';

/**
 * The section's name in an edition: its own name there, else in `fallback` (a further edition's
 * interface language), else its Arabic name.
 */
export function sectionName(section: Section, lang: string, fallback?: Lang): string {
  return (
    section.names[lang as Lang] ||
    section.otherNames?.[lang] ||
    (fallback ? section.names[fallback] : '') ||
    section.names.ar
  );
}

/** The SEO description, the dek or the start of the text, cut at a word within `maxChars`. */
export function excerptOf(article: Article, maxChars = 160): string {
  const lead = savedFacts.get(article)?.lead;
  const source =
    article.seoDescription ||
    article.dek ||
    // The saved start of the text cuts where the whole text would, below its own length.
    (lead !== undefined && maxChars < LEAD_CHARS ? lead : bodyText(article));
  const end = codePointsEnd(source, maxChars);
  if (end >= source.length) return source;
  const cut = source.slice(0, end);
  // At the last space, unless that leaves less than half: then at half, whole characters.
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), codePointsEnd(cut, Math.floor(maxChars / 2)))).trim()}…`;
}

/**
 * Where the first `count` characters (code points) of `text` end, in UTF-16 units: found without
 * splitting the whole text (a long body would become thousands of one-letter strings on every
 * article page), and never inside a character outside the basic plane.
 */
function codePointsEnd(text: string, count: number): number {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return end;
}

/**
 * The visible text of the article's body, for an article without saved facts (below): one built
 * outside storage, such as a preview. Its page needs the text twice (reading time, the
 * description) and turning a long body into text is not free, so it is kept for the life of the
 * article object (one request).
 */
const texts = new WeakMap<Pick<Article, 'bodyHtml'>, string>();
export function bodyText(article: Pick<Article, 'bodyHtml'>): string {
  let text = texts.get(article);
  if (text === undefined) {
    text = htmlToText(article.bodyHtml);
    texts.set(article, text);
  }
  return text;
}

/**
 * What pages take from a body's text, worked out when the body is saved (articles.body_words and
 * body_lead): a page then reads its reading time and excerpt instead of parsing the body, which
 * took 0.3-0.6 ms for a 20,000-character article on every uncached page and feed item.
 */
export interface BodyTextFacts {
  words: number;
  /** The text's first LEAD_CHARS characters (all of it when shorter). */
  lead: string;
}

/** Longer than any excerpt a page or feed takes (160 and 300 characters). */
export const LEAD_CHARS = 400;

export function bodyTextFacts(bodyHtml: string): BodyTextFacts {
  const text = htmlToText(bodyHtml);
  return { words: countWords(text), lead: text.slice(0, codePointsEnd(text, LEAD_CHARS)) };
}

/**
 * Facts saved with this article object's body (storage gives them as it reads the row). Held
 * per object: an article copied with another body (a preview of an autosave) is a new object,
 * and has its text worked out again.
 */
const savedFacts = new WeakMap<Pick<Article, 'bodyHtml'>, BodyTextFacts>();
export function rememberBodyFacts(article: Pick<Article, 'bodyHtml'>, facts: BodyTextFacts): void {
  savedFacts.set(article, facts);
}

/** The number of words of the body's text. */
export function bodyWords(article: Pick<Article, 'bodyHtml'>): number {
  return savedFacts.get(article)?.words ?? countWords(bodyText(article));
}
