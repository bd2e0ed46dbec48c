// Embeds as WordPress writes them, turned into Midad's stored embed (core/embeds/types.ts):
// a URL alone on its line (WordPress's auto-embed), [embed]URL[/embed], Gutenberg embed blocks
// (wp:embed and the older wp:core-embed/…) and the provider iframes WordPress's oEmbed or an
// author pasted. An address no registered provider plays becomes a plain link, never a frame;
// one that cannot be read as an address stays as text, with a warning naming where it was.
import { storedEmbedFor } from '../../../core/embeds/stored.ts';
import { escapeHtml } from '../../../core/html-policy.ts';

export interface EmbedWarning {
  message: string;
  /** The text as written in the post, to find its line. */
  near: string;
}

export interface ConvertedEmbeds {
  html: string;
  warnings: EmbedWarning[];
}

// WordPress's own auto-embed rule: an http(s) address alone on its line, or alone in a paragraph.
const URL_LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)[ \t]*$/gim;
const URL_PARAGRAPH = /<p>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/gi;
const EMBED_SHORTCODE = /\[embed\b([^\]]*)\]([\s\S]*?)\[\/embed\]/gi;
const EMBED_BLOCK =
  /<!--\s*wp:(?:core-)?embed(?:\/[a-z0-9-]+)?(\s+\{[\s\S]*?\})?\s*-->([\s\S]*?)<!--\s*\/wp:(?:core-)?embed(?:\/[a-z0-9-]+)?\s*-->/gi;
const IFRAME = /<iframe\b([^>]*)>(?:[\s\S]*?<\/iframe>)?/gi;

// Hosts of registered providers: an address there that is not recognised is worth a warning.
const PROVIDER_HOST =
  /(?:^|\.)(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|x\.com|twitter\.com|facebook\.com|fb\.watch|instagram\.com|tiktok\.com|t\.me|telegram\.me|soundcloud\.com|dailymotion\.com|dai\.ly|maps\.google\.com)$/i;

