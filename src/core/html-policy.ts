// What an article body and a comment may contain. Article HTML passes an allowlist; comment
// text is plain text, escaped, with bare URLs made into links that search engines ignore.
import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import { storyBlocksPolicy } from './story-blocks/index.ts';
import { mergeFragments } from './story-blocks/policy-fragment.ts';

const TEXT_ATTRS = ['dir', 'lang'];

// Loaded on first use: sanitize-html brings its own (CommonJS) copies of htmlparser2 and its
// helpers and postcss, about 2 MB of heap, and a worker that only serves readers never cleans a
// body (saves, previews, imports and live entries do).
let loadedSanitizer: typeof sanitizeHtml | null = null;
function sanitizer(): typeof sanitizeHtml {
  loadedSanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return loadedSanitizer;
}

/**
 * A link may open in a new tab (target="_blank", chosen in the editor's link dialog), and then
 * always with rel="noopener" so the opened page cannot steer this one; no other target is kept.
 */
function linkTarget(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { target, ...rest } = attribs;
  if (target !== '_blank') return { tagName, attribs: rest };
  const rel = new Set((rest.rel ?? '').split(/\s+/).filter(Boolean));
  rel.add('noopener');
  return { tagName, attribs: { ...rest, target: '_blank', rel: [...rel].join(' ') } };
}

const ARTICLE_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'figure',
    'figcaption',
    'img',
    'a',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'br',
    'hr',
    'code',
    'pre',
    'sub',
    'sup',
    'cite',
    'q',
    'abbr',
    'mark',
    'span',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    ...storyBlocksPolicy.tags,
  ],
  // A story form may add attributes to an element the base list already has (img, a): merged, not replaced.
  allowedAttributes: mergeFragments([
    { tags: [], attributes: storyBlocksPolicy.attributes },
    {
      tags: [],
      attributes: {
        '*': TEXT_ATTRS,
        a: [...TEXT_ATTRS, 'href', 'title', 'hreflang', 'rel', 'target'],
        img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
        ol: [...TEXT_ATTRS, 'start', 'reversed'],
        th: [...TEXT_ATTRS, 'scope', 'colspan', 'rowspan'],
        td: [...TEXT_ATTRS, 'colspan', 'rowspan'],
        abbr: [...TEXT_ATTRS, 'title'],
        blockquote: [...TEXT_ATTRS, 'cite'],
      },
    },
  ]).attributes,
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { ...storyBlocksPolicy.schemesByTag, img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => linkTarget(tagName, attribs),
    // Body images never block the first paint.
    img: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, loading: attribs.loading ?? 'lazy', decoding: 'async' },
    }),
  },
};

export interface SanitizeReport {
  html: string;
  /** Elements or attributes the policy removed; importers report it. */
  removed: number;
}

export function sanitizeArticleHtml(html: string): SanitizeReport {
  let removed = 0;
  const countUnsafe = (attribs: sanitizeHtml.Attributes) => {
    for (const name of Object.keys(attribs)) if (name.startsWith('on') || name === 'style') removed++;
  };
  const imgTransform = ARTICLE_POLICY.transformTags?.img;
  const sanitize = sanitizer();
  const clean = sanitize(html, {
    ...ARTICLE_POLICY,
    // <track> and <source> are void elements: no end tag is written for them.
    selfClosing: [...sanitize.defaults.selfClosing, 'track', 'source'],
    transformTags: {
      // The '*' transform has already counted this element's attributes (both run).
      a: (tagName, attribs) => linkTarget(tagName, attribs),
      img: (tagName, attribs) => {
        return typeof imgTransform === 'function' ? imgTransform(tagName, attribs) : { tagName, attribs };
      },
      '*': (tagName, attribs) => {
        countUnsafe(attribs);
        return { tagName, attribs };
      },
    },
  });
  const dropped = html.match(/<(script|style|iframe|object|embed)\b/gi);
  removed += dropped ? dropped.length : 0;
  return { html: clean, removed };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?؟،)\]]/g;

/** Comment text → safe HTML: paragraphs, line breaks, and clickable links with rel="nofollow ugc". */
export function commentTextToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return paragraphs.map((p) => `<p>${linkify(p).replace(/\n/g, '<br>')}</p>`).join('');
}

function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0];
    const at = match.index ?? 0;
    out += escapeHtml(text.slice(last, at));
    out += `<a href="${escapeHtml(url)}" rel="nofollow ugc noopener" dir="ltr">${escapeHtml(url)}</a>`;
    last = at + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

export { htmlToText } from './html-text.ts';
