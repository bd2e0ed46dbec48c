// The JSON the article editor's script asks for: tag suggestions for the tag combobox and the
// focal point of the featured image. Thin: each parses, calls one query or command, answers.
// They sit behind the newsroom's sign-in like every route under /newsroom.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../../core/validation.ts';
import { setFocalPoint } from '../../../services/media/update-media.ts';
import { suggestTags } from '../../../services/tags/queries.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import type { NewsroomDeps } from '../page.ts';
import { idParam } from '../params.ts';

const SuggestQuery = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? '').slice(0, 100)),
});
const MediaParams = z.object({ id: z.coerce.number().int().positive() });
const FocalBody = z.object({
  _csrf: z.string().max(200),
  x: z.number().nullable(),
  y: z.number().nullable(),
});

export function registerEditorApi(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/tags.json', async (request, reply) => {
    const { q } = parseInput(SuggestQuery, request.query);
    const items = await suggestTags(services, q);
    return reply.header('cache-control', 'no-store').send({ items });
  });

  app.post('/media/:id/focal', async (request, reply) => {
    checkCsrf(request);
    const mediaId = idParam(MediaParams, request.params);
    const { x, y } = parseInput(FocalBody, request.body);
    const focal = x === null || y === null ? null : { x, y };
    const media = await setFocalPoint(services, await actorOf(services, request), { mediaId, focal });
    return reply.header('cache-control', 'no-store').send({ id: media.id, focal: media.focal ?? null });
  });
}
