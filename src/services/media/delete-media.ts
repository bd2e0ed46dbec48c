// Deleting a media item that nothing shows any more. While an article or a person still uses it
// the refusal carries the list, so the person can go and change those first.
import { MidadError, NotFound } from '../../core/errors.ts';
import type { MediaUsage } from '../../core/media.ts';
import { authorize } from '../../core/policies/index.ts';
import { LocalMediaStorage } from '../../media/storage.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';

/** Refused with the usage in `details.usage` while an article or a person still shows the item. */
export class MediaInUse extends MidadError {
  readonly status = 409;
  readonly code = 'in_use';
  constructor(readonly usage: MediaUsage) {
    super('The file is used by articles or people and cannot be deleted.', { usage });
  }
}

export async function deleteMedia(
  services: Services,
  actor: Actor,
  input: { mediaId: number },
): Promise<{ id: number }> {
  authorize(actor.person, { kind: 'media.delete' });
  const removed = await services.transaction(async (trx) => {
    const media = await trx.media.byId(input.mediaId);
    if (!media) throw new NotFound(`No media with id ${input.mediaId}.`);
    const usage = await trx.media.usage(media.id);
    if (usage.articles.length > 0 || usage.people.length > 0) throw new MediaInUse(usage);
    await trx.media.delete(media.id);
    await recordAudit(trx, actor, {
      action: 'media.delete',
      targetType: 'media',
      targetId: media.id,
      details: { path: media.path, mime: media.mime, alt: media.alt },
    });
    return media;
  });
  // Files go only once the row is gone for good; a file left behind by a crash here is harmless.
  const storage = new LocalMediaStorage(services.config.mediaRoot);
  await Promise.allSettled(
    [removed.path, ...removed.variants.map((v) => v.path)].map((p) => storage.remove(p)),
  );
  await services.events.emit({ type: 'media', id: removed.id });
  return { id: removed.id };
}
