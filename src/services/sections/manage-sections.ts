// Sections (editors and admins): create, edit (names in the three languages, parent, order) and
// delete; a deleted section's articles and sub-sections simply lose it. Each change is audited in
// its own transaction and announced after commit, so the pages listing the section follow.
import { z } from 'zod';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { isValidSlug } from '../../core/slug.ts';
import type { Section } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { descendantIds } from '../reader.ts';
import { furtherEditions, loadSiteSettings } from '../settings.ts';

/** The shape of a section as any caller gives it; the rules below decide whether it may be kept. */
export const SectionInput = z.object({
  slug: z.string().max(1000),
  names: z.object({
    ar: z.string().max(1000),
    /** Empty takes the Arabic name. */
    fr: z.string().max(1000).default(''),
    en: z.string().max(1000).default(''),
  }),
  /** Names in the site's further editions, by tag; empty takes the fallback. Absent: unchanged. */
  otherNames: z.record(z.string().max(40), z.string().max(1000)).optional(),
  parentId: z.number().int().positive().nullable().default(null),
  position: z.number().int().default(0),
});
export type SectionInput = z.input<typeof SectionInput>;

export const UpdateSectionInput = SectionInput.extend({ sectionId: z.number().int().positive() });
export type UpdateSectionInput = z.input<typeof UpdateSectionInput>;

const NAME_MAX = 80;

/** A refusal the newsroom shows beside the form rather than as an error page. */
function refused(field: string, problem: string): Invalid {
  return new Invalid('The section cannot be saved as given.', { [field]: problem });
}

async function sectionOrNotFound(services: Pick<Services, 'repos'>, id: number): Promise<Section> {
  const section = await services.repos.sections.byId(id);
  if (!section) throw new NotFound('No such section.');
  return section;
}

/** Applies the section rules to a parsed input; `current` is the section being edited. */
async function checked(
  services: Pick<Services, 'repos'>,
  input: z.output<typeof SectionInput>,
  current: Section | null,
) {
  const slug = input.slug.trim().toLowerCase();
  if (slug.length > NAME_MAX || !isValidSlug(slug)) throw refused('slug', 'invalid');
  const ar = input.names.ar.trim();
  if (ar === '') throw refused('name_ar', 'missing');
  const fr = input.names.fr.trim();
  const en = input.names.en.trim();
  for (const [field, name] of [
    ['name_ar', ar],
    ['name_fr', fr],
    ['name_en', en],
  ] as const) {
    if (name.length > NAME_MAX) throw refused(field, 'too_long');
  }
  const otherNames =
    input.otherNames === undefined ? undefined : await checkedOtherNames(services, input.otherNames);
  const position = input.position >= 0 && input.position <= 1000 ? input.position : 0;
  const { parentId } = input;
  if (parentId !== null) {
    const sections = await services.repos.sections.list();
    if (!sections.some((s) => s.id === parentId)) throw refused('parent_id', 'invalid');
    // A section cannot sit under itself or under one of its own sub-sections.
    if (current && descendantIds(sections, current.id).includes(parentId)) throw refused('parent_id', 'loop');
  }
  return {
    slug,
    names: { ar, fr: fr || ar, en: en || ar },
    ...(otherNames ? { otherNames } : {}),
    parentId,
    position,
  };
}

/** Only the site's further editions have such a name; empty ones are dropped (they fall back). */
async function checkedOtherNames(
  services: Pick<Services, 'repos'>,
  given: Record<string, string>,
): Promise<Record<string, string>> {
  const editions = furtherEditions(await loadSiteSettings(services.repos));
  const out: Record<string, string> = {};
  for (const [tag, raw] of Object.entries(given)) {
    const name = raw.trim();
    if (name === '') continue;
    if (!editions.includes(tag)) throw refused(`name_${tag}`, 'invalid');
    if (name.length > NAME_MAX) throw refused(`name_${tag}`, 'too_long');
    out[tag] = name;
  }
  return out;
}

/** A slug taken by another section is a refused form, however the race was lost. */
function slugTaken(err: unknown): never {
  if (err instanceof Conflict) throw refused('slug', 'taken');
  throw err;
}

export async function createSection(services: Services, actor: Actor, input: SectionInput): Promise<Section> {
  authorize(actor.person, { kind: 'taxonomy.manage' });
  const data = await checked(services, parseInput(SectionInput, input), null);
  const saved = await services
    .transaction(async (trx) => {
      const created = await trx.sections.create(data);
      await recordAudit(trx, actor, {
        action: 'section.created',
        targetType: 'section',
        targetId: created.id,
        details: { slug: created.slug },
      });
      return created;
    })
    .catch(slugTaken);
  await services.events.emit({ type: 'section', id: saved.id });
  return saved;
}

export async function updateSection(
  services: Services,
  actor: Actor,
  input: UpdateSectionInput,
): Promise<Section> {
  authorize(actor.person, { kind: 'taxonomy.manage' });
  const parsed = parseInput(UpdateSectionInput, input);
  const current = await sectionOrNotFound(services, parsed.sectionId);
  const data = await checked(services, parsed, current);
  const saved = await services
    .transaction(async (trx) => {
      const updated = await trx.sections.update(current.id, data);
      await recordAudit(trx, actor, {
        action: 'section.updated',
        targetType: 'section',
        targetId: updated.id,
        details: { slug: updated.slug },
      });
      return updated;
    })
    .catch(slugTaken);
  await services.events.emit({ type: 'section', id: saved.id });
  return saved;
}

export async function deleteSection(
  services: Services,
  actor: Actor,
  input: { sectionId: number },
): Promise<void> {
  authorize(actor.person, { kind: 'taxonomy.manage' });
  const section = await sectionOrNotFound(services, input.sectionId);
  await services.transaction(async (trx) => {
    await trx.sections.delete(section.id);
    await recordAudit(trx, actor, {
      action: 'section.deleted',
      targetType: 'section',
      targetId: section.id,
      details: { slug: section.slug, name: section.names.ar },
    });
  });
  await services.events.emit({ type: 'section', id: section.id });
}
