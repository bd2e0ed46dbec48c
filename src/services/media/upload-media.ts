// Uploading to the media library: images, PDFs, audio, video and WebVTT captions, told apart by
// their bytes, each kind under its size limit (audio and video have their own, larger one). The files are written and the images encoded before the transaction opens, so the
// database is held only for the row and its audit entry; a refused row takes its files with it.
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import type { Media } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { MediaRepository } from '../../db/repositories/contract.ts';
import { Invalid } from '../../core/errors.ts';
import { ingestAudioVideo } from '../../media/audio-video.ts';
import { ingestCaptions, looksLikeVtt } from '../../media/captions.ts';
import { ingestDocument, isPdf } from '../../media/documents.ts';
import { ingestImage } from '../../media/images.ts';
import { claimsAudioVideo } from '../../media/sniff-av.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { maxAudioVideoBytes, maxUploadBytes } from './queries.ts';

export const MediaText = z.object({
  alt: z.string().trim().max(500).default(''),
  caption: z.string().trim().max(2000).default(''),
  credit: z.string().trim().max(300).default(''),
});
export type MediaText = z.infer<typeof MediaText>;

export const UploadMediaInput = z.object({
  buffer: z.instanceof(Buffer),
  alt: MediaText.shape.alt,
  caption: MediaText.shape.caption,
  credit: MediaText.shape.credit,
  /** The name and type the file was sent with: never trusted, only answered when they are wrong. */
  filename: z.string().max(500).optional(),
  declaredType: z.string().max(200).optional(),
});
export type UploadMediaInput = z.input<typeof UploadMediaInput>;

type MediaRows = { media: Pick<MediaRepository, 'create'> };

/** Reads, checks and stores one file, creating its row through `repos`. */
async function ingest(
  services: Pick<Services, 'repos' | 'config'>,
  repos: MediaRows,
  item: {
    buffer: Buffer;
    filename?: string | undefined;
    declaredType?: string | undefined;
  } & Partial<MediaText>,
): Promise<Media> {
  const [maxBytes, maxAvBytes] = await Promise.all([
    maxUploadBytes(services.repos),
    maxAudioVideoBytes(services.repos),
  ]);
  const deps = { repos, mediaRoot: services.config.mediaRoot, maxBytes };
  const text = { buffer: item.buffer, alt: item.alt, caption: item.caption, credit: item.credit };
  // The bytes decide: a PDF is kept as a download, WebVTT as captions, audio and video as
  // themselves; anything else must be an image sharp reads.
  if (isPdf(item.buffer)) return ingestDocument(text, deps);
  if (looksLikeVtt(item.buffer) || /\.vtt$/i.test(item.filename ?? '')) {
    if (item.buffer.length > maxBytes)
      throw new Invalid('The file is larger than the upload limit.', { file: 'too_large' });
    return ingestCaptions(text, deps);
  }
  const av = await ingestAudioVideo(text, { ...deps, maxBytes: maxAvBytes });
  if (av) return av;
  if (claimsAudioVideo({ filename: item.filename ?? '', type: item.declaredType ?? '' })) {
    throw new Invalid(
      'The file is named or sent as audio or video, but its content is not MP3, M4A, Ogg, Opus, WAV, MP4 or WebM.',
      { file: 'not_audio_video' },
    );
  }
  return ingestImage(text, deps);
}

/**
 * Stores a file for another use case that audits its own change (a site logo, a person's
 * photo): no permission check of its own and no audit row.
 */
export function ingestUpload(
  services: Pick<Services, 'repos' | 'config'>,
  input: { buffer: Buffer; text?: Partial<MediaText> },
): Promise<Media> {
  return ingest(services, services.repos, { buffer: input.buffer, ...input.text });
}

export async function uploadMedia(services: Services, actor: Actor, input: UploadMediaInput): Promise<Media> {
  authorize(actor.person, { kind: 'media.upload' });
  const data = parseInput(UploadMediaInput, input);
  const rows: MediaRows = {
    media: {
      create: (row) =>
        services.transaction(async (trx) => {
          const media = await trx.media.create(row);
          await recordAudit(trx, actor, {
            action: 'media.upload',
            targetType: 'media',
            targetId: media.id,
            details: { path: media.path, mime: media.mime, size: media.size },
          });
          return media;
        }),
    },
  };
  const media = await ingest(services, rows, data);
  await services.events.emit({ type: 'media', id: media.id });
  return media;
}
