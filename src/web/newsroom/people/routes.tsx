// The team under /newsroom/people (admins), everyone's own profile page, and the one-time
// invitation link at /newsroom/invite/TOKEN, the only page here reachable without a session.
// The routes live in their own scope so the multipart parser (for the photo) applies to them alone.
// Each route parses its form, calls the command, and renders; a refused form is shown again.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid, NotFound } from '../../../core/errors.ts';
import { format, messages } from '../../../core/i18n.ts';
import { can } from '../../../core/policies/index.ts';
import type { Lang, Person } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import { uploadLimitBytes } from '../../../services/media/queries.ts';
import { acceptInvitation } from '../../../services/people/accept-invitation.ts';
import { setPersonDisabled } from '../../../services/people/disable.ts';
import { invitePerson, reinvitePerson } from '../../../services/people/invite.ts';
import { setProfilePhoto, updateProfile } from '../../../services/people/profile.ts';
import { invitationHolder, listTeam, profileOf, profilePhoto } from '../../../services/people/queries.ts';
import { PersonInvalid } from '../../../services/people/rules.ts';
import { actorOf, checkCsrf, preSessionCsrf } from '../auth.ts';
import { thumbOf, uploadErrorText } from '../media/presenter.ts';
import { receiveUpload } from '../media/upload.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { type PeopleMessages, peopleMessages } from './messages.ts';
import { presentPersonRow, type ProfileValues, profileValues, readProfileForm } from './presenter.ts';
import { AcceptForm, InviteForm, PersonParams, ProfileForm, TokenParams } from './schema.ts';
import { AcceptInvitationPage, PersonPage, TeamPage } from './views.tsx';

function peopleT(request: FastifyRequest): PeopleMessages {
  return peopleMessages(languageOf(request));
}

/** Problem codes from the service as text in the page language. */
function explain(lang: Lang, t: PeopleMessages, problems: Record<string, string>): Record<string, string> {
  const core = messages(lang) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [field, code] of Object.entries(problems)) {
    out[field] = (t as Record<string, string>)[code] ?? core[code] ?? t.fixErrors;
  }
  return out;
}

/** The token of an invitation path, or null when it cannot be one. */
function tokenOf(params: unknown): string | null {
  const parsed = TokenParams.safeParse(params);
  return parsed.success ? parsed.data.token : null;
}

