// Stored embeds become privacy facades: the provider's name, the title when known, a local
// thumbnail when the library has one, a link to the original and a play/show button. Nothing
// loads from the provider until the reader presses it; embed.js then puts the privacy-enhanced
// player in its place. The player address is rebuilt here from the stored link with the
// registry, so a stored attribute can never point a frame anywhere else, and an address no
// registered provider plays stays the plain link it was stored as.
import { isLocalPath } from '../../../core/embeds/stored.ts';
import { providerOf, recognizeEmbed } from '../../../core/embeds/registry.ts';
import type { EmbedKind, EmbedMatch } from '../../../core/embeds/types.ts';
import { escapeHtml } from '../../../core/html-policy.ts';
import { format, type MessageKey } from '../../../core/i18n.ts';
import type { BodyRenderContext } from './render-body.ts';

const FIGURE = /<figure\b([^>]*\sdata-embed="[^"]*"[^>]*)>([\s\S]*?)<\/figure>/gi;
const LINK = /<a\b([^>]*)>([\s\S]*?)<\/a>/i;
const IMG = /<img\b([^>]*)>/i;
const CAPTION = /<figcaption\b[^>]*>[\s\S]*?<\/figcaption>/i;

const ACTION: Record<EmbedKind, MessageKey> = {
  video: 'embedPlayVideo',
  audio: 'embedPlayAudio',
  post: 'embedShowPost',
  map: 'embedShowMap',
};

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(attrs);
  return m?.[1] === undefined ? null : decodeEntities(m[1]);
}

/** The link text when it is a title, not the address written out again. */
function titleOf(linkHtml: string, match: EmbedMatch, href: string): string | null {
  const text = decodeEntities(linkHtml.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' || text === href || text === match.url || /^(?:https?:\/\/|www\.)\S+$/i.test(text))
    return null;
  return text;
}

/** The address as a reader recognises it: host and path, without the scheme. */
function shortAddress(url: string): string {
  return url.replace(/^https:\/\/(?:www\.)?/, '');
}

function facade(
  match: EmbedMatch,
  parts: { title: string | null; thumb: string | null; caption: string },
  n: number,
  ctx: BodyRenderContext,
): string {
  const provider = providerOf(match);
  const label = `<bdi dir="ltr">${escapeHtml(provider.label)}</bdi>`;
  const key = `embed-${n}-${match.provider}`;
  const titleHtml = parts.title
    ? `<p class="embed-title" id="${key}-title" dir="auto">${escapeHtml(parts.title)}</p>`
    : `<p class="embed-title" id="${key}-title"><bdi dir="ltr">${escapeHtml(shortAddress(match.url))}</bdi></p>`;
  const frameTitle = parts.title
    ? `${provider.label}: ${parts.title}`
    : `${provider.label}: ${shortAddress(match.url)}`;
  const player = [
    ['data-embed-player', provider.player(match)],
    ['data-embed-title', frameTitle],
    ['data-embed-allow', provider.allow],
    ...(provider.sandbox ? [['data-embed-sandbox', provider.sandbox]] : []),
  ]
    .map(([name, value]) => ` ${name}="${escapeHtml(value ?? '')}"`)
    .join('');
  const thumb = parts.thumb
    ? `<img class="embed-thumb" src="${escapeHtml(parts.thumb)}" alt="" loading="lazy" decoding="async">`
    : '';
  return (
    `<figure class="embed embed-${provider.kind}" data-embed="${match.provider}" data-embed-id="${escapeHtml(match.id)}"${player}>` +
    `<div class="embed-facade">${thumb}<div class="embed-card">` +
    `<p class="embed-provider">${label}</p>${titleHtml}` +
    // Shown once embed.js runs (site.css): without a script the button could do nothing; the link still works.
    `<button type="button" class="embed-play" aria-describedby="${key}-title ${key}-note">${escapeHtml(ctx.t[ACTION[provider.kind]])}</button>` +
    `<p class="embed-note" id="${key}-note">${format(escapeHtml(ctx.t.embedNotice), { provider: label })}</p>` +
    `</div></div>` +
    `<p class="embed-source"><a href="${escapeHtml(match.url)}" rel="noopener">${format(escapeHtml(ctx.t.embedOpenOn), { provider: label })}</a></p>` +
    `${parts.caption}</figure>`
  );
}

export function renderEmbeds(html: string, ctx: BodyRenderContext): string {
  if (!html.includes('data-embed=')) return html;
  let n = 0;
  return html.replace(FIGURE, (whole, _attrs: string, inner: string) => {
    const link = LINK.exec(inner);
    const href = link ? attribute(link[1] ?? '', 'href') : null;
    const match = href ? recognizeEmbed(href) : null;
    if (!link || !href || !match) return whole;
    const src = attribute(IMG.exec(inner)?.[1] ?? '', 'src');
    n += 1;
    return facade(
      match,
      {
        title: titleOf(link[2] ?? '', match, href),
        thumb: src && isLocalPath(src) ? src : null,
        caption: CAPTION.exec(inner)?.[0] ?? '',
      },
      n,
      ctx,
    );
  });
}
