// The media library's use cases: upload (images and PDFs, checked by content, under the site's
// size limit), editing alt text, caption and credit, and deleting what nothing uses.
import { z } from 'zod';
import { Conflict, NotFound } from '../core/errors.ts';
import type { Media, Person } from '../core/types.ts';
import type { MediaUsage, Repositories } from '../db/repositories/contract.ts';
import { ingestDocument, isPdf } from '../media/documents.ts';
import { ingestImage } from '../media/images.ts';
import { LocalMediaStorage } from '../media/storage.ts';
import type { Services } from './context.ts';

/** Settings key of the upload limit, in megabytes. */
export const MAX_UPLOAD_SETTING = 'media.maxUploadMB';
export const DEFAULT_MAX_UPLOAD_MB = 20;

const UploadLimit = z.number().positive().max(1024).catch(DEFAULT_MAX_UPLOAD_MB);

/** The largest upload the site accepts, in bytes. */
/** The largest upload accepted, in bytes, for the web layer. */
export function uploadLimitBytes(services: { repos: Pick<Repositories, 'settings'> }): Promise<number> {
  return maxUploadBytes(services.repos);
}

export async function maxUploadBytes(repos: Pick<Repositories, 'settings'>): Promise<number> {
  const mb = UploadLimit.parse(await repos.settings.get(MAX_UPLOAD_SETTING));
  return Math.floor(mb * 1024 * 1024);
}

export const MediaText = z.object({
  alt: z.string().trim().max(500).default(''),
  caption: z.string().trim().max(2000).default(''),
  credit: z.string().trim().max(300).default(''),
});
export type MediaText = z.infer<typeof MediaText>;

export async function uploadMedia(
  services: Services,
  input: { buffer: Buffer; text?: Partial<MediaText> },
): Promise<Media> {
  const { repos, config } = services;
  const maxBytes = await maxUploadBytes(repos);
  const deps = { repos, mediaRoot: config.mediaRoot, maxBytes };
  const item = { buffer: input.buffer, ...input.text };
  // The bytes decide: a PDF is kept as a download, anything else must be an image sharp reads.
  return isPdf(input.buffer) ? ingestDocument(item, deps) : ingestImage(item, deps);
}

export async function updateMediaText(services: Services, id: number, text: MediaText): Promise<Media> {
  const media = await services.repos.media.update(id, text);
  await services.events.emit({ type: 'media', id });
  return media;
}

/** Refused with the usage in `details.usage` while an article or a person still shows the item. */
export class MediaInUse extends Conflict {
  constructor(readonly usage: MediaUsage) {
    super('The file is used by articles or people and cannot be deleted.', { usage });
  }
}

export async function deleteMedia(
  services: Services,
  input: { id: number; by: Person; ipHash: string },
): Promise<void> {
  const removed = await services.transaction(async (repos) => {
    const media = await repos.media.byId(input.id);
    if (!media) throw new NotFound(`No media with id ${input.id}.`);
    const usage = await repos.media.usage(media.id);
    if (usage.articles.length > 0 || usage.people.length > 0) throw new MediaInUse(usage);
    await repos.media.delete(media.id);
    await repos.audit.record({
      personId: input.by.id,
      action: 'media.delete',
      targetType: 'media',
      targetId: String(media.id),
      details: { path: media.path, mime: media.mime, alt: media.alt },
      ipHash: input.ipHash,
    });
    return media;
  });
  // Files go only once the row is gone for good; a file left behind by a crash here is harmless.
  const storage = new LocalMediaStorage(services.config.mediaRoot);
  await Promise.allSettled(
    [removed.path, ...removed.variants.map((v) => v.path)].map((p) => storage.remove(p)),
  );
}
