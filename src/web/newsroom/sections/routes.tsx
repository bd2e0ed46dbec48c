// Sections (editors and admins): parse the form, call the command, show the page again. A
// refused form comes back as the list with the reason (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import { createSection, deleteSection, updateSection } from '../../../services/sections/manage-sections.ts';
import { listSections, sectionEditions } from '../../../services/sections/queries.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { sectionMessages } from './messages.ts';
import { SectionForm, SectionParams } from './schema.ts';
import { SectionsPage } from './views.tsx';

export function registerSectionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    notice: 'done' | 'invalid' | null,
    status = 200,
  ) => {
    const staff = request.staff!;
    const t = sectionMessages(languageOf(request));
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
      body: (
        <SectionsPage
          t={t}
          csrf={staff.session.csrfToken}
          sections={await listSections(services)}
          editions={await sectionEditions(services)}
        />
      ),
    });
  };

  app.get('/sections', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'taxonomy.manage' });
    return show(request, reply, (request.query as Record<string, unknown>).done === '1' ? 'done' : null);
  });

  /** Runs a save; a refused form is the list again with the reason. */
  const saved = async (request: FastifyRequest, reply: FastifyReply, save: () => Promise<unknown>) => {
    try {
      await save();
    } catch (err) {
      if (err instanceof Invalid && err.status === 422) return show(request, reply, 'invalid', 422);
      throw err;
    }
    return reply.redirect('/newsroom/sections?done=1', 303);
  };

  app.post('/sections', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(SectionForm, request.body);
    const actor = await actorOf(services, request);
    return saved(request, reply, () => createSection(services, actor, form));
  });

  app.post('/sections/:id', async (request, reply) => {
    checkCsrf(request);
    const sectionId = idParam(SectionParams, request.params);
    const form = parseInput(SectionForm, request.body);
    const actor = await actorOf(services, request);
    return saved(request, reply, () => updateSection(services, actor, { sectionId, ...form }));
  });

  app.post('/sections/:id/delete', async (request, reply) => {
    checkCsrf(request);
    const sectionId = idParam(SectionParams, request.params);
    await deleteSection(services, await actorOf(services, request), { sectionId });
    return reply.redirect('/newsroom/sections?done=1', 303);
  });
}
