// The person's API tokens under /newsroom/account/tokens: list, create (the secret shown once,
// in the answer to the form), revoke. Parse the form, call the command, show the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tokenIsLive } from '../../../core/api-tokens.ts';
import { displayDate } from '../../../core/dates.ts';
import { Invalid } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import { createApiToken } from '../../../services/api-tokens/create-token.ts';
import { listApiTokens } from '../../../services/api-tokens/queries.ts';
import { revokeApiToken } from '../../../services/api-tokens/revoke-token.ts';
import { TwoFactorRequired } from '../../../services/api-tokens/two-factor-gate.ts';
import { siteSettings } from '../../../services/settings.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { type ApiTokenMessages, apiTokenMessages } from './messages.ts';
import { CreateTokenForm, expiresInDays, TokenParams } from './schema.ts';
import { type TokenRow, TokensPage, type TokensView } from './views.tsx';

type Notice = { kind: 'success' | 'error'; text: string } | null;

const PAGE = '/newsroom/account/tokens';

export function registerApiTokenRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: Partial<TokensView>,
    notice: Notice = null,
    status = 200,
  ) => {
    const staff = request.staff!;
    const lang = languageOf(request);
    const t = apiTokenMessages(lang);
    const [tokens, settings] = await Promise.all([
      listApiTokens(services, staff.person),
      siteSettings(services),
    ]);
    const blocked = settings.requireTwoFactor && !staff.person.twoFactorEnabled;
    const when = (iso: string) => displayDate(iso, lang, settings.timezone, true).gregorian;
    const rows: TokenRow[] = tokens.map((token) => ({
      id: token.id,
      name: token.name,
      hint: token.hint,
      created: when(token.createdAt),
      lastUsed: token.lastUsedAt ? when(token.lastUsedAt) : null,
      expires: token.expiresAt ? when(token.expiresAt) : null,
      state: token.revokedAt !== null ? 'revoked' : tokenIsLive(token, new Date()) ? 'live' : 'expired',
    }));
    return sendNewsroomPage(deps, request, reply, {
      title: t.tokens,
      current: '/newsroom/account',
      status,
      notice: notice ?? (blocked ? { kind: 'error', text: t.twoFactorFirst } : null),
      body: (
        <TokensPage
          t={t}
          csrf={staff.session.csrfToken}
          view={{
            tokens: rows,
            secret: view.secret ?? null,
            canCreate: !blocked,
            form: view.form ?? { name: '', expires: '90' },
            errors: view.errors ?? {},
          }}
        />
      ),
    });
  };

  app.get('/account/tokens', async (request, reply) => {
    const revoked = (request.query as Record<string, unknown>).revoked === '1';
    const t = apiTokenMessages(languageOf(request));
    return show(request, reply, {}, revoked ? { kind: 'success', text: t.revokedDone } : null);
  });

  app.post('/account/tokens', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(CreateTokenForm, request.body);
    const actor = await actorOf(services, request);
    const lang = languageOf(request);
    try {
      const { secret } = await createApiToken(services, actor, {
        name: form.name,
        expiresInDays: expiresInDays(form.expires),
      });
      return show(request, reply, { secret }, null, 201);
    } catch (err) {
      if (err instanceof TwoFactorRequired) {
        return show(request, reply, {}, { kind: 'error', text: apiTokenMessages(lang).twoFactorFirst }, 403);
      }
      const name = nameProblem(err, apiTokenMessages(lang));
      return show(request, reply, { form, errors: { name } }, null, 422);
    }
  });

  app.post('/account/tokens/:id/revoke', async (request, reply) => {
    checkCsrf(request);
    const tokenId = idParam(TokenParams, request.params);
    await revokeApiToken(services, await actorOf(services, request), { tokenId });
    return reply.redirect(`${PAGE}?revoked=1`, 303);
  });
}

/** The words for a refused name, shown beside the field; any other refusal goes on. */
function nameProblem(err: unknown, t: ApiTokenMessages): string {
  const problem = err instanceof Invalid ? err.fields.name : undefined;
  if (problem === 'missing' || problem === 'too_short') return t.nameMissing;
  if (problem === 'too_long') return t.nameTooLong;
  if (problem === 'too_many') return t.tooMany;
  throw err;
}
