// Editing a media item's alt text, caption and credit. Text past a limit is a refusal naming the
// field (422), so the form can be shown again with what was typed.
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Media } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { mediaById } from './queries.ts';

export const MEDIA_TEXT_LIMITS = { alt: 500, caption: 2000, credit: 300 } as const;
export type MediaTextField = keyof typeof MEDIA_TEXT_LIMITS;

export const UpdateMediaInput = z.object({
  mediaId: z.number().int().positive(),
  alt: z.string().trim().default(''),
  caption: z.string().trim().default(''),
  credit: z.string().trim().default(''),
});
export type UpdateMediaInput = z.input<typeof UpdateMediaInput>;

export async function updateMedia(services: Services, actor: Actor, input: UpdateMediaInput): Promise<Media> {
  authorize(actor.person, { kind: 'media.upload' });
  const data = parseInput(UpdateMediaInput, input);
  const fields: Partial<Record<MediaTextField, string>> = {};
  for (const key of Object.keys(MEDIA_TEXT_LIMITS) as MediaTextField[]) {
    if (data[key].length > MEDIA_TEXT_LIMITS[key]) fields[key] = 'too_long';
  }
  if (Object.keys(fields).length > 0) throw new Invalid('A text is longer than allowed.', fields);
  const before = await mediaById(services, data.mediaId);
  const text = { alt: data.alt, caption: data.caption, credit: data.credit };
  const media = await services.transaction(async (trx) => {
    const updated = await trx.media.update(before.id, text);
    await recordAudit(trx, actor, {
      action: 'media.update',
      targetType: 'media',
      targetId: before.id,
      details: { path: before.path, ...text },
    });
    return updated;
  });
  await services.events.emit({ type: 'media', id: media.id });
  return media;
}

/** Fractions of the width and height from the top-left corner; null puts it back to the centre. */
export const FocalPointInput = z.object({
  mediaId: z.number().int().positive(),
  focal: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).nullable(),
});
export type FocalPointInput = z.input<typeof FocalPointInput>;

/**
 * Sets where crops of the image keep the picture visible (cards cut photos to 16:9). Anyone who
 * may upload images may set it: it changes no pixel, only which part of them a card shows.
 */
export async function setFocalPoint(
  services: Services,
  actor: Actor,
  input: FocalPointInput,
): Promise<Media> {
  authorize(actor.person, { kind: 'media.upload' });
  const data = parseInput(FocalPointInput, input);
  const before = await mediaById(services, data.mediaId);
  if (before.width === null || before.height === null) {
    throw new Invalid('Only an image has a focal point.', { focal: 'not_image' });
  }
  // Three decimals are a tenth of a percent: finer than any crop can show.
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const focal = data.focal && { x: round(data.focal.x), y: round(data.focal.y) };
  const media = await services.transaction(async (trx) => {
    const updated = await trx.media.update(before.id, { focal });
    await recordAudit(trx, actor, {
      action: 'media.focal',
      targetType: 'media',
      targetId: before.id,
      details: { path: before.path, focal },
    });
    return updated;
  });
  await services.events.emit({ type: 'media', id: media.id });
  return media;
}
