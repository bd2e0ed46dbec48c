// The view of an audio or video item's own parts: poster, poster choices and caption tracks.
import { clockDuration } from '../../../core/duration.ts';
import type { Media } from '../../../core/types.ts';
import { bestFallback, mediaUrl } from '../../../media/images.ts';
import { captionTracks, posterOf } from '../../../services/media/audio-video.ts';
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
