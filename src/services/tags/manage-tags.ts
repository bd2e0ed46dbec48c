// Tags (editors and admins): rename, merge one into another, delete. Each change is audited in
// its own transaction and announced after commit (pages listing the tag, search's name cache).
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { isValidSlug } from '../../core/slug.ts';
import type { Tag } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';

export const RenameTagInput = z.object({
  tagId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
  /** Empty keeps the current slug. */
  slug: z.string().trim().max(80),
});
export type RenameTagInput = z.input<typeof RenameTagInput>;

async function tagOrNotFound(services: Pick<Services, 'repos'>, id: number): Promise<Tag> {
  const tag = await services.repos.tags.byId(id);
  if (!tag) throw new NotFound('No such tag.');
  return tag;
}

async function announce(services: Services, ids: number[]): Promise<void> {
  services.search.forgetNames();
  for (const id of ids) await services.events.emit({ type: 'tag', id });
}

export async function renameTag(services: Services, actor: Actor, input: RenameTagInput): Promise<Tag> {
  authorize(actor.person, { kind: 'taxonomy.manage' });
  const data = parseInput(RenameTagInput, input);
  const tag = await tagOrNotFound(services, data.tagId);
  const slug = data.slug || tag.slug;
  if (!isValidSlug(slug)) throw new Invalid('The slug is not valid.', { slug: 'invalid' });
  const holder = await services.repos.tags.bySlug(slug);
  if (holder && holder.id !== tag.id) throw new Invalid('The slug is taken.', { slug: 'taken' });
  await services.transaction(async (trx) => {
    await trx.tags.update(tag.id, { name: data.name, slug });
    await recordAudit(trx, actor, {
      action: 'tag.renamed',
      targetType: 'tag',
      targetId: tag.id,
      details: { from: tag.name, to: data.name },
    });
  });
  await announce(services, [tag.id]);
  return { ...tag, name: data.name, slug };
}

export const MergeTagsInput = z.object({
  tagId: z.number().int().positive(),
  intoId: z.number().int().positive(),
});
export type MergeTagsInput = z.input<typeof MergeTagsInput>;

/** Moves every article of one tag to another and deletes the first. */
export async function mergeTags(services: Services, actor: Actor, input: MergeTagsInput): Promise<Tag> {
  authorize(actor.person, { kind: 'taxonomy.manage' });
  const data = parseInput(MergeTagsInput, input);
  const tag = await tagOrNotFound(services, data.tagId);
  const into = data.intoId === tag.id ? null : await services.repos.tags.byId(data.intoId);
  if (!into) throw new Invalid('Choose another existing tag to merge into.', { into: 'invalid' });
  await services.transaction(async (trx) => {
    await trx.tags.merge(tag.id, into.id);
    await recordAudit(trx, actor, {
      action: 'tag.merged',
      targetType: 'tag',
      targetId: tag.id,
      details: { name: tag.name, into: into.id, intoName: into.name },
    });
  });
  await announce(services, [tag.id, into.id]);
  return into;
}

export async function deleteTag(services: Services, actor: Actor, input: { tagId: number }): Promise<void> {
  authorize(actor.person, { kind: 'taxonomy.manage' });
  const tag = await tagOrNotFound(services, input.tagId);
  await services.transaction(async (trx) => {
    await trx.tags.delete(tag.id);
    await recordAudit(trx, actor, {
      action: 'tag.deleted',
      targetType: 'tag',
      targetId: tag.id,
      details: { name: tag.name },
    });
  });
  await announce(services, [tag.id]);
}
