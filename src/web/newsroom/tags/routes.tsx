// Tags (editors and admins): parse the form, call the command, show the page again.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import { linkedTags, linkTags, unlinkTag } from '../../../services/tags/link-tags.ts';
import { deleteTag, mergeTags, renameTag } from '../../../services/tags/manage-tags.ts';
import { listTagsWithUsage } from '../../../services/tags/queries.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { tagMessages } from './messages.ts';
import { LinkTagForm, MergeTagForm, RenameTagForm, TagParams } from './schema.ts';
import { TagsPage } from './views.tsx';

export function registerTagRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/tags', async (request, reply) => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'taxonomy.manage' });
    const t = tagMessages(languageOf(request));
    const q = request.query as Record<string, unknown>;
    return sendNewsroomPage(deps, request, reply, {
      title: t.tags,
      current: '/newsroom/tags',
      notice:
        q.done === '1'
          ? { kind: 'success', text: t.done }
          : q.invalid === '1'
            ? { kind: 'error', text: t.invalid }
            : null,
      body: await (async () => {
        const tags = await listTagsWithUsage(services);
        const linked = await linkedTags(
          services,
          tags.map((tag) => tag.id),
        );
        return <TagsPage t={t} csrf={staff.session.csrfToken} tags={tags} linked={linked} />;
      })(),
    });
  });

  /** A refused change goes back to the list with the reason, as the form has no page of its own. */
  const refusedToList = (err: unknown): string => {
    if (err instanceof Invalid && err.status === 422) return '/newsroom/tags?invalid=1';
    throw err;
  };

  app.post('/tags/:id', async (request, reply) => {
    checkCsrf(request);
    const tagId = idParam(TagParams, request.params);
    const form = parseInput(RenameTagForm, request.body);
    const actor = await actorOf(services, request);
    const to = await renameTag(services, actor, { tagId, ...form }).then(
      () => '/newsroom/tags?done=1',
      refusedToList,
    );
    return reply.redirect(to, 303);
  });

  app.post('/tags/:id/merge', async (request, reply) => {
    checkCsrf(request);
    const tagId = idParam(TagParams, request.params);
    const form = parseInput(MergeTagForm, request.body);
    const actor = await actorOf(services, request);
    const to = await mergeTags(services, actor, { tagId, intoId: form.into }).then(
      () => '/newsroom/tags?done=1',
      refusedToList,
    );
    return reply.redirect(to, 303);
  });

  /** Links a tag to its equivalent in another language (search then finds one by the other). */
  app.post('/tags/:id/link', async (request, reply) => {
    checkCsrf(request);
    const tagId = idParam(TagParams, request.params);
    const form = parseInput(LinkTagForm, request.body);
    const actor = await actorOf(services, request);
    const to = await linkTags(services, actor, { tagId, withId: form.with }).then(
      () => '/newsroom/tags?done=1',
      refusedToList,
    );
    return reply.redirect(to, 303);
  });

  app.post('/tags/:id/unlink', async (request, reply) => {
    checkCsrf(request);
    const tagId = idParam(TagParams, request.params);
    await unlinkTag(services, await actorOf(services, request), { tagId });
    return reply.redirect('/newsroom/tags?done=1', 303);
  });

  app.post('/tags/:id/delete', async (request, reply) => {
    checkCsrf(request);
    const tagId = idParam(TagParams, request.params);
    await deleteTag(services, await actorOf(services, request), { tagId });
    return reply.redirect('/newsroom/tags?done=1', 303);
  });
}
