// Tags (editors and admins): rename, merge one into another, delete. Each change is audited.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { format } from '../../core/i18n.ts';
import { isValidSlug } from '../../core/slug.ts';
import type { Lang } from '../../core/types.ts';
import { authorize, checkCsrf, clientIpHash } from './auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from './page.ts';

const TEXT: Record<
  Lang,
  Record<
    | 'tags'
    | 'articlesN'
    | 'rename'
    | 'mergeInto'
    | 'merge'
    | 'delete'
    | 'done'
    | 'invalid'
    | 'name'
    | 'slug'
    | 'none',
    string
  >
> = {
  ar: {
    tags: 'الوسوم',
    articlesN: '{n} مقال',
    rename: 'احفظ الاسم',
    mergeInto: 'ادمج في',
    merge: 'ادمج',
    delete: 'احذف',
    done: 'حُدّثت الوسوم.',
    invalid: 'الاسم مطلوب، والرابط المختصر حروف وأرقام بينها شرطات، ولا يكون مستعملًا.',
    name: 'الاسم',
    slug: 'الرابط المختصر',
    none: 'لا وسوم بعد.',
  },
  fr: {
    tags: 'Mots-clés',
    articlesN: '{n} article(s)',
    rename: 'Renommer',
    mergeInto: 'Fusionner dans',
    merge: 'Fusionner',
    delete: 'Supprimer',
    done: 'Mots-clés mis à jour.',
    invalid: "Le nom est requis ; l'identifiant : lettres et chiffres séparés par des tirets, non utilisé.",
    name: 'Nom',
    slug: 'Identifiant',
    none: 'Aucun mot-clé.',
  },
  en: {
    tags: 'Tags',
    articlesN: '{n} article(s)',
    rename: 'Rename',
    mergeInto: 'Merge into',
    merge: 'Merge',
    delete: 'Delete',
    done: 'Tags updated.',
    invalid: 'A name is required; the slug is letters and digits joined by hyphens, not already used.',
    name: 'Name',
    slug: 'Slug',
    none: 'No tags yet.',
  },
};

const RenameBody = z.object({ name: z.string().trim().min(1).max(60), slug: z.string().trim().max(80) });
const MergeBody = z.object({ into: z.coerce.number().int().positive() });

export function registerTagRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const { repos } = services;

  app.get('/tags', async (request, reply) => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'taxonomy.manage' });
    const t = TEXT[languageOf(request)];
    const [tags, counts] = await Promise.all([repos.tags.list(), repos.tags.usageCounts()]);
    const q = request.query as Record<string, unknown>;
    const csrf = staff.session.csrfToken;
    return sendNewsroomPage(deps, request, reply, {
      title: t.tags,
      current: '/newsroom/tags',
      notice:
        q.done === '1'
          ? { kind: 'success', text: t.done }
          : q.invalid === '1'
            ? { kind: 'error', text: t.invalid }
            : null,
      body:
        tags.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul class="nr-queue">
            {tags.map((tag) => (
              <li key={tag.id} class="nr-card" id={`tag-${tag.id}`}>
                <form method="post" action={`/newsroom/tags/${tag.id}`} class="nr-form nr-tag-row">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <label>
                    {t.name} <input name="name" value={tag.name} dir="auto" required maxlength={60} />
                  </label>
                  <label>
                    {t.slug} <input name="slug" value={tag.slug} dir="auto" maxlength={80} />
                  </label>
                  <span class="nr-meta">{format(t.articlesN, { n: counts.get(tag.id) ?? 0 })}</span>
                  <button type="submit" class="nr-secondary">
                    {t.rename}
                  </button>
                </form>
                <form method="post" action={`/newsroom/tags/${tag.id}/merge`} class="nr-inline">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <label>
                    {t.mergeInto}{' '}
                    <select name="into">
                      {tags
                        .filter((other) => other.id !== tag.id)
                        .map((other) => (
                          <option key={other.id} value={String(other.id)}>
                            {other.name}
                          </option>
                        ))}
                    </select>
                  </label>{' '}
                  <button type="submit" class="nr-secondary">
                    {t.merge}
                  </button>
                </form>{' '}
                <form method="post" action={`/newsroom/tags/${tag.id}/delete`} class="nr-inline">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <button type="submit" class="nr-danger">
                    {t.delete}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ),
    });
  });

  const tagOf = async (params: unknown) => {
    const id = Number((params as Record<string, string>).id);
    const tag = Number.isInteger(id) ? await repos.tags.byId(id) : null;
    if (!tag) throw new NotFound('No such tag.');
    return tag;
  };

  app.post('/tags/:id', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'taxonomy.manage' });
    const tag = await tagOf(request.params);
    const parsed = RenameBody.safeParse(request.body ?? {});
    const slug = parsed.success ? parsed.data.slug || tag.slug : '';
    if (!parsed.success || !isValidSlug(slug) || ((await repos.tags.bySlug(slug))?.id ?? tag.id) !== tag.id) {
      return reply.redirect('/newsroom/tags?invalid=1', 303);
    }
    const ipHash = await clientIpHash(services, request);
    await services.transaction(async (trx) => {
      await trx.tags.update(tag.id, { name: parsed.data.name, slug });
      await trx.audit.record({
        personId: staff.person.id,
        action: 'tag.renamed',
        targetType: 'tag',
        targetId: String(tag.id),
        details: { from: tag.name, to: parsed.data.name },
        ipHash,
      });
    });
    services.search.forgetNames();
    await services.events.emit({ type: 'tag', id: tag.id });
    return reply.redirect('/newsroom/tags?done=1', 303);
  });

  app.post('/tags/:id/merge', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'taxonomy.manage' });
    const tag = await tagOf(request.params);
    const parsed = MergeBody.safeParse(request.body ?? {});
    const into =
      parsed.success && parsed.data.into !== tag.id ? await repos.tags.byId(parsed.data.into) : null;
    if (!into) return reply.redirect('/newsroom/tags?invalid=1', 303);
    const ipHash = await clientIpHash(services, request);
    await services.transaction(async (trx) => {
      await trx.tags.merge(tag.id, into.id);
      await trx.audit.record({
        personId: staff.person.id,
        action: 'tag.merged',
        targetType: 'tag',
        targetId: String(tag.id),
        details: { name: tag.name, into: into.id, intoName: into.name },
        ipHash,
      });
    });
    services.search.forgetNames();
    await services.events.emit({ type: 'tag', id: tag.id });
    await services.events.emit({ type: 'tag', id: into.id });
    return reply.redirect('/newsroom/tags?done=1', 303);
  });

  app.post('/tags/:id/delete', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'taxonomy.manage' });
    const tag = await tagOf(request.params);
    const ipHash = await clientIpHash(services, request);
    await services.transaction(async (trx) => {
      await trx.tags.delete(tag.id);
      await trx.audit.record({
        personId: staff.person.id,
        action: 'tag.deleted',
        targetType: 'tag',
        targetId: String(tag.id),
        details: { name: tag.name },
        ipHash,
      });
    });
    services.search.forgetNames();
    await services.events.emit({ type: 'tag', id: tag.id });
    return reply.redirect('/newsroom/tags?done=1', 303);
  });
}
