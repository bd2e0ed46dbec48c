// Newsroom articles: the list, a new draft, the editor (save plus a workflow step in one
// POST, so it works without JavaScript), autosave, preview links.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { displayDate, zonedTimeToUtc } from '../../../core/dates.ts';
import { Forbidden } from '../../../core/errors.ts';
import { can } from '../../../core/policies/index.ts';
import { ARTICLE_STATUSES, type Article, LANGUAGES } from '../../../core/types.ts';
import {
  ArticleInvalid,
  createDraft,
  discardAutosave,
  saveArticle,
  saveOrKeepAside,
  StaleSave,
} from '../../../services/articles/editing.ts';
import { editableArticle } from './access.ts';
import { registerRevisionRoutes } from './revision-routes.tsx';
import { ArticleForm, cleanArticleForm } from '../../../services/articles/input.ts';
import { createPreviewLink, revokePreviewLinks } from '../../../services/articles/preview.ts';
import { policyFor, TRANSITIONS, transitionArticle } from '../../../services/articles/workflow.ts';
import { loadSiteSettings } from '../../../services/settings.ts';
import { checkCsrf, clientIpHash, type Staff } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { ArticleEditor, type EditorView } from './editor-view.tsx';
import { ArticleList, type ListRow } from './list-view.tsx';
import { type ArticleMessages, articleMessages } from './messages.ts';
import {
  availableActions,
  formFromArticle,
  formFromAutosave,
  formFromInput,
  plainText,
  publicHref,
  revisionLinks,
  sectionLabel,
  statusLabel,
} from './presenter.ts';

const PER_PAGE = 30;
const ListQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  lang: z.enum(LANGUAGES).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const Intent = z.enum(['save', ...TRANSITIONS]).catch('save');

