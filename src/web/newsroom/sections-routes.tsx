// Sections (editors and admins): names in the three languages, parent, order; create, edit,
// delete (the section's articles and sub-sections simply lose it). Changes are audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, NotFound } from '../../core/errors.ts';
import { isValidSlug } from '../../core/slug.ts';
import type { Lang, Section } from '../../core/types.ts';
import { descendantIds } from '../../services/reader.ts';
import { authorize, checkCsrf, clientIpHash } from './auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from './page.ts';
import { SectionsPage, type SectionsText } from './views/SectionsPage.tsx';

const TEXT: Record<Lang, SectionsText> = {
  ar: {
    sections: 'الأقسام',
    newSection: 'قسم جديد',
    slug: 'الرابط المختصر',
    nameAr: 'الاسم بالعربية',
    nameFr: 'الاسم بالفرنسية',
    nameEn: 'الاسم بالإنجليزية',
    parent: 'القسم الأب',
    noParent: '— قسم رئيسي —',
    position: 'الترتيب',
    save: 'حفظ',
    create: 'أضف القسم',
    delete: 'احذف',
    done: 'حُدّثت الأقسام.',
    invalid:
      'تحقق من الحقول: الرابط المختصر حروف وأرقام بينها شرطات وغير مستعمل، والاسم بالعربية مطلوب، ولا يكون القسم أبًا لنفسه.',
  },
  fr: {
    sections: 'Rubriques',
    newSection: 'Nouvelle rubrique',
    slug: 'Identifiant',
    nameAr: 'Nom en arabe',
    nameFr: 'Nom en français',
    nameEn: 'Nom en anglais',
    parent: 'Rubrique parente',
    noParent: '— rubrique principale —',
    position: 'Ordre',
    save: 'Enregistrer',
    create: 'Ajouter la rubrique',
    delete: 'Supprimer',
    done: 'Rubriques mises à jour.',
    invalid:
      'Vérifiez les champs : identifiant en lettres et chiffres séparés par des tirets et libre, nom arabe requis, une rubrique ne peut être sa propre parente.',
  },
  en: {
    sections: 'Sections',
    newSection: 'New section',
    slug: 'Slug',
    nameAr: 'Name in Arabic',
    nameFr: 'Name in French',
    nameEn: 'Name in English',
    parent: 'Parent section',
    noParent: '— top level —',
    position: 'Order',
    save: 'Save',
    create: 'Add section',
    delete: 'Delete',
    done: 'Sections updated.',
    invalid:
      'Check the fields: the slug is letters and digits joined by hyphens and unused, the Arabic name is required, and a section cannot be its own parent.',
  },
};

const SectionBody = z.object({
  slug: z.string().trim().toLowerCase().max(80),
  name_ar: z.string().trim().min(1).max(80),
  name_fr: z.string().trim().max(80).default(''),
  name_en: z.string().trim().max(80).default(''),
  parent_id: z.preprocess(
    (v) => (v === '' || v === undefined ? null : Number(v)),
    z.number().int().positive().nullable(),
  ),
  position: z.coerce.number().int().min(0).max(1000).catch(0),
});

export function registerSectionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const { repos } = services;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    notice: 'done' | 'invalid' | null,
    status = 200,
  ) => {
    const staff = request.staff!;
    const t = TEXT[languageOf(request)];
    return sendNewsroomPage(deps, request, reply, {
      title: t.sections,
      current: '/newsroom/sections',
      status,
      notice:
        notice === 'done'
          ? { kind: 'success', text: t.done }
          : notice === 'invalid'
            ? { kind: 'error', text: t.invalid }
            : null,
      body: <SectionsPage t={t} csrf={staff.session.csrfToken} sections={await repos.sections.list()} />,
    });
  };

  app.get('/sections', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'taxonomy.manage' });
    return show(request, reply, (request.query as Record<string, unknown>).done === '1' ? 'done' : null);
  });

  /** Checks a section form against the others; null when it may be written. */
  const valid = async (body: unknown, current: Section | null) => {
    const parsed = SectionBody.safeParse(body ?? {});
    if (!parsed.success || !isValidSlug(parsed.data.slug)) return null;
    const { parent_id: parentId } = parsed.data;
    if (parentId !== null) {
      const sections = await repos.sections.list();
      if (!sections.some((s) => s.id === parentId)) return null;
      // A section cannot sit under itself or under one of its own sub-sections.
      if (current && descendantIds(sections, current.id).includes(parentId)) return null;
    }
    return parsed.data;
  };

  const write = async (request: FastifyRequest, reply: FastifyReply, current: Section | null) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'taxonomy.manage' });
    const data = await valid(request.body, current);
    if (!data) return show(request, reply, 'invalid', 422);
    const input = {
      slug: data.slug,
      names: { ar: data.name_ar, fr: data.name_fr || data.name_ar, en: data.name_en || data.name_ar },
      parentId: data.parent_id,
      position: data.position,
    };
    const ipHash = await clientIpHash(services, request);
    try {
      const savedId = await services.transaction(async (trx) => {
        const saved = current
          ? await trx.sections.update(current.id, input)
          : await trx.sections.create(input);
        await trx.audit.record({
          personId: staff.person.id,
          action: current ? 'section.updated' : 'section.created',
          targetType: 'section',
          targetId: String(saved.id),
          details: { slug: saved.slug },
          ipHash,
        });
        return saved.id;
      });
      await services.events.emit({ type: 'section', id: savedId });
    } catch (err) {
      if (err instanceof Conflict) return show(request, reply, 'invalid', 422);
      throw err;
    }
    return reply.redirect('/newsroom/sections?done=1', 303);
  };

  const sectionOf = async (params: unknown) => {
    const id = Number((params as Record<string, string>).id);
    const section = Number.isInteger(id) ? await repos.sections.byId(id) : null;
    if (!section) throw new NotFound('No such section.');
    return section;
  };

  app.post('/sections', async (request, reply) => write(request, reply, null));
  app.post('/sections/:id', async (request, reply) => write(request, reply, await sectionOf(request.params)));

  app.post('/sections/:id/delete', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'taxonomy.manage' });
    const section = await sectionOf(request.params);
    const ipHash = await clientIpHash(services, request);
    await services.transaction(async (trx) => {
      await trx.sections.delete(section.id);
      await trx.audit.record({
        personId: staff.person.id,
        action: 'section.deleted',
        targetType: 'section',
        targetId: String(section.id),
        details: { slug: section.slug, name: section.names.ar },
        ipHash,
      });
    });
    await services.events.emit({ type: 'section', id: section.id });
    return reply.redirect('/newsroom/sections?done=1', 303);
  });
}
