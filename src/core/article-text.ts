// Short texts derived from domain records, the same wherever they are shown: on reader pages, in
// feeds, in the content API and in webhook payloads.
import { htmlToText } from './html-policy.ts';
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
  const source = article.seoDescription || article.dek || bodyText(article);
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
 * The visible text of the article's body. An article page needs it twice (reading time, the
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
