// Article languages (admins): parse the rows, call the command, show the page again with the
// refusal's reason (a bad tag, or a language that still has articles) or a notice.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { isInterfaceLang } from '../../../core/languages/choices.ts';
import { format } from '../../../core/i18n.ts';
import { editionName } from '../../../core/languages/tags.ts';
import { parseInput } from '../../../core/validation.ts';
import { moveIntoEdition } from '../../../services/settings/move-into-edition.ts';
import {
  changeContentLanguages,
  contentLanguagesPage,
  type LanguagesRefusal,
  LanguagesRefused,
} from '../../../services/settings/content-languages.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { type LanguagesMessages, languagesMessages } from './messages.ts';
import { LanguagesForm, MoveForm } from './schema.ts';
import { LanguagesPage, MoveForms } from './views.tsx';

export function registerLanguageRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const show = async (
    request: Parameters<typeof sendNewsroomPage>[1],
    reply: Parameters<typeof sendNewsroomPage>[2],
    notice: { kind: 'success' | 'error'; text: string } | null,
    status = 200,
  ) => {
    const staff = request.staff!;
    const t = languagesMessages(languageOf(request));
    const data = await contentLanguagesPage(services);
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: '/newsroom/settings',
      notice,
      status,
      body: (
        <>
          <LanguagesPage t={t} csrf={staff.session.csrfToken} {...data} />
          <MoveForms csrf={staff.session.csrfToken} languages={data.languages} />
        </>
      ),
    });
  };

  app.get('/settings/languages', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'settings.manage' });
    const q = request.query as Record<string, unknown>;
    const t = languagesMessages(languageOf(request));
    return show(request, reply, q.saved === '1' ? { kind: 'success', text: t.saved } : null);
  });

  app.post('/settings/languages', async (request, reply) => {
    checkCsrf(request);
    authorize(request.staff!.person, { kind: 'settings.manage' });
    const form = parseInput(LanguagesForm, request.body);
    const t = languagesMessages(languageOf(request));
    const languages = form.tag
      .map((tag, i) => ({
        tag: tag.trim(),
        fallback: form.fallback[i] ?? 'en',
        edition: form.edition[i] === 'own',
      }))
      .filter((l) => l.tag !== '')
      .map((l) => ({
        tag: l.tag,
        fallback: isInterfaceLang(l.fallback) ? l.fallback : ('en' as const),
        edition: l.edition,
      }));
    try {
      await changeContentLanguages(services, await actorOf(services, request), { languages });
    } catch (err) {
      // Said in the person's language, naming the tag (and how many articles hold it).
      if (err instanceof LanguagesRefused)
        return show(request, reply, { kind: 'error', text: refusalText(err.refusal, t) }, 422);
      if (err instanceof Invalid) return show(request, reply, { kind: 'error', text: err.message }, 422);
      throw err;
    }
    return reply.redirect('/newsroom/settings/languages?saved=1', 303);
  });

  app.post('/settings/languages/move', async (request, reply) => {
    checkCsrf(request);
    authorize(request.staff!.person, { kind: 'settings.manage' });
    const { tag } = parseInput(MoveForm, request.body);
    const t = languagesMessages(languageOf(request));
    try {
      const result = await moveIntoEdition(services, await actorOf(services, request), { tag });
      return show(request, reply, {
        kind: 'success',
        text: format(t.moved, { ...result, language: editionName(tag) }),
      });
    } catch (err) {
      if (err instanceof Invalid) return show(request, reply, { kind: 'error', text: err.message }, 422);
      throw err;
    }
  });
}

function refusalText(refusal: LanguagesRefusal, t: LanguagesMessages): string {
  switch (refusal.kind) {
    case 'invalid_tag':
      return format(t.refusedInvalidTag, { tag: refusal.tag });
    case 'duplicate':
      return format(t.refusedDuplicate, { tag: refusal.tag });
    case 'reserved':
      return format(t.refusedReserved, { tag: refusal.tag, path: refusal.path });
    case 'has_articles':
      return format(t.refusedHasArticles, { tag: refusal.tag, n: refusal.n });
    case 'edition_has_articles':
      return format(t.refusedEditionHasArticles, { tag: refusal.tag, n: refusal.n });
    case 'main_edition':
      return format(t.refusedMainEdition, { tag: refusal.tag });
  }
}
