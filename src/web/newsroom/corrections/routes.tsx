// An article's corrections and updates: the page listing them, and the add, edit and delete
// forms (from this page and from the editor's card). A refused text comes back in the form with
// its reason and nothing stored; a success goes back to the page with a notice (303).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CorrectionKind } from '../../../core/corrections.ts';
import { displayDate } from '../../../core/dates.ts';
import { NotFound } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import {
  addCorrection,
  CorrectionInvalid,
  correctionsForEditor,
  deleteCorrection,
  editCorrection,
  type EditorCorrections,
} from '../../../services/articles/corrections.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { type CorrectionMessages, correctionMessages } from './messages.ts';
import { ArticleParams, CorrectionForm, CorrectionParams, CorrectionsQuery } from './schema.ts';
import { CorrectionsPage, type CorrectionsView } from './views.tsx';

/** The view of the editor's card and of the corrections page. */
export function presentCorrections(
  data: EditorCorrections,
  t: CorrectionMessages,
  lang: Lang,
  form?: { values: CorrectionsView['values']; error: string | null },
): CorrectionsView {
  return {
    articleId: data.article.id,
    published: data.article.status === 'published',
    notes: data.notes.map((n) => {
      const date = displayDate(n.createdAt, lang, data.timezone, true).gregorian;
      return {
        id: n.id,
        kind: n.kind,
        text: n.body,
        byline: `${t[n.kind]} · ${n.personName ? format(t.by, { name: n.personName, date }) : date}`,
      };
    }),
    values: form?.values ?? { kind: 'correction', body: '' },
    error: form?.error ?? null,
  };
}

function reasonOf(err: CorrectionInvalid, t: CorrectionMessages): string {
  return Object.values(err.errors)
    .map((key) => t[key])
    .join(' ');
}

export function registerCorrectionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  async function sendPage(
    request: FastifyRequest,
    reply: FastifyReply,
    articleId: number,
    page: {
      notice?: { kind: 'success' | 'error'; text: string } | null;
      form?: { values: { kind: CorrectionKind; body: string }; error: string | null };
      status?: number;
    },
  ) {
    const staff = request.staff!;
    const lang = languageOf(request);
    const t = correctionMessages(lang);
    const data = await correctionsForEditor(services, staff.person, articleId);
    return sendNewsroomPage(deps, request, reply, {
      title: format(t.titleOf, { title: data.article.title }),
      current: '/newsroom/articles',
      status: page.status ?? 200,
      notice: page.notice ?? null,
      body: (
        <CorrectionsPage
          t={t}
          csrf={staff.session.csrfToken}
          view={presentCorrections(data, t, lang, page.form)}
        />
      ),
    });
  }

  app.get('/articles/:id/corrections', async (request, reply) => {
    const articleId = idParam(ArticleParams, request.params);
    const { done } = parseInput(CorrectionsQuery, request.query);
    const t = correctionMessages(languageOf(request));
    const text =
      done === 'added' ? t.added : done === 'edited' ? t.edited : done === 'deleted' ? t.deleted : null;
    return sendPage(request, reply, articleId, { notice: text ? { kind: 'success', text } : null });
  });

  app.post('/articles/:id/corrections', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(ArticleParams, request.params);
    const form = parseInput(CorrectionForm, request.body);
    const actor = await actorOf(services, request);
    try {
      await addCorrection(services, actor, { articleId, kind: form.kind, body: form.body });
    } catch (err) {
      if (!(err instanceof CorrectionInvalid)) throw err;
      const t = correctionMessages(languageOf(request));
      const reason = reasonOf(err, t);
      return sendPage(request, reply, articleId, {
        notice: { kind: 'error', text: `${t.refused} ${reason}` },
        form: { values: { kind: form.kind, body: form.body }, error: reason },
        status: 422,
      });
    }
    return reply.redirect(`/newsroom/articles/${articleId}/corrections?done=added`, 303);
  });

  app.post('/articles/:id/corrections/:cid', async (request, reply) => {
    checkCsrf(request);
    const { id: correctionId, articleId } = parseCorrection(request.params);
    const form = parseInput(CorrectionForm, request.body);
    const actor = await actorOf(services, request);
    try {
      await editCorrection(services, actor, { correctionId, articleId, kind: form.kind, body: form.body });
    } catch (err) {
      if (!(err instanceof CorrectionInvalid)) throw err;
      const t = correctionMessages(languageOf(request));
      return sendPage(request, reply, articleId, {
        notice: { kind: 'error', text: `${t.refused} ${reasonOf(err, t)}` },
        status: 422,
      });
    }
    return reply.redirect(`/newsroom/articles/${articleId}/corrections?done=edited`, 303);
  });

  app.post('/articles/:id/corrections/:cid/delete', async (request, reply) => {
    checkCsrf(request);
    const { id: correctionId, articleId } = parseCorrection(request.params);
    const actor = await actorOf(services, request);
    await deleteCorrection(services, actor, { correctionId, articleId });
    return reply.redirect(`/newsroom/articles/${articleId}/corrections?done=deleted`, 303);
  });

  function parseCorrection(params: unknown): { id: number; articleId: number } {
    const parsed = CorrectionParams.safeParse(params);
    if (!parsed.success) throw new NotFound('No such item.');
    return parsed.data;
  }
}
