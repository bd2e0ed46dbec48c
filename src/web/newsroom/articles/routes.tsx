// Newsroom articles: the list, a new draft, the editor (save plus a workflow step in one
// POST, so it works without JavaScript), autosave, preview links.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import type { Article } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import { autosaveArticle, discardAutosave } from '../../../services/articles/autosave.ts';
import { createDraft } from '../../../services/articles/create-draft.ts';
import { ArticleInvalid, StaleSave } from '../../../services/articles/editing.ts';
import { createPreviewLink, revokePreviewLinks } from '../../../services/articles/preview.ts';
import { articleForEditor, editableArticle, editorSupport } from '../../../services/articles/queries.ts';
import { correctionsForEditor } from '../../../services/articles/corrections.ts';
import { saveArticle } from '../../../services/articles/save-article.ts';
import { editorPicks } from '../../../services/articles/editor-picks.ts';
import { countWords, readingMinutes } from '../../../core/reading-time.ts';
import { presentPickerItem } from '../media/presenter.ts';
import { can } from '../../../core/policies/index.ts';
import { sendBreakingAlert } from '../../../services/newsletters/sending.ts';
import { subscriberMessages } from '../subscribers/messages.ts';
import { actorOf, checkCsrf, type Staff } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { correctionMessages } from '../corrections/messages.ts';
import { liveMessages } from '../live/messages.ts';
import { presentCorrections, registerCorrectionRoutes } from '../corrections/routes.tsx';
import { editorTranslations, registerTranslationRoutes } from '../translations/routes.tsx';
import { idParam } from '../params.ts';
import { articleFiguresLink } from '../readership/nav.ts';
import { ArticleEditor, type EditorView } from './editor-view.tsx';
import { registerArticleListRoutes } from './list-routes.tsx';
import { articleMessages } from './messages.ts';
import {
  availableActions,
  editorNotice,
  formFromArticle,
  formFromAutosave,
  formFromInput,
  plainText,
  publicHref,
  revisionLinks,
  sectionLabel,
  statusLabel,
  textLanguageOptions,
  editionOptions,
} from './presenter.ts';
import { registerEditorApi } from './editor-api.ts';
import { editorChromeMessages } from './editor-messages.ts';
import { registerRevisionRoutes } from './revision-routes.tsx';
import { ArticleParams, AutosaveForm, EditorForm, EditorQuery } from './schema.ts';
import { whatsappView } from './whatsapp.tsx';

