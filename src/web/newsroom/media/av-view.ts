// The view of an audio or video item's own parts: poster, poster choices and caption tracks.
import { clockDuration } from '../../../core/duration.ts';
import type { Media } from '../../../core/types.ts';
import type { Services } from '../../../services/context.ts';
import { bestFallback, mediaUrl } from '../../../media/images.ts';
import { captionTracks, playerParts, posterOf } from '../../../services/media/audio-video.ts';
import { listMedia } from '../../../services/media/queries.ts';
import { MEDIA_PREFIX } from '../../reader/urls.ts';
import type { NewsroomMessages } from '../messages.ts';
import type { NewsroomDeps } from '../page.ts';
import type { AvView } from './AvPanels.tsx';
import { thumbOf } from './presenter.ts';

/** How many of the newest library images are offered as a poster. */
const POSTER_CHOICES = 12;

export async function avView(deps: NewsroomDeps, media: Media, t: NewsroomMessages): Promise<AvView | null> {
  if (media.kind !== 'audio' && media.kind !== 'video') return null;
  const { services } = deps;
  const [tracks, poster, choices] = await Promise.all([
    captionTracks(services, media.id),
    posterOf(services, media),
    media.kind === 'video'
      ? listMedia(services, { q: '', page: 1, pageSize: POSTER_CHOICES, kinds: ['image'] })
      : Promise.resolve({ items: [] as Media[] }),
  ]);
  return {
    kind: media.kind,
    fileUrl: mediaUrl(MEDIA_PREFIX, media.path),
    mime: media.mime,
    width: media.width,
    height: media.height,
    durationText: media.durationMs ? clockDuration(media.durationMs) : null,
    codec: media.codec ?? null,
    poster: poster ? { id: poster.id, src: bestFallback(poster, MEDIA_PREFIX).src } : null,
    posterChoices: choices.items.flatMap((image) => {
      const thumb = thumbOf(image);
      return thumb ? [{ id: image.id, src: thumb.src, alt: image.alt }] : [];
    }),
    tracks: tracks.map((track) => ({
      id: track.id,
      lang: track.lang,
      label: track.label,
      kindText: track.kind === 'subtitles' ? t.mediaCaptionsKindSubtitles : t.mediaCaptionsKindCaptions,
      url: mediaUrl(MEDIA_PREFIX, track.path),
    })),
  };
}

/** One audio or video item as the editor's player block stores it. */
export interface AvPickerItem {
  id: number;
  kind: 'audio' | 'video';
  src: string;
  name: string;
  durationSeconds: number | null;
  durationText: string | null;
  width: number | null;
  height: number | null;
  poster: string | null;
  tracks: { src: string; lang: string; label: string; kind: 'captions' | 'subtitles' }[];
  caption: string;
}

/** A page of the library's audio and video, with each item's poster and tracks. */
export async function avPickerPage(
  services: Services,
  q: string,
  page: number,
): Promise<{ items: AvPickerItem[]; nextPage: number | null }> {
  const list = await listMedia(services, { q, page, pageSize: 24, kinds: ['audio', 'video'] });
  const parts = await playerParts(services, list.items);
  const items = list.items.flatMap((m): AvPickerItem[] => {
    if (m.kind !== 'audio' && m.kind !== 'video') return [];
    const own = parts.get(m.id);
    return [
      {
        id: m.id,
        kind: m.kind,
        src: mediaUrl(MEDIA_PREFIX, m.path),
        name: m.caption || m.alt || m.path.split('/').at(-1) || `#${m.id}`,
        durationSeconds: m.durationMs ? Math.round(m.durationMs / 1000) : null,
        durationText: m.durationMs ? clockDuration(m.durationMs) : null,
        width: m.width,
        height: m.height,
        poster: own?.poster ? bestFallback(own.poster, MEDIA_PREFIX).src : null,
        tracks: (own?.tracks ?? []).map((t) => ({
          src: mediaUrl(MEDIA_PREFIX, t.path),
          lang: t.lang,
          label: t.label,
          kind: t.kind,
        })),
        caption: m.caption,
      },
    ];
  });
  return { items, nextPage: list.nextPage };
}
