// Tags linked across languages (editors and admins, or the operator from the command line):
// تمبكتو, Tombouctou and Timbuktu name one place, so a search for one finds articles tagged
// with any. Linking joins the two tags' groups; unlinking takes one tag out of its group.
// Audited in the change's transaction; search forgets its cached aliases after commit.
import { z } from 'zod';
import { Invalid, NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Tag } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Actor } from '../actor.ts';
import type { Services } from '../context.ts';

export const LinkTagsInput = z.object({
  tagId: z.number().int().positive(),
  withId: z.number().int().positive(),
});
export type LinkTagsInput = z.input<typeof LinkTagsInput>;

export const UnlinkTagInput = z.object({ tagId: z.number().int().positive() });
export type UnlinkTagInput = z.input<typeof UnlinkTagInput>;

/** Who links: a newsroom person, or the operator at the command line (audited without a person). */
type By = Actor | 'cli';

function check(by: By): void {
  if (by !== 'cli') authorize(by.person, { kind: 'taxonomy.manage' });
}

async function tagOrNotFound(services: Pick<Services, 'repos'>, id: number): Promise<Tag> {
  const tag = await services.repos.tags.byId(id);
  if (!tag) throw new NotFound(`No tag with the id ${id}.`);
  return tag;
}

function auditOf(by: By) {
  return by === 'cli'
    ? { personId: null, ipHash: '', via: 'cli' as const }
    : { personId: by.person.id, ipHash: by.ipHash, via: undefined };
}

export async function linkTags(services: Services, by: By, input: LinkTagsInput): Promise<void> {
  check(by);
  const data = parseInput(LinkTagsInput, input);
  if (data.tagId === data.withId) throw new Invalid('A tag cannot be linked to itself.', { with: 'same' });
  const [tag, other] = [
    await tagOrNotFound(services, data.tagId),
    await tagOrNotFound(services, data.withId),
  ];
  const who = auditOf(by);
  await services.transaction(async (trx) => {
    await trx.languages.linkTags(tag.id, other.id);
    await trx.audit.record({
      personId: who.personId,
      action: 'tag.linked',
      targetType: 'tag',
      targetId: String(tag.id),
      details: { with: other.id, names: [tag.name, other.name], ...(who.via ? { via: who.via } : {}) },
      ipHash: who.ipHash,
    });
  });
  services.search.forgetNames();
}

export async function unlinkTag(services: Services, by: By, input: UnlinkTagInput): Promise<void> {
  check(by);
  const data = parseInput(UnlinkTagInput, input);
  const tag = await tagOrNotFound(services, data.tagId);
  const who = auditOf(by);
  await services.transaction(async (trx) => {
    await trx.languages.unlinkTag(tag.id);
    await trx.audit.record({
      personId: who.personId,
      action: 'tag.unlinked',
      targetType: 'tag',
      targetId: String(tag.id),
      details: { name: tag.name, ...(who.via ? { via: who.via } : {}) },
      ipHash: who.ipHash,
    });
  });
  services.search.forgetNames();
}

/** Each tag's linked tags (for the newsroom's tags page). */
export async function linkedTags(services: Pick<Services, 'repos'>, ids: readonly number[]) {
  return services.repos.languages.linkedTags(ids);
}

/** A tag named on the command line by its slug, its name or its id. */
export async function findTag(services: Pick<Services, 'repos'>, ref: string): Promise<Tag> {
  const text = ref.trim();
  const bySlug = await services.repos.tags.bySlug(text.toLowerCase());
  if (bySlug) return bySlug;
  const byName = (await services.repos.tags.list()).find((t) => t.name === text);
  if (byName) return byName;
  if (/^\d+$/.test(text)) return tagOrNotFound(services, Number(text));
  throw new NotFound(`No tag has the slug or name "${text}".`);
}