export function registerArticleRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  registerArticleListRoutes(app, deps);
  registerRevisionRoutes(app, deps);
  registerEditorApi(app, deps);
  registerCorrectionRoutes(app, deps);
  registerTranslationRoutes(app, deps);

  app.post('/articles/new', async (request, reply) => {
    checkCsrf(request);
    const actor = await actorOf(services, request);
    const article = await createDraft(services, actor, { lang: languageOf(request) });
    return reply.redirect(`/newsroom/articles/${article.id}`, 303);
  });

  app.get('/articles/:id', async (request, reply) => {
    const staff = request.staff!;
    const articleId = idParam(ArticleParams, request.params);
    const { article, tags, aside, timezone } = await articleForEditor(services, staff.person, articleId);
    const query = parseInput(EditorQuery, request.query);
    const alerted = query.done === 'publish-alert';
    const notice = editorNotice(articleMessages(languageOf(request)), {
      done: alerted ? 'publish' : (query.done ?? ''),
      preview: query.preview ? `${services.config.publicUrl}${query.preview}` : '',
    });
    if (notice && alerted)
      notice.text = `${notice.text} ${subscriberMessages(languageOf(request)).alertQueued}`;
    const live = formFromArticle(article, tags, timezone);
    // This person's autosave of the published article comes back into the form, with the
    // version it started from: a save after someone else's meets the usual comparison.
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
    const articleId = idParam(ArticleParams, request.params);
    await discardAutosave(services, await actorOf(services, request), { articleId });
    return reply.redirect(`/newsroom/articles/${articleId}?done=discarded`, 303);
  });

  app.post('/articles/:id', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const articleId = idParam(ArticleParams, request.params);
    const { version, intent, ...form } = parseInput(EditorForm, request.body);
    const actor = await actorOf(services, request);
    const t = articleMessages(languageOf(request));
    try {
      await saveArticle(services, actor, { articleId, version, intent, form });
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
        return sendEditor(request, reply, staff, await editableArticle(services, staff.person, articleId), {
          values: formFromInput(form),
          errors: err.errors,
          notice: {
            kind: 'error',
            text: err.errors.form ? (t as Record<string, string>)[err.errors.form]! : t.fixErrors,
          },
          status: refusalStatus(err.errors),
        });
      }
      throw err;
    }
    // "Send as alert": the mails are queued in the background, after the publish committed.
    let done: string = intent;
    if (intent === 'publish' && (request.body as Record<string, unknown>).send_alert === '1') {
      done = await sendBreakingAlert(services, actor, articleId, {
        onError: (err) => request.log.error({ err }, 'queuing a breaking alert failed'),
      }).then(
        () => 'publish-alert',
        (err: unknown) => {
          request.log.warn({ err }, 'no breaking alert sent');
          return intent;
        },
      );
    }
    return reply.redirect(`/newsroom/articles/${articleId}?done=${done}`, 303);
  });

  // Autosave: JSON in, JSON out. A stale version is answered 409 with the newer version's
  // number and title; nothing is overwritten. A published article is not changed: the form is
  // kept aside for this person (`live: false`).
  app.post('/articles/:id/autosave', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(ArticleParams, request.params);
    const { version, ...form } = parseInput(AutosaveForm, request.body);
    const actor = await actorOf(services, request);
    try {
      const saved = await autosaveArticle(services, actor, { articleId, version, form });
      return reply.header('cache-control', 'no-store').send(saved);
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
    const articleId = idParam(ArticleParams, request.params);
    const link = await createPreviewLink(services, await actorOf(services, request), { articleId });
    return reply.redirect(`/newsroom/articles/${articleId}?preview=${encodeURIComponent(link)}`, 303);
  });

  app.post('/articles/:id/preview/revoke', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(ArticleParams, request.params);
    await revokePreviewLinks(services, await actorOf(services, request), { articleId });
    return reply.redirect(`/newsroom/articles/${articleId}?done=revoked`, 303);
  });

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
    const t = articleMessages(lang);
    const [support, picks] = await Promise.all([
      editorSupport(services, staff.person, article),
      editorPicks(services, {
        featuredMediaId: Number(page.values.featured_media_id) || null,
        tagIds: page.values.tag_ids.map(Number).filter((n) => Number.isInteger(n) && n > 0),
      }),
    ]);
    // Tags picked by id show by name, after those typed: the form sends both kinds again.
    const values = picks.tags.length
      ? {
          ...page.values,
          tags: [page.values.tags, ...picks.tags.map((tag) => tag.name)].filter(Boolean).join('، '),
          tag_ids: [],
        }
      : page.values;
    const chrome = editorChromeMessages(lang);
    const pickerItem = picks.featured ? presentPickerItem(picks.featured) : null;
    const text = plainText(values.body_html);
    const notes = await correctionsForEditor(services, staff.person, article.id);
    const when = (iso: string) => displayDate(iso, lang, support.timezone, true).gregorian;
    const view: EditorView = {
      id: article.id,
      version: page.version ?? article.version,
      status: article.status,
      statusLabel: statusLabel(t, article.status),
      values,
      errors: page.errors ?? {},
      sections: support.sections.map((s) => ({ id: s.id, name: sectionLabel(s, lang) })),
      people: support.people,
      media: support.media,
      textLanguages: textLanguageOptions(support.languages, values.text_lang, lang),
      editions: editionOptions(support.languages, values.lang),
      featured:
        picks.featured && pickerItem
          ? {
              id: picks.featured.id,
              thumb: pickerItem.thumb ?? pickerItem.src,
              alt: picks.featured.alt,
              focal: picks.featured.focal ?? null,
            }
          : null,
      counts: { words: countWords(text), minutes: readingMinutes(text, values.lang) },
      // Tags are made on the fly by whoever may edit the article (services/articles/editing.ts).
      canCreateTags: true,
      chrome,
      actions: availableActions(staff.person, article),
      ...(can(staff.person, { kind: 'newsletter.manage' })
        ? { alertLabel: subscriberMessages(lang).sendAsAlert }
        : {}),
      publicHref: publicHref(article),
      figures: articleFiguresLink(staff.person, article, lang),
      whatsapp: whatsappView(article, services.config.publicUrl, lang),
      previewLinks: support.previewLinks,
      revisions: revisionLinks(t, article, support.revisions, when),
      conflict: page.conflict ?? null,
      aside: page.aside ?? null,
      othersAside: support.othersAside.map((a) => `${a.name} (${when(a.savedAt)})`),
      editorScript: deps.assets.editorJs,
      live: { label: liveMessages(lang).link, help: liveMessages(lang).linkHelp },
      translations: await editorTranslations(services, staff.person, article, lang),
      corrections: {
        t: correctionMessages(lang),
        view: presentCorrections(notes, correctionMessages(lang), lang),
      },
    };
    return sendNewsroomPage(deps, request, reply, {
      title: article.title || t.untitled,
      current: '/newsroom/articles',
      status: page.status ?? 200,
      notice: page.notice ?? null,
      body: <ArticleEditor t={t} csrf={staff.session.csrfToken} view={view} />,
    });
  }
}

/**
 * A refused save is 422 when the writer can fix it in the form, 400 when the form named
 * something that does not exist (an unknown tag, author, section or image id): no form this
 * newsroom shows sends that, so it is a bad request, and nothing was saved.
 */
function refusalStatus(errors: Record<string, string>): 400 | 422 {
  return Object.values(errors).some((key) => /^err(Tag|Author|Section|Media)Missing$/.test(key)) ? 400 : 422;
}
