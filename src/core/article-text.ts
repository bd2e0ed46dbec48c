// Short texts derived from domain records, the same wherever they are shown: on reader pages, in
// feeds, in the content API and in webhook payloads.
import { htmlToText } from './html-policy.ts';
import type { Article, Lang, Section } from './types.ts';

/** The section's name in a language, or its Arabic name when that language has none. */
export function sectionName(section: Section, lang: Lang): string {
  return section.names[lang] || section.names.ar;
}

/** The SEO description, the dek or the start of the text, cut at a word within `maxChars`. */
export function excerptOf(article: Article, maxChars = 160): string {
  const source = article.seoDescription || article.dek || bodyText(article);
  const chars = Array.from(source);
  if (chars.length <= maxChars) return source;
  const cut = chars.slice(0, maxChars).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxChars / 2)).trim()}…`;
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