function decode(text: string): string {
  return text
    .replace(/&#0?38;|&amp;/g, '&')
    .replace(/&#0?39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#8211;/g, '–');
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decode(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** A readable http(s) address, or null. */
function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function link(url: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
}

/** Newlines the replaced text held, kept so later warnings still point at the right line. */
function sameLines(replaced: string): string {
  return '\n'.repeat((replaced.match(/\n/g) ?? []).length);
}

function looksLikeProvider(url: URL): boolean {
  return (
    PROVIDER_HOST.test(url.hostname) ||
    (/^(?:www\.)?google\.com$/i.test(url.hostname) && url.pathname.startsWith('/maps'))
  );
}

/**
 * Players' own addresses that carry the original's address in a parameter (Facebook's plugins,
 * SoundCloud's widget): the original is what the registry recognises.
 */
function originalOf(src: string): string {
  const url = httpUrl(src.startsWith('//') ? `https:${src}` : src);
  if (!url) return src;
  const host = url.hostname.toLowerCase();
  if (host === 'www.facebook.com' && url.pathname.startsWith('/plugins/'))
    return url.searchParams.get('href') ?? src;
  if (host === 'w.soundcloud.com') return url.searchParams.get('url') ?? src;
  return url.href;
}

interface Options {
  title?: string;
  caption?: string;
}

/** The stored embed, or a link when no provider plays it (with a warning when it looked like one). */
function embedOrLink(
  address: string,
  near: string,
  warnings: EmbedWarning[],
  options: Options = {},
): string | null {
  const text = decode(address.trim());
  const stored = storedEmbedFor(text, options);
  if (stored) return stored;
  const url = httpUrl(text);
  if (!url) return null;
  if (looksLikeProvider(url)) {
    warnings.push({ message: `embed address ${text} is not one Midad can play; kept as a link`, near });
  }
  return link(url.href);
}

function blockCaption(inner: string): string | undefined {
  const m = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner);
  const text = m?.[1]?.replace(/<[^>]*>/g, '').trim();
  return text ? decode(text) : undefined;
}

function convertBlocks(html: string, warnings: EmbedWarning[]): string {
  return html.replace(EMBED_BLOCK, (whole: string, json: string | undefined, inner: string) => {
    let url: string | undefined;
    try {
      const parsed: unknown = json ? JSON.parse(json) : {};
      if (parsed && typeof parsed === 'object' && 'url' in parsed && typeof parsed.url === 'string')
        url = parsed.url;
    } catch {
      // A hand-edited block may hold broken JSON; the wrapper still has the address.
    }
    url ??= /<div class="wp-block-embed__wrapper">\s*([^\s<]+)\s*<\/div>/i.exec(inner)?.[1];
    const caption = blockCaption(inner);
    const converted = url ? embedOrLink(url, whole.split('\n')[0] ?? whole, warnings, { caption }) : null;
    if (converted) {
      const asBlock = converted.startsWith('<figure')
        ? converted
        : `<p>${converted}</p>${caption ? `<p>${escapeHtml(caption)}</p>` : ''}`;
      return asBlock + sameLines(whole);
    }
    warnings.push({
      message: `embed block without a readable address${url ? ` (${url})` : ''}; kept as text`,
      near: whole.split('\n')[0] ?? whole,
    });
    const text = (url ?? inner.replace(/<[^>]*>/g, ' ')).trim();
    return `${text ? `<p>${escapeHtml(decode(text))}</p>` : ''}${sameLines(whole)}`;
  });
}

function convertShortcodes(html: string, warnings: EmbedWarning[]): string {
  return html.replace(EMBED_SHORTCODE, (whole: string, _attrs: string, body: string) => {
    const converted = embedOrLink(body, whole, warnings);
    if (converted)
      return (converted.startsWith('<figure') ? converted : `<p>${converted}</p>`) + sameLines(whole);
    warnings.push({
      message: `[embed] holds no readable address ("${body.trim().slice(0, 80)}"); kept as text`,
      near: whole,
    });
    return `<p>${escapeHtml(body.trim())}</p>${sameLines(whole)}`;
  });
}

function convertIframes(html: string, warnings: EmbedWarning[]): string {
  return html.replace(IFRAME, (whole: string, attrs: string) => {
    const src = attribute(attrs, 'src');
    if (!src) return whole;
    const title = attribute(attrs, 'title') ?? undefined;
    const stored = storedEmbedFor(originalOf(src), { title });
    if (stored) return stored + sameLines(whole);
    const url = httpUrl(src.startsWith('//') ? `https:${src}` : src);
    // Other frames (forms, ads) are the allowlist's to remove and count.
    if (!url || !looksLikeProvider(url)) return whole;
    // A provider's frame the registry cannot play (an old player address): the reader keeps a way to it.
    warnings.push({
      message: `frame from ${url.hostname} is not one Midad can play; kept as a link`,
      near: whole.split('\n')[0] ?? whole,
    });
    return `<p>${link(url.href)}</p>${sameLines(whole)}`;
  });
}

// An audio or video file alone on its line is WordPress's media auto-embed: the media step's, not ours.
const MEDIA_FILE = /\.(?:mp3|m4a|ogg|oga|opus|wav|mp4|m4v|webm|mov|ogv)(?:[?#]|$)/i;

function convertUrlLines(html: string, warnings: EmbedWarning[]): string {
  const paragraphs = html.replace(URL_PARAGRAPH, (whole: string, url: string) => {
    if (MEDIA_FILE.test(url)) return whole;
    const converted = embedOrLink(url, whole, warnings);
    return converted
      ? `${converted.startsWith('<figure') ? converted : `<p>${converted}</p>`}${sameLines(whole)}`
      : whole;
  });
  return paragraphs.replace(URL_LINE, (whole: string, indent: string, url: string) => {
    if (MEDIA_FILE.test(url)) return whole;
    const converted = embedOrLink(url, url, warnings);
    return converted ? `${indent}${converted}` : whole;
  });
}

/** Every embed form in one post's content, converted; run before block comments are stripped. */
export function convertEmbeds(content: string): ConvertedEmbeds {
  const warnings: EmbedWarning[] = [];
  let html = convertBlocks(content, warnings);
  html = convertShortcodes(html, warnings);
  html = convertIframes(html, warnings);
  html = convertUrlLines(html, warnings);
  return { html, warnings };
}
