// An article's live coverage in the newsroom: the page, start and end, and the entry forms (add,
// edit, pin, delete after a confirmation page). A refused entry comes back in the form with its
// reason and nothing stored; a success goes back to the page with a notice (303).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { NotFound } from '../../../core/errors.ts';
import { htmlToText } from '../../../core/html-policy.ts';
import { format } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import {
  addLiveEntry,
  deleteLiveEntry,
  editLiveEntry,
  endLiveCoverage,
  pinLiveEntry,
  startLiveCoverage,
} from '../../../services/live/commands.ts';
import { LiveInvalid } from '../../../services/live/entry-body.ts';
import { type EditorLive, liveForEditor } from '../../../services/live/queries.ts';
import { articlePath } from '../../reader/urls.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { type LiveMessages, liveMessages } from './messages.ts';
import { AddEntryForm, ArticleParams, EditEntryForm, EntryParams, LiveQuery, PinForm } from './schema.ts';
import { DeleteEntryPage, type LiveEntryRow, LivePage, type LivePageView } from './views.tsx';

const DONE = ['started', 'ended', 'added', 'savedEdit', 'pinned', 'unpinned', 'deleted'] as const;
type Done = (typeof DONE)[number];

function rowsOf(data: EditorLive, t: LiveMessages, lang: Lang): LiveEntryRow[] {
  return data.entries.map((e) => {
    const date = displayDate(e.createdAt, lang, data.timezone, true).gregorian;
    return {
      id: e.id,
      byline: e.personName ? format(t.by, { name: e.personName, date }) : date,
      pinned: e.pinned,
      edited: e.edited,
      html: e.bodyHtml,
      text: htmlToText(e.bodyHtml),
    };
  });
}

function reasonOf(err: LiveInvalid, t: LiveMessages): string {
  return Object.values(err.errors)
    .map((key) => t[key])
    .join(' ');
}

function parseEntry(params: unknown): { entryId: number; articleId: number } {
  const parsed = EntryParams.safeParse(params);
  if (!parsed.success) throw new NotFound('No such item.');
  return parsed.data;
}

