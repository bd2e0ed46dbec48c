// Commands on audio and video items: the poster image a video shows before it plays (chosen
// from the library or just uploaded) and the WebVTT caption and subtitle tracks of audio and
// video. Each is one transaction with its audit row; the WebVTT file of a new track is written
// before the transaction and removed again when the transaction is refused.
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Media, MediaTrack } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { ingestCaptions } from '../../media/captions.ts';
import { LocalMediaStorage } from '../../media/storage.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { mediaById } from './queries.ts';

const isAv = (media: Media) => media.kind === 'audio' || media.kind === 'video';

function requireAv(media: Media): void {
  if (!isAv(media)) throw new Invalid('Only audio and video have captions and posters.', { media: 'not_av' });
}

export const SetPosterInput = z.object({
  mediaId: z.number().int().positive(),
  posterMediaId: z.number().int().positive().nullable(),
});
export type SetPosterInput = z.input<typeof SetPosterInput>;

export async function setPoster(services: Services, actor: Actor, input: SetPosterInput): Promise<Media> {
  authorize(actor.person, { kind: 'media.upload' });
  const data = parseInput(SetPosterInput, input);
  const video = await mediaById(services, data.mediaId);
  if (video.kind !== 'video') throw new Invalid('Only a video has a poster image.', { media: 'not_av' });
  if (data.posterMediaId !== null) {
    const poster = await services.repos.media.byId(data.posterMediaId);
    if (poster?.kind !== 'image' || !poster.mime.startsWith('image/')) {
      throw new Invalid('The poster must be an image from the library.', { poster: 'not_image' });
    }
  }
  const media = await services.transaction(async (trx) => {
    const updated = await trx.media.update(video.id, { posterMediaId: data.posterMediaId });
    await recordAudit(trx, actor, {
      action: 'media.poster',
      targetType: 'media',
      targetId: video.id,
      details: { path: video.path, posterMediaId: data.posterMediaId },
    });
    return updated;
  });
  await services.events.emit({ type: 'media', id: media.id });
  return media;
}

/** A BCP 47 language tag as a track's srclang: "ar", "fr", "en-GB", "zh-Hant". */
const LanguageTag = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/);

export const AddCaptionTrackInput = z.object({
  mediaId: z.number().int().positive(),
  buffer: z.instanceof(Buffer),
  lang: LanguageTag,
  label: z.string().trim().min(1).max(80),
  kind: z.enum(['captions', 'subtitles']).default('captions'),
});
export type AddCaptionTrackInput = z.input<typeof AddCaptionTrackInput>;

export async function addCaptionTrack(
  services: Services,
  actor: Actor,
  input: AddCaptionTrackInput,
): Promise<MediaTrack> {
  authorize(actor.person, { kind: 'media.upload' });
  // A language code or name a person typed wrong is a refusal of the form (422), not a malformed request.
  const fields: Record<string, string> = {};
  if (!LanguageTag.safeParse(input.lang).success) fields.lang = 'invalid';
  if (!AddCaptionTrackInput.shape.label.safeParse(input.label).success) fields.label = 'invalid';
  if (Object.keys(fields).length > 0)
    throw new Invalid('The track needs a language code and a name.', fields);
  const data = parseInput(AddCaptionTrackInput, input);
  const item = await mediaById(services, data.mediaId);
  requireAv(item);
  // The file and its row are made by ingestCaptions inside the transaction's create, so a
  // refused track leaves neither the row nor (removed below) the file.
  const storage = new LocalMediaStorage(services.config.mediaRoot);
  let written: string | null = null;
  let track: MediaTrack;
  try {
    track = await services.transaction(async (trx) => {
      const file = await ingestCaptions(
        { buffer: data.buffer, alt: data.label },
        { repos: trx, mediaRoot: services.config.mediaRoot, storage },
      );
      written = file.path;
      const added = await trx.media.addTrack({
        mediaId: item.id,
        trackMediaId: file.id,
        lang: data.lang,
        label: data.label,
        kind: data.kind,
      });
      await recordAudit(trx, actor, {
        action: 'media.track.add',
        targetType: 'media',
        targetId: item.id,
        details: { path: item.path, track: file.path, lang: data.lang, label: data.label },
      });
      return added;
    });
  } catch (error) {
    if (written) await storage.remove(written);
    throw error;
  }
  await services.events.emit({ type: 'media', id: item.id });
  return track;
}

export const RemoveCaptionTrackInput = z.object({
  mediaId: z.number().int().positive(),
  trackId: z.number().int().positive(),
});
export type RemoveCaptionTrackInput = z.input<typeof RemoveCaptionTrackInput>;

/** Takes the track off the item; the WebVTT file stays in the library until deleted there. */
export async function removeCaptionTrack(
  services: Services,
  actor: Actor,
  input: RemoveCaptionTrackInput,
): Promise<void> {
  authorize(actor.person, { kind: 'media.upload' });
  const data = parseInput(RemoveCaptionTrackInput, input);
  const item = await mediaById(services, data.mediaId);
  await services.transaction(async (trx) => {
    const removed = await trx.media.removeTrack(item.id, data.trackId);
    if (!removed) throw new Invalid('No such caption track on this item.', { track: 'missing' });
    await recordAudit(trx, actor, {
      action: 'media.track.remove',
      targetType: 'media',
      targetId: item.id,
      details: { path: item.path, trackId: data.trackId },
    });
  });
  await services.events.emit({ type: 'media', id: item.id });
}

/** A video's poster image, or null. */
export async function posterOf(services: Pick<Services, 'repos'>, media: Media): Promise<Media | null> {
  return media.posterMediaId ? services.repos.media.byId(media.posterMediaId) : null;
}

/** What a player of each audio or video item needs beside the item: its poster and tracks. */
export async function playerParts(
  services: Pick<Services, 'repos'>,
  items: readonly Media[],
): Promise<Map<number, { poster: Media | null; tracks: MediaTrack[] }>> {
  const ids = items.map((m) => m.id);
  const posterIds = items.flatMap((m) => (m.posterMediaId ? [m.posterMediaId] : []));
  const [tracks, posters] = await Promise.all([
    services.repos.media.tracksOf(ids),
    services.repos.media.byIds(posterIds),
  ]);
  return new Map(
    items.map((m) => [
      m.id,
      {
        poster: posters.find((p) => p.id === m.posterMediaId) ?? null,
        tracks: tracks.filter((t) => t.mediaId === m.id),
      },
    ]),
  );
}

/** The caption tracks of one item, in order. */
export function captionTracks(services: Pick<Services, 'repos'>, mediaId: number): Promise<MediaTrack[]> {
  return services.repos.media.tracksOf([mediaId]);
}
