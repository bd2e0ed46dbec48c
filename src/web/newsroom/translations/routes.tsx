// The translation desk of an article: the page, "translate into …" (which opens the new draft
// in the editor), linking an existing article, unlinking a version and marking a translation
// reviewed. A refusal shows the page again with its reason; a success goes back to it (303).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import { directionOf } from '../../../core/languages/direction.ts';
import type { Article, Lang, Person } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import type { Services } from '../../../services/context.ts';
import {
  type TranslationDesk,
  translationDesk,
  translationSummary,
} from '../../../services/translations/desk.ts';
import {
  linkTranslation,
  markTranslationReviewed,
  unlinkTranslation,
} from '../../../services/translations/links.ts';
import { startTranslation, TranslationExists } from '../../../services/translations/start-translation.ts';
import type { TranslationTarget } from '../../../services/translations/targets.ts';
import { plainText, statusLabel } from '../articles/presenter.ts';
import { articleMessages } from '../articles/messages.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { languageName, type TranslationMessages, translationMessages } from './messages.ts';
import { DeskParams, DeskQuery, LinkForm, StartForm, VersionForm } from './schema.ts';
import { type DeskView, type EditorTranslationsView, TranslationDeskPage } from './views.tsx';

function paragraphs(html: string): string[] {
  // Block ends become paragraph breaks, so the source reads as it is laid out.
  return plainText(html.replace(/<\/(p|h\d|li|blockquote|figcaption)>/gi, '$&\n\n'))
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function presentSource(source: Article, lang: Lang): NonNullable<DeskView['source']> {
  return {
    lang: source.textLang,
    langName: languageName(source.textLang, lang),
    dir: directionOf(source.textLang),
    title: source.title,
    dek: source.dek,
    text: paragraphs(source.bodyHtml),
  };
}

/** The editor's translations part, for an article that exists. */
export async function editorTranslations(
  services: Services,
  person: Person,
  article: Article,
  lang: Lang,
): Promise<EditorTranslationsView> {
  const summary = await translationSummary(services, person, article);
  return {
    t: translationMessages(lang),
    href: `/newsroom/articles/${article.id}/translations`,
    others: summary.others,
    flagged: summary.thisFlagged,
    source: summary.source ? presentSource(summary.source, lang) : null,
  };
}

/** A language offered by "translate into …": one without an edition names where it goes. */
function targetName(target: TranslationTarget, lang: Lang, t: TranslationMessages): string {
  const name = languageName(target.tag, lang);
  if (target.textLang === null) return name;
  return format(t.inEdition, { lang: name, edition: languageName(target.edition, lang) });
}

export function presentDesk(desk: TranslationDesk, lang: Lang): DeskView {
  const ta = articleMessages(lang);
  const t = translationMessages(lang);
  const byId = new Map(desk.versions.map((v) => [v.article.id, v.article]));
  return {
    articleId: desk.article.id,
    title: desk.article.title,
    versions: desk.versions.map((v) => {
      const source = v.sourceId === null ? undefined : byId.get(v.sourceId);
      return {
        id: v.article.id,
        lang: v.article.textLang,
        langName: languageName(v.article.textLang, lang),
        dir: directionOf(v.article.textLang),
        title: v.article.title,
        status: statusLabel(ta, v.article.status),
        isThis: v.article.id === desk.article.id,
        sourceLabel: source ? languageName(source.textLang, lang) : null,
        sourceChanged: v.sourceChanged,
        isTranslation: v.sourceId !== null,
        editable: v.editable,
      };
    }),
    missing: desk.missing.map((m) => ({ lang: m.tag, name: targetName(m, lang, t) })),
    someWithoutEdition: desk.missing.some((m) => m.textLang !== null),
    candidates: desk.candidates.map((a) => ({
      id: a.id,
      label: `${languageName(a.textLang, lang)} · ${a.title || t.untitled} · ${statusLabel(ta, a.status)}`,
    })),
    source: desk.source ? presentSource(desk.source, lang) : null,
  };
}

function reasonOf(err: Invalid | TranslationExists, t: TranslationMessages): string {
  if (err instanceof TranslationExists) return format(t.exists, { title: err.existing.title || t.untitled });
  const reason = Object.values(err.fields)[0];
  if (reason === 'same' || reason === 'same-language') return t.sameLanguage;
  if (reason === 'same-edition') return t.sameEdition;
  if (reason === 'invalid') return t.invalidLanguage;
  if (reason === 'reversed') return t.reversed;
  if (reason === 'not-linked') return t.notLinked;
  if (reason === 'not enabled') return t.notEnabled;
  return t.refused;
}

export function registerTranslationRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  async function sendDesk(
    request: FastifyRequest,
    reply: FastifyReply,
    articleId: number,
    page: { notice?: { kind: 'success' | 'error'; text: string } | null; status?: number } = {},
  ) {
    const staff = request.staff!;
    const lang = languageOf(request);
    const t = translationMessages(lang);
    const desk = await translationDesk(services, staff.person, articleId);
    return sendNewsroomPage(deps, request, reply, {
      title: format(t.titleOf, { title: desk.article.title || t.untitled }),
      current: '/newsroom/articles',
      status: page.status ?? 200,
      notice: page.notice ?? null,
      body: <TranslationDeskPage t={t} csrf={staff.session.csrfToken} view={presentDesk(desk, lang)} />,
    });
  }

  /** Runs a desk command; a refusal it can explain shows the desk again with the reason. */
  async function attempt(
    request: FastifyRequest,
    reply: FastifyReply,
    articleId: number,
    run: () => Promise<string>,
  ) {
    try {
      return reply.redirect(await run(), 303);
    } catch (err) {
      if (!(err instanceof Invalid) && !(err instanceof TranslationExists)) throw err;
      if (err instanceof Invalid && err.code === 'malformed') throw err;
      const t = translationMessages(languageOf(request));
      return sendDesk(request, reply, articleId, {
        notice: { kind: 'error', text: `${t.refused} ${reasonOf(err, t)}` },
        status: err.status,
      });
    }
  }

  app.get('/articles/:id/translations', async (request, reply) => {
    const articleId = idParam(DeskParams, request.params);
    const { done } = parseInput(DeskQuery, request.query);
    const t = translationMessages(languageOf(request));
    return sendDesk(request, reply, articleId, { notice: done ? { kind: 'success', text: t[done] } : null });
  });

  app.post('/articles/:id/translations', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(DeskParams, request.params);
    const form = parseInput(StartForm, request.body);
    const actor = await actorOf(services, request);
    return attempt(request, reply, articleId, async () => {
      const draft = await startTranslation(services, actor, { sourceId: articleId, lang: form.lang });
      return `/newsroom/articles/${draft.id}`;
    });
  });

  app.post('/articles/:id/translations/link', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(DeskParams, request.params);
    const form = parseInput(LinkForm, request.body);
    const actor = await actorOf(services, request);
    return attempt(request, reply, articleId, async () => {
      await linkTranslation(services, actor, { articleId: form.article_id, sourceId: articleId });
      return `/newsroom/articles/${articleId}/translations?done=linked`;
    });
  });

  app.post('/articles/:id/translations/unlink', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(DeskParams, request.params);
    const form = parseInput(VersionForm, request.body);
    const actor = await actorOf(services, request);
    return attempt(request, reply, articleId, async () => {
      await unlinkTranslation(services, actor, { articleId: form.version_id });
      return `/newsroom/articles/${articleId}/translations?done=unlinked`;
    });
  });

  app.post('/articles/:id/translations/reviewed', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(DeskParams, request.params);
    const form = parseInput(VersionForm, request.body);
    const actor = await actorOf(services, request);
    return attempt(request, reply, articleId, async () => {
      await markTranslationReviewed(services, actor, { articleId: form.version_id });
      return `/newsroom/articles/${articleId}/translations?done=reviewed`;
    });
  });
}
