// The stored form of an embed (see types.ts): written by the importer and the editor, read by
// the reader page. No dependency on the sanitizer, so the editor bundle can use it.
import { recognizeEmbed } from './registry.ts';
import type { EmbedMatch } from './types.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export interface StoredEmbed {
  match: EmbedMatch;
  /** The original's title, when known; the link then reads as the title instead of the address. */
  title?: string;
  /** Caption text (plain). */
  caption?: string;
  /** A path on this site to a thumbnail in the media library. */
  thumbnail?: string;
}

/** A thumbnail is only kept when it is a path on this site: the facade must load nothing from outside. */
export function isLocalPath(src: string): boolean {
  return /^\/(?!\/)[^\s\\]*$/.test(src);
}

export function storedEmbedHtml(embed: StoredEmbed): string {
  const { match } = embed;
  const title = embed.title?.trim() || match.url;
  const thumb =
    embed.thumbnail && isLocalPath(embed.thumbnail)
      ? `<img src="${escapeText(embed.thumbnail)}" alt="">`
      : '';
  const caption = embed.caption?.trim() ? `<figcaption>${escapeText(embed.caption.trim())}</figcaption>` : '';
  return (
    `<figure data-embed="${escapeText(match.provider)}" data-embed-id="${escapeText(match.id)}">` +
    `<a href="${escapeText(match.url)}">${escapeText(title)}</a>${thumb}${caption}</figure>`
  );
}

/** The stored embed for an address, or null when no registered provider plays it (it stays a link). */
export function storedEmbedFor(url: string, extra: Omit<StoredEmbed, 'match'> = {}): string | null {
  const match = recognizeEmbed(url);
  return match ? storedEmbedHtml({ match, ...extra }) : null;
}