function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/newsroom/invite/${token}`;
}

export function registerPeopleRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, parts: 10 } });
    registerTeam(scope, deps);
    registerProfile(scope, deps);
    registerInvitation(scope, deps);
  });
}

function registerTeam(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const showTeam = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      invite?: { email: string; name: string; role: string };
      errors?: Record<string, string>;
      invitation?: { name: string; url: string } | null;
      /** The address the invitation was also mailed to (the site has SMTP). */
      mailedTo?: string;
      status?: number;
    } = {},
  ) => {
    const staff = request.staff!;
    const t = peopleT(request);
    const team = await listTeam(services, await actorOf(services, request));
    const rows = team.map((m) => presentPersonRow(m.person, m.hasPassword, m.invitation));
    const failed = extra.errors && Object.keys(extra.errors).length > 0;
    return sendNewsroomPage(deps, request, reply, {
      title: t.team,
      current: '/newsroom/people',
      status: extra.status ?? 200,
      notice: failed
        ? { kind: 'error', text: t.fixErrors }
        : extra.mailedTo
          ? { kind: 'success', text: t.invitationMailed.replace('{email}', extra.mailedTo) }
          : null,
      body: (
        <TeamPage
          t={t}
          csrf={staff.session.csrfToken}
          people={rows}
          invite={extra.invite ?? { email: '', name: '', role: 'author' }}
          errors={extra.errors ?? {}}
          invitation={extra.invitation ?? null}
        />
      ),
    });
  };

  app.get('/people', async (request, reply) => showTeam(request, reply));

  app.post('/people', async (request, reply) => {
    checkCsrf(request);
    const body = parseInput(InviteForm, request.body);
    try {
      const { person, token, mailed } = await invitePerson(services, await actorOf(services, request), body);
      const url = invitationUrl(services.config.publicUrl, token);
      return showTeam(request, reply, {
        invitation: { name: person.name, url },
        ...(mailed ? { mailedTo: person.email } : {}),
        status: 201,
      });
    } catch (err) {
      if (!(err instanceof PersonInvalid)) throw err;
      const errors = explain(languageOf(request), peopleT(request), err.problems);
      return showTeam(request, reply, { invite: body, errors, status: 422 });
    }
  });
}

function registerProfile(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const target = async (request: FastifyRequest): Promise<Person> =>
    profileOf(services, await actorOf(services, request), idParam(PersonParams, request.params));

  const showPerson = async (
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    extra: {
      values?: ProfileValues;
      errors?: Record<string, string>;
      notice?: string | null;
      invitationUrl?: string | null;
      status?: number;
    } = {},
  ) => {
    const staff = request.staff!;
    const t = peopleT(request);
    const isAdmin = can(staff.person, { kind: 'people.manage' });
    const avatar = await profilePhoto(services, person);
    const failed = extra.errors && Object.keys(extra.errors).length > 0;
    return sendNewsroomPage(deps, request, reply, {
      title: staff.person.id === person.id ? t.myProfile : person.name,
      current: isAdmin ? '/newsroom/people' : '/newsroom/account',
      status: extra.status ?? 200,
      notice: failed
        ? { kind: 'error', text: extra.errors?.form ?? t.fixErrors }
        : extra.notice
          ? { kind: 'success', text: extra.notice }
          : null,
      body: (
        <PersonPage
          t={t}
          csrf={staff.session.csrfToken}
          personId={person.id}
          values={extra.values ?? profileValues(person)}
          errors={extra.errors ?? {}}
          manage={isAdmin ? { disabled: person.disabled, self: person.id === staff.person.id } : null}
          photo={avatar ? thumbOf(avatar) : null}
          invitationUrl={extra.invitationUrl ?? null}
        />
      ),
    });
  };

  app.get('/profile', async (request, reply) => {
    return reply.redirect(`/newsroom/people/${request.staff!.person.id}`, 303);
  });

  app.get('/people/:id', async (request, reply) => {
    const person = await target(request);
    const q = request.query as Record<string, unknown>;
    const t = peopleT(request);
    const notice = q.saved === '1' ? t.saved : q.photo === '1' ? t.photoSaved : null;
    return showPerson(request, reply, person, { notice });
  });

  app.post('/people/:id', async (request, reply) => {
    checkCsrf(request);
    const person = await target(request);
    const values = readProfileForm(parseInput(ProfileForm, request.body));
    try {
      await updateProfile(services, await actorOf(services, request), { personId: person.id, ...values });
    } catch (err) {
      if (!(err instanceof PersonInvalid)) throw err;
      // The language the person just chose is not applied until the profile saves.
      const errors = explain(languageOf(request), peopleT(request), err.problems);
      return showPerson(request, reply, person, { values, errors, status: 422 });
    }
    return reply.redirect(`/newsroom/people/${person.id}?saved=1`, 303);
  });

  app.post('/people/:id/photo', async (request, reply) => {
    const person = await target(request);
    const t = peopleT(request);
    const maxBytes = await uploadLimitBytes(services);
    try {
      const upload = await receiveUpload(request, maxBytes);
      const actor = await actorOf(services, request);
      await setProfilePhoto(services, actor, { personId: person.id, image: upload.buffer });
    } catch (err) {
      if (err instanceof Invalid && err.fields.file === 'not_image') {
        return showPerson(request, reply, person, { errors: { photo: t.photoNotImage }, status: 422 });
      }
      const text = uploadErrorText(err, messagesFor(request), maxBytes);
      if (text === null || !(err instanceof Invalid)) throw err;
      const status = err.fields.file === 'too_large' ? 413 : 422;
      return showPerson(request, reply, person, { errors: { photo: text }, status });
    }
    return reply.redirect(`/newsroom/people/${person.id}?photo=1`, 303);
  });

  app.post('/people/:id/photo/remove', async (request, reply) => {
    checkCsrf(request);
    const person = await target(request);
    await setProfilePhoto(services, await actorOf(services, request), { personId: person.id, image: null });
    return reply.redirect(`/newsroom/people/${person.id}?saved=1`, 303);
  });

  const accountAction = (action: 'disable' | 'enable' | 'invite') =>
    app.post(`/people/:id/${action}`, async (request, reply) => {
      checkCsrf(request);
      const person = await target(request);
      const actor = await actorOf(services, request);
      try {
        if (action === 'invite') {
          const { token, mailed } = await reinvitePerson(services, actor, { personId: person.id });
          const url = invitationUrl(services.config.publicUrl, token);
          const notice = mailed ? peopleT(request).invitationMailed.replace('{email}', person.email) : null;
          return showPerson(request, reply, person, { invitationUrl: url, notice });
        }
        const disabled = action === 'disable';
        const saved = await setPersonDisabled(services, actor, { personId: person.id, disabled });
        return showPerson(request, reply, saved, {});
      } catch (err) {
        if (!(err instanceof PersonInvalid)) throw err;
        const errors = explain(languageOf(request), peopleT(request), err.problems);
        return showPerson(request, reply, person, { errors, status: 422 });
      }
    });
  accountAction('disable');
  accountAction('enable');
  accountAction('invite');
}

function registerInvitation(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const secure = services.config.secureCookies;

  const invalid = (request: FastifyRequest, reply: FastifyReply) => {
    const t = peopleT(request);
    return sendNewsroomPage(deps, request, reply, {
      title: t.acceptTitle,
      status: 404,
      notice: { kind: 'error', text: t.invitationInvalid },
      body: null,
    });
  };

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    errors: Record<string, string>,
    status = 200,
  ) => {
    const t = peopleT(request);
    const csrf = preSessionCsrf(request, reply, secure);
    return sendNewsroomPage(deps, request, reply, {
      title: t.acceptTitle,
      status,
      csrf,
      notice: Object.keys(errors).length > 0 ? { kind: 'error', text: t.fixErrors } : null,
      body: (
        <AcceptInvitationPage
          t={t}
          csrf={csrf}
          intro={format(t.acceptHelp, { name: person.name, email: person.email })}
          errors={errors}
        />
      ),
    });
  };

  app.get('/invite/:token', async (request, reply) => {
    const token = tokenOf(request.params);
    // The link is a secret: keep it out of the Referer of anything the page links to.
    reply.header('referrer-policy', 'no-referrer');
    const person = token ? await invitationHolder(services, token) : null;
    if (!person) return invalid(request, reply);
    return page(request, reply, person, {});
  });

  app.post('/invite/:token', async (request, reply) => {
    checkCsrf(request);
    const token = tokenOf(request.params);
    reply.header('referrer-policy', 'no-referrer');
    const person = token ? await invitationHolder(services, token) : null;
    if (!token || !person) return invalid(request, reply);
    const body = parseInput(AcceptForm, request.body);
    try {
      await acceptInvitation(services, { token, ...body, ip: request.ip });
    } catch (err) {
      if (err instanceof NotFound) return invalid(request, reply);
      if (!(err instanceof PersonInvalid)) throw err;
      return page(request, reply, person, explain(languageOf(request), peopleT(request), err.problems), 422);
    }
    const t = peopleT(request);
    return sendNewsroomPage(deps, request, reply, {
      title: t.acceptTitle,
      notice: { kind: 'success', text: t.accepted },
      body: (
        <p>
          <a href="/newsroom/sign-in">{messagesFor(request).signIn}</a>
        </p>
      ),
    });
  });
}