export function registerArticleRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const { repos } = services;

  registerRevisionRoutes(app, deps);

  app.get('/articles', async (request, reply) => {
    const staff = request.staff!;
    const t = articleMessages(languageOf(request));
    const q = ListQuery.parse(request.query ?? {});
    const seesAll = can(staff.person, { kind: 'article.list-all' });
    const { timezone } = await loadSiteSettings(repos);
    const lang = languageOf(request);
    const page = await repos.articles.listForNewsroom({
      ...(q.status ? { status: q.status } : {}),
      ...(q.lang ? { lang: q.lang } : {}),
      ...(q.section ? { sectionId: q.section } : {}),
      ...(q.q ? { titleContains: q.q } : {}),
      // Authors and contributors see their own work only.
      ...(seesAll ? (q.author ? { authorId: q.author } : {}) : { authorId: staff.person.id }),
      limit: PER_PAGE,
      offset: (q.page - 1) * PER_PAGE,
    });
    const [sections, people] = await Promise.all([repos.sections.list(), repos.people.list()]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const rows: ListRow[] = page.items.map((a) => ({
      id: a.id,
      title: a.title,
      lang: a.lang,
      status: a.status,
      statusLabel: statusLabel(t, a.status),
      section: a.sectionId === null ? '' : sectionLabel(sections.find((s) => s.id === a.sectionId)!, lang),
      authors: a.authorIds.map((id) => names.get(id) ?? '').join('، '),
      date: displayDate(a.publishedAt ?? a.updatedAt, lang, timezone).gregorian,
      editHref: `/newsroom/articles/${a.id}`,
    }));
    const search = new URLSearchParams(request.url.split('?')[1] ?? '');
    const pageHref = (n: number) => {
      search.set('page', String(n));
      return `/newsroom/articles?${search}`;
    };
    return sendNewsroomPage(deps, request, reply, {
      title: t.articles,
      current: '/newsroom/articles',
      body: (
        <ArticleList
          t={t}
          csrf={staff.session.csrfToken}
          rows={rows}
          filters={{
            status: q.status ?? '',
            section: q.section ? String(q.section) : '',
            author: q.author ? String(q.author) : '',
            lang: q.lang ?? '',
            q: q.q ?? '',
          }}
          options={{
            sections: sections.map((s) => ({ id: s.id, name: sectionLabel(s, lang) })),
            authors: people.map((p) => ({ id: p.id, name: p.name })),
            statuses: ARTICLE_STATUSES.map((value) => ({ value, label: statusLabel(t, value) })),
          }}
          showAuthorFilter={seesAll}
          prev={q.page > 1 ? pageHref(q.page - 1) : null}
          next={q.page * PER_PAGE < page.total ? pageHref(q.page + 1) : null}
        />
      ),
    });
  });

  app.post('/articles/new', async (request, reply) => {
    checkCsrf(request);
    const article = await createDraft(services, request.staff!.person, languageOf(request));
    return reply.redirect(`/newsroom/articles/${article.id}`, 303);
  });

  app.get('/articles/:id', async (request, reply) => {
    const staff = request.staff!;
    const article = await editable(request, staff);
    const t = articleMessages(languageOf(request));
    const { timezone } = await loadSiteSettings(repos);
    const query = request.query as Record<string, unknown>;
    const done = typeof query.done === 'string' ? query.done : '';
    const preview =
      typeof query.preview === 'string' && /^\/preview\/[A-Za-z0-9_-]+$/.test(query.preview)
        ? query.preview
        : '';
    const notice = preview
      ? { kind: 'success' as const, text: `${t.previewCreated} ${services.config.publicUrl}${preview}` }
      : done && `done_${done}` in t
        ? { kind: 'success' as const, text: (t as Record<string, string>)[`done_${done}`]! }
        : done === 'save'
          ? { kind: 'success' as const, text: t.saved }
          : done === 'revoked'
            ? { kind: 'success' as const, text: t.previewRevoked }
            : done === 'restored-revision'
              ? { kind: 'success' as const, text: t.revisionRestored }
              : null;
    const tags = await repos.tags.byIds(article.tagIds);
    const live = formFromArticle(article, tags, timezone);
    // This person's autosave of the published article comes back into the form, with the
    // version it started from: a save after someone else's meets the usual comparison.
    const aside = await repos.autosaves.find(article.id, staff.person.id);
    if (!aside) return sendEditor(request, reply, staff, article, { values: live, notice });
    return sendEditor(request, reply, staff, article, {
      values: formFromAutosave(live, aside.form),
      notice,
      version: aside.baseVersion,
      aside: {
        savedAt: displayDate(aside.savedAt, languageOf(request), timezone, true).gregorian,
        stale: aside.baseVersion !== article.version,
      },
    });
  });

  app.post('/articles/:id/autosave/discard', async (request, reply) => {
    checkCsrf(request);
    const { id } = IdParams.parse(request.params);
    await discardAutosave(services, request.staff!.person, id);
    return reply.redirect(`/newsroom/articles/${id}?done=discarded`, 303);
  });

  app.post('/articles/:id', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const article = await editable(request, staff);
    const t = articleMessages(languageOf(request));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = ArticleForm.parse(body);
    const intent = Intent.parse(body.intent);
    const expectedVersion = Number(body.version);
    const { value, errors } = cleanArticleForm(form, article.slug);
    const settings = await loadSiteSettings(repos);
    // A step this person may not take is refused before the save, so a refusal changes nothing.
    if (intent !== 'save' && !can(staff.person, policyFor(intent, article))) throw new Forbidden('forbidden');
    const at = intent === 'schedule' ? zonedTimeToUtc(value.publishAt, settings.timezone) : null;
    try {
      // Problems the step would meet are found before anything is written.
      const early: Record<string, string> = {};
      if (['submit', 'publish', 'schedule'].includes(intent) && value.title === '')
        early.title = 'errTitleRequired';
      if (intent === 'schedule' && !at) early.publish_at = 'errDateInvalid';
      else if (at && at.getTime() <= Date.now()) early.publish_at = 'errDatePast';
      if (Object.keys(early).length > 0) throw new ArticleInvalid({ ...errors, ...early });
      if (article.status !== 'trashed') {
        await saveArticle(services, staff.person, {
          id: article.id,
          expectedVersion,
          value,
          errors,
          autosave: false,
        });
      }
      if (intent !== 'save') {
        await transitionArticle(services, staff.person, {
          id: article.id,
          transition: intent,
          at,
          ipHash: await clientIpHash(services, request),
        });
      }
    } catch (err) {
      if (err instanceof StaleSave) {
        return sendEditor(request, reply, staff, err.current, {
          values: formFromInput(form),
          notice: { kind: 'error', text: t.staleSave },
          conflict: {
            title: err.current.title,
            bodyText: plainText(err.current.bodyHtml),
            version: err.current.version,
          },
          status: 409,
        });
      }
      if (err instanceof ArticleInvalid) {
        const fresh = (await repos.articles.byId(article.id)) ?? article;
        return sendEditor(request, reply, staff, fresh, {
          values: formFromInput(form),
          errors: err.errors,
          notice: {
            kind: 'error',
            text: err.errors.form ? (t as Record<string, string>)[err.errors.form]! : t.fixErrors,
          },
          status: 422,
        });
      }
      throw err;
    }
    return reply.redirect(`/newsroom/articles/${article.id}?done=${intent}`, 303);
  });

  // Autosave: JSON in, JSON out. A stale version is answered 409 with the newer version's
  // number and title; nothing is overwritten. A published article is not changed: the form is
  // kept aside for this person (`live: false`).
  app.post('/articles/:id/autosave', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const article = await editable(request, staff);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = ArticleForm.parse(body);
    const { value, errors } = cleanArticleForm(form, article.slug);
    try {
      const { article: saved, keptAside } = await saveOrKeepAside(services, staff.person, {
        id: article.id,
        expectedVersion: Number(body.version),
        value,
        errors,
        autosave: true,
        form: formFromInput(form),
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ version: saved.version, savedAt: keptAside?.savedAt ?? saved.updatedAt, live: !keptAside });
    } catch (err) {
      if (err instanceof StaleSave) {
        return reply.code(409).send({
          error: { code: 'conflict', message: 'stale' },
          current: { version: err.current.version, title: err.current.title },
        });
      }
      if (err instanceof ArticleInvalid) {
        return reply.code(422).send({ error: { code: 'invalid', message: 'invalid' }, errors: err.errors });
      }
      throw err;
    }
  });

  app.post('/articles/:id/preview', async (request, reply) => {
    checkCsrf(request);
    const { id } = IdParams.parse(request.params);
    const link = await createPreviewLink(services, request.staff!.person, id);
    return reply.redirect(`/newsroom/articles/${id}?preview=${encodeURIComponent(link)}`, 303);
  });

  app.post('/articles/:id/preview/revoke', async (request, reply) => {
    checkCsrf(request);
    const { id } = IdParams.parse(request.params);
    await revokePreviewLinks(services, request.staff!.person, id);
    return reply.redirect(`/newsroom/articles/${id}?done=revoked`, 303);
  });

  const editable = (request: FastifyRequest, staff: Staff) => editableArticle(repos, request, staff);

  async function sendEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    article: Article,
    page: {
      values: EditorView['values'];
      notice?: { kind: 'success' | 'error'; text: string } | null;
      errors?: Record<string, string>;
      conflict?: EditorView['conflict'];
      status?: number;
      /** The version the form starts from, when not the article's (an autosave kept aside). */
      version?: number;
      aside?: EditorView['aside'];
    },
  ) {
    const lang = languageOf(request);
    const t: ArticleMessages = articleMessages(lang);
    const { timezone } = await loadSiteSettings(repos);
    const [sections, people, revisions, previews, asides] = await Promise.all([
      repos.sections.list(),
      repos.people.list(),
      repos.revisions.listForArticle(article.id),
      repos.previews.activeForArticle(article.id),
      repos.autosaves.listForArticle(article.id),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const othersAside = asides
      .filter((a) => a.personId !== staff.person.id && names.has(a.personId))
      .map((a) => `${names.get(a.personId)} (${displayDate(a.savedAt, lang, timezone, true).gregorian})`);
    const recentMedia = await recentImages(article.featuredMediaId);
    const view: EditorView = {
      id: article.id,
      version: page.version ?? article.version,
      status: article.status,
      statusLabel: statusLabel(t, article.status),
      values: page.values,
      errors: page.errors ?? {},
      sections: sections.map((s) => ({ id: s.id, name: sectionLabel(s, lang) })),
      people: people.filter((p) => !p.disabled).map((p) => ({ id: p.id, name: p.name })),
      media: recentMedia,
      actions: availableActions(staff.person, article),
      publicHref: publicHref(article),
      previewLinks: previews.length,
      revisions: revisionLinks(
        t,
        article,
        revisions,
        (iso) => displayDate(iso, lang, timezone, true).gregorian,
      ),
      conflict: page.conflict ?? null,
      aside: page.aside ?? null,
      othersAside,
      editorScript: deps.assets.editorJs,
    };
    return sendNewsroomPage(deps, request, reply, {
      title: article.title || t.untitled,
      current: '/newsroom/articles',
      status: page.status ?? 200,
      notice: page.notice ?? null,
      body: <ArticleEditor t={t} csrf={staff.session.csrfToken} view={view} />,
    });
  }

  /** The newest images for the featured-image menu, plus the one already chosen. */
  async function recentImages(chosen: number | null): Promise<{ id: number; label: string }[]> {
    const rows = await services.db.kysely
      .selectFrom('media')
      .select(['id', 'alt', 'caption', 'path'])
      .where('mime', 'like', 'image/%')
      .orderBy('id', 'desc')
      .limit(60)
      .execute();
    if (chosen !== null && !rows.some((r) => r.id === chosen)) {
      const m = await repos.media.byId(chosen);
      if (m) rows.push({ id: m.id, alt: m.alt, caption: m.caption, path: m.path });
    }
    return rows.map((r) => ({ id: r.id, label: `#${r.id} ${r.alt || r.caption || r.path}`.slice(0, 90) }));
  }
}