export function registerLiveCoverageRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const pageUrl = (articleId: number, done?: Done) =>
    `/newsroom/articles/${articleId}/live${done ? `?done=${done}` : ''}`;

  async function sendPage(
    request: FastifyRequest,
    reply: FastifyReply,
    articleId: number,
    page: {
      notice?: { kind: 'success' | 'error'; text: string } | null;
      form?: { values: LivePageView['values']; error: string | null; key: string };
      status?: number;
    } = {},
  ) {
    const staff = request.staff!;
    const lang = languageOf(request);
    const t = liveMessages(lang);
    const data = await liveForEditor(services, staff.person, articleId);
    const view: LivePageView = {
      articleId: data.article.id,
      publicHref: data.article.status === 'published' ? articlePath(data.article) : null,
      published: data.article.status === 'published',
      state: data.coverage?.state ?? 'none',
      photos: data.photos,
      entries: rowsOf(data, t, lang),
      // A refused form keeps its key: corrected and sent again, it is still one entry.
      formKey: page.form?.key || randomUUID(),
      values: page.form?.values ?? { body: '', mediaId: null, pinned: false },
      error: page.form?.error ?? null,
    };
    return sendNewsroomPage(deps, request, reply, {
      title: format(t.titleOf, { title: data.article.title }),
      current: '/newsroom/articles',
      status: page.status ?? 200,
      notice: page.notice ?? null,
      body: <LivePage t={t} csrf={staff.session.csrfToken} view={view} />,
    });
  }

  async function refused(
    request: FastifyRequest,
    reply: FastifyReply,
    articleId: number,
    err: unknown,
    form?: { values: LivePageView['values']; key: string },
  ) {
    if (!(err instanceof LiveInvalid)) throw err;
    const t = liveMessages(languageOf(request));
    const reason = reasonOf(err, t);
    return sendPage(request, reply, articleId, {
      notice: { kind: 'error', text: `${t.refused} ${reason}` },
      ...(form ? { form: { ...form, error: reason } } : {}),
      status: 422,
    });
  }

  app.get('/articles/:id/live', async (request, reply) => {
    const articleId = idParam(ArticleParams, request.params);
    const { done } = parseInput(LiveQuery, request.query);
    const t = liveMessages(languageOf(request));
    const key = DONE.find((d) => d === done);
    return sendPage(request, reply, articleId, { notice: key ? { kind: 'success', text: t[key] } : null });
  });

  app.post('/articles/:id/live/start', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(ArticleParams, request.params);
    await startLiveCoverage(services, await actorOf(services, request), { articleId });
    return reply.redirect(pageUrl(articleId, 'started'), 303);
  });

  app.post('/articles/:id/live/end', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(ArticleParams, request.params);
    try {
      await endLiveCoverage(services, await actorOf(services, request), { articleId });
    } catch (err) {
      return refused(request, reply, articleId, err);
    }
    return reply.redirect(pageUrl(articleId, 'ended'), 303);
  });

  app.post('/articles/:id/live/entries', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(ArticleParams, request.params);
    const form = parseInput(AddEntryForm, request.body);
    const pinned = form.pinned === '1' || form.pinned === 'on';
    // A key that is not one of ours is dropped rather than refused: the entry is still wanted.
    const key = /^[A-Za-z0-9_-]{1,100}$/.test(form.key) ? form.key : '';
    try {
      await addLiveEntry(services, await actorOf(services, request), {
        articleId,
        text: form.body,
        mediaId: form.media_id,
        pinned,
        ...(key ? { idempotencyKey: key } : {}),
      });
    } catch (err) {
      return refused(request, reply, articleId, err, {
        values: { body: form.body, mediaId: form.media_id, pinned },
        key,
      });
    }
    return reply.redirect(pageUrl(articleId, 'added'), 303);
  });

  app.post('/articles/:id/live/entries/:eid', async (request, reply) => {
    checkCsrf(request);
    const ref = parseEntry(request.params);
    const form = parseInput(EditEntryForm, request.body);
    try {
      await editLiveEntry(services, await actorOf(services, request), { ...ref, text: form.body });
    } catch (err) {
      return refused(request, reply, ref.articleId, err);
    }
    return reply.redirect(pageUrl(ref.articleId, 'savedEdit'), 303);
  });

  app.post('/articles/:id/live/entries/:eid/pin', async (request, reply) => {
    checkCsrf(request);
    const ref = parseEntry(request.params);
    const form = parseInput(PinForm, request.body);
    const pinned = form.pinned === '1';
    await pinLiveEntry(services, await actorOf(services, request), { ...ref, pinned });
    return reply.redirect(pageUrl(ref.articleId, pinned ? 'pinned' : 'unpinned'), 303);
  });

  app.get('/articles/:id/live/entries/:eid/delete', async (request, reply) => {
    const ref = parseEntry(request.params);
    const staff = request.staff!;
    const lang = languageOf(request);
    const t = liveMessages(lang);
    const data = await liveForEditor(services, staff.person, ref.articleId);
    const entry = rowsOf(data, t, lang).find((e) => e.id === ref.entryId);
    if (!entry) throw new NotFound('No such live entry.');
    return sendNewsroomPage(deps, request, reply, {
      title: format(t.titleOf, { title: data.article.title }),
      current: '/newsroom/articles',
      status: 200,
      notice: null,
      body: <DeleteEntryPage t={t} csrf={staff.session.csrfToken} articleId={ref.articleId} entry={entry} />,
    });
  });

  app.post('/articles/:id/live/entries/:eid/delete', async (request, reply) => {
    checkCsrf(request);
    const ref = parseEntry(request.params);
    await deleteLiveEntry(services, await actorOf(services, request), ref);
    return reply.redirect(pageUrl(ref.articleId, 'deleted'), 303);
  });
}
