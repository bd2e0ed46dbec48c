// Audio and video from the media library, with a poster and WebVTT tracks.
//
// Stored format (the article body, the API and the feeds all carry it as is):
//
//   <figure data-block="audio">
//     <audio src="/media/2026/12/….mp3" data-duration="93"></audio>
//     <figcaption>caption</figcaption>                       (optional)
//   </figure>
//
//   <figure data-block="video">
//     <video src="/media/….mp4" poster="/media/…-960.jpg" width="640" height="360" data-duration="75">
//       <track kind="captions" src="/media/….vtt" srclang="ar" label="العربية">   (one per track)
//     </video>
//     <figcaption>caption</figcaption>
//   </figure>
//
// Sources are this site's own files: the allowlist keeps only relative addresses on these
// elements (no scheme at all), and the reader page plays only those under /media/. The playing
// time is stored (whole seconds) so the page can show it without reading the file. The reader
// page adds the controls, preload="none" and the time (web/reader/body/media.ts).
import { escapeText } from './html-text.ts';
import type { PolicyFragment } from './policy-fragment.ts';

export const mediaPolicy: PolicyFragment = {
  tags: ['audio', 'video', 'source', 'track'],
  attributes: {
    figure: ['data-block'],
    audio: ['src', 'data-duration', 'controls', 'preload'],
    video: ['src', 'poster', 'width', 'height', 'data-duration', 'controls', 'preload'],
    source: ['src', 'type'],
    track: ['src', 'kind', 'srclang', 'label', 'default'],
  },
  // No scheme: only addresses on this site survive.
  schemesByTag: { audio: [], video: [], source: [], track: [] },
};

/** Where this site serves media files (web/reader/urls.ts MEDIA_PREFIX). */
export const SITE_MEDIA_PREFIX = '/media/';

/** Whether an address is one of this site's media files (no scheme, host, "..", query or fragment). */
export function isSiteMediaUrl(url: string | undefined): url is string {
  return (
    typeof url === 'string' &&
    url.startsWith(SITE_MEDIA_PREFIX) &&
    !url.includes('..') &&
    !url.includes('//') &&
    /^[A-Za-z0-9/._%-]+$/.test(url)
  );
}

export interface MediaTrackBlock {
  src: string;
  lang: string;
  label: string;
  kind: 'captions' | 'subtitles';
}

export interface MediaBlock {
  kind: 'audio' | 'video';
  src: string;
  durationSeconds: number | null;
  poster?: string | null;
  width?: number | null;
  height?: number | null;
  tracks?: MediaTrackBlock[];
  /** HTML (inline); "" for none. */
  captionHtml?: string;
}

/** The stored HTML of an audio or video block. */
export function mediaBlockHtml(block: MediaBlock): string {
  const attrs = [`src="${escapeText(block.src)}"`];
  if (block.kind === 'video' && block.poster) attrs.push(`poster="${escapeText(block.poster)}"`);
  if (block.kind === 'video' && block.width && block.height) {
    attrs.push(`width="${block.width}" height="${block.height}"`);
  }
  if (block.durationSeconds !== null && block.durationSeconds > 0) {
    attrs.push(`data-duration="${Math.round(block.durationSeconds)}"`);
  }
  const tracks = (block.tracks ?? [])
    .map(
      (t) =>
        `<track kind="${t.kind}" src="${escapeText(t.src)}" srclang="${escapeText(t.lang)}" label="${escapeText(t.label)}">`,
    )
    .join('');
  const caption = block.captionHtml?.trim() ? `<figcaption>${block.captionHtml.trim()}</figcaption>` : '';
  return `<figure data-block="${block.kind}"><${block.kind} ${attrs.join(' ')}>${tracks}</${block.kind}>${caption}</figure>`;
}
