// Uploading to the media library: images and PDFs, told apart by their bytes, under the site's
// size limit. The files are written and the images encoded before the transaction opens, so the
// database is held only for the row and its audit entry; a refused row takes its files with it.
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import type { Media } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { MediaRepository } from '../../db/repositories/contract.ts';
import { ingestDocument, isPdf } from '../../media/documents.ts';
import { ingestImage } from '../../media/images.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { maxUploadBytes } from './queries.ts';

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
});
export type UploadMediaInput = z.input<typeof UploadMediaInput>;

type MediaRows = { media: Pick<MediaRepository, 'create'> };

/** Reads, checks and stores one file, creating its row through `repos`. */
async function ingest(
  services: Pick<Services, 'repos' | 'config'>,
  repos: MediaRows,
  item: { buffer: Buffer } & Partial<MediaText>,
): Promise<Media> {
  const maxBytes = await maxUploadBytes(services.repos);
  const deps = { repos, mediaRoot: services.config.mediaRoot, maxBytes };
  // The bytes decide: a PDF is kept as a download, anything else must be an image sharp reads.
  return isPdf(item.buffer) ? ingestDocument(item, deps) : ingestImage(item, deps);
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
