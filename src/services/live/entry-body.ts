// An entry's body as stored: the text the editor wrote (rich HTML from the editor, or plain text
// from the textarea, its paragraphs kept) and, when chosen, a photo of the library as a figure,
// all passed through the article allowlist, so an entry holds what an article body may hold and
// the same reader rendering turns it into what readers see.
import { storedEmbedFor } from '../../core/embeds/stored.ts';
import { LIVE_ENTRY_MAX_HTML, LIVE_ENTRY_MAX_TEXT } from '../../core/live.ts';
import { escapeHtml, htmlToText, sanitizeArticleHtml } from '../../core/html-policy.ts';
import { Invalid } from '../../core/errors.ts';
import type { Media } from '../../core/types.ts';
import { bestFallback } from '../../media/images.ts';

export type LiveErrorKey =
  | 'errLiveEmpty'
  | 'errLiveTooLong'
  | 'errLiveNotLive'
  | 'errLiveEnded'
  | 'errLivePhoto'
  | 'errLiveNotPublished';

/** A refusal the newsroom shows beside its form: field → message key of the live catalogue. */
export class LiveInvalid extends Invalid {
  constructor(readonly errors: Record<string, LiveErrorKey>) {
    super('The live entry was refused.', errors);
  }
}

const LOOKS_LIKE_HTML = /<(p|h[2-4]|ul|ol|blockquote|figure|strong|em|a|br|img|div)\b[^>]*>/i;

/**
 * Plain text from a textarea: blank lines make paragraphs, single line ends make <br>. An
 * address alone on its line is an embed when a registered provider plays it (stored as article
 * bodies store embeds, so readers get the same facade), a link otherwise.
 */
function textToHtml(text: string): string {
  return text
    .split(/\n/)
    .flatMap((line) => (/^\s*https?:\/\/\S+\s*$/i.test(line) ? ['', line.trim(), ''] : [line]))
    .join('\n')
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => {
      if (/^https?:\/\/\S+$/i.test(block))
        return storedEmbedFor(block) ?? `<p><a href="${escapeHtml(block)}">${escapeHtml(block)}</a></p>`;
      return `<p dir="auto">${escapeHtml(block).replace(/\n/g, '<br>')}</p>`;
    })
    .join('');
}

function photoHtml(media: Media): string {
  const image = bestFallback(media, '/media/');
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
  const caption = [media.caption, media.credit].filter((s) => s.trim() !== '').join(' — ');
  return `<figure><img src="${escapeHtml(image.src)}" alt="${escapeHtml(media.alt)}"${size}>${
    caption ? `<figcaption dir="auto">${escapeHtml(caption)}</figcaption>` : ''
  }</figure>`;
}

/** The stored HTML of an entry, or a refusal naming the reason. */
export function entryBody(input: { text: string; photo: Media | null }): string {
  const text = input.text.replace(/\r\n?/g, '\n').trim();
  const written = LOOKS_LIKE_HTML.test(text) ? text : textToHtml(text);
  const clean = sanitizeArticleHtml(written + (input.photo ? photoHtml(input.photo) : '')).html.trim();
  const words = htmlToText(clean);
  if (words === '' && !/<(img|figure|iframe|audio|video)\b/i.test(clean))
    throw new LiveInvalid({ body: 'errLiveEmpty' });
  if ([...words].length > LIVE_ENTRY_MAX_TEXT || clean.length > LIVE_ENTRY_MAX_HTML)
    throw new LiveInvalid({ body: 'errLiveTooLong' });
  return clean;
}
