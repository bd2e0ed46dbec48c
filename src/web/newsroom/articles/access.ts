// The article a newsroom request names, if this person may edit it.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Forbidden, NotFound } from '../../../core/errors.ts';
import { can } from '../../../core/policies/index.ts';
import type { Article } from '../../../core/types.ts';
import type { Repositories } from '../../../db/repositories/contract.ts';
import type { Staff } from '../auth.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export async function editableArticle(
  repos: Pick<Repositories, 'articles'>,
  request: FastifyRequest,
  staff: Staff,
): Promise<Article> {
  const parsed = IdParams.safeParse(request.params);
  const article = parsed.success ? await repos.articles.byId(parsed.data.id) : null;
  if (!article) throw new NotFound('No such article.');
  if (!can(staff.person, { kind: 'article.edit', article })) throw new Forbidden('forbidden');
  return article;
}
