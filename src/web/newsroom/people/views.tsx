// The team list with the invitation form, one person's profile page, and the page where an
// invited person chooses their password. Views take plain data and never query.
import { LANGUAGES, type PersonLink, ROLES, type Role } from '../../../core/types.ts';
import type { ImageRefView } from '../media/presenter.ts';
import { InputField } from '../views/Field.tsx';
import { MAX_LINK_ROWS, type PersonRowView, type ProfileValues } from './presenter.ts';
import type { PeopleMessages } from './messages.ts';

const LANGUAGE_NAMES = { ar: 'العربية', fr: 'Français', en: 'English' } as const;

export function TeamPage({
  t,
  csrf,
  people,
  invite,
  errors,
  invitation,
}: {
  t: PeopleMessages;
  csrf: string;
  people: PersonRowView[];
  invite: { email: string; name: string; role: string };
  errors: Record<string, string>;
  invitation: { name: string; url: string } | null;
}) {
  return (
    <>
      {invitation ? (
        <section class="nr-card" aria-labelledby="invitation-title">
          <h2 id="invitation-title">{t.invitationLink}</h2>
          <p>{t.invitationReady.replace('{name}', invitation.name)}</p>
          <p>
            <input
              class="nr-secret"
              type="text"
              readonly
              dir="ltr"
              value={invitation.url}
              aria-label={t.invitationLink}
            />
          </p>
        </section>
      ) : null}
      <div class="nr-table-wrap">
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.twoFactor}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td data-label={t.name}>
                  <a href={p.href} dir="auto">
                    {p.name}
                  </a>
                </td>
                <td data-label={t.email} dir="ltr">
                  {p.email}
                </td>
                <td data-label={t.role}>{t[p.role]}</td>
                <td data-label={t.status}>{t[p.status]}</td>
                <td data-label={t.twoFactor}>{p.twoFactor ? t.yes : t.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="nr-card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t.inviteTitle}</h2>
        <p class="nr-help">{t.inviteHelp}</p>
        <form method="post" action="/newsroom/people" class="nr-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <InputField
            id="invite-name"
            name="name"
            label={t.name}
            value={invite.name}
            dir="auto"
            required
            error={errors.name}
          />
          <InputField
            id="invite-email"
            name="email"
            type="email"
            label={t.email}
            value={invite.email}
            dir="ltr"
            required
            error={errors.email}
          />
          <RoleSelect t={t} id="invite-role" value={invite.role} error={errors.role} />
          <button type="submit">{t.inviteButton}</button>
        </form>
      </section>
    </>
  );
}

function RoleSelect({
  t,
  id,
  value,
  error,
}: {
  t: PeopleMessages;
  id: string;
  value: string;
  error?: string;
}) {
  return (
    <p>
      <label for={id}>{t.role}</label>
      <select
        id={id}
        name="role"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-help`}
      >
        {ROLES.map((r: Role) => (
          <option key={r} value={r} selected={value === r}>
            {t[r]}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} class="nr-error">
          {error}
        </span>
      ) : (
        <span id={`${id}-help`} class="nr-help">
          {t.roleHelp}
        </span>
      )}
    </p>
  );
}

export interface PersonPageProps {
  t: PeopleMessages;
  csrf: string;
  personId: number;
  values: ProfileValues;
  errors: Record<string, string>;
  /** Admins see the role, the account switch and the invitation link. */
  manage: { disabled: boolean; self: boolean } | null;
  photo: ImageRefView | null;
  invitationUrl: string | null;
}

export function PersonPage({
  t,
  csrf,
  personId,
  values,
  errors,
  manage,
  photo,
  invitationUrl,
}: PersonPageProps) {
  const base = `/newsroom/people/${personId}`;
  const links: PersonLink[] = [...values.links];
  while (links.length < MAX_LINK_ROWS) links.push({ label: '', url: '' });
  return (
    <>
      {manage?.disabled ? <p class="nr-notice nr-error">{t.accountDisabled}</p> : null}
      <form method="post" action={base} class="nr-form nr-card">
        <input type="hidden" name="_csrf" value={csrf} />
        <InputField
          id="p-name"
          name="name"
          label={t.name}
          value={values.name}
          dir="auto"
          required
          error={errors.name}
        />
        <InputField
          id="p-email"
          name="email"
          type="email"
          label={t.email}
          value={values.email}
          dir="ltr"
          required
          error={errors.email}
        />
        <InputField
          id="p-slug"
          name="slug"
          label={t.slug}
          value={values.slug}
          dir="auto"
          required
          error={errors.slug}
        />
        {manage ? <RoleSelect t={t} id="p-role" value={values.role} error={errors.role} /> : null}
        <p>
          <label for="p-bio">{t.bio}</label>
          <textarea
            id="p-bio"
            name="bio"
            rows={4}
            dir="auto"
            maxlength={1000}
            aria-invalid={errors.bio ? 'true' : undefined}
            aria-describedby={errors.bio ? 'p-bio-error' : 'p-bio-help'}
          >
            {values.bio}
          </textarea>
          {errors.bio ? (
            <span id="p-bio-error" class="nr-error">
              {errors.bio}
            </span>
          ) : (
            <span id="p-bio-help" class="nr-help">
              {t.bioHelp}
            </span>
          )}
        </p>
        <p>
          <label for="p-locale">{t.language}</label>
          <select id="p-locale" name="locale">
            {LANGUAGES.map((l) => (
              <option key={l} value={l} selected={values.locale === l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </p>
        <fieldset>
          <legend>{t.links}</legend>
          {links.map((link, i) => (
            <div class="nr-search-row" key={`row-${i}`}>
              <InputField
                id={`p-link-${i}-label`}
                name={`link_label_${i}`}
                label={t.linkLabel}
                value={link.label}
                dir="auto"
              />
              <InputField
                id={`p-link-${i}-url`}
                name={`link_url_${i}`}
                label={t.linkUrl}
                value={link.url}
                dir="ltr"
                error={errors[`links.${i}`]}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit">{t.save}</button>
      </form>

      <section class="nr-card" aria-labelledby="photo-title">
        <h2 id="photo-title">{t.photo}</h2>
        {photo ? (
          <img
            src={photo.src}
            width={photo.width}
            height={photo.height}
            alt={values.name}
            class="nr-avatar"
          />
        ) : (
          <p class="nr-muted">{t.noPhoto}</p>
        )}
        <form method="post" action={`${base}/photo`} enctype="multipart/form-data" class="nr-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <p>
            <label for="p-photo">{t.photo}</label>
            <input
              id="p-photo"
              type="file"
              name="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              required
              aria-describedby={errors.photo ? 'p-photo-error' : 'p-photo-help'}
              aria-invalid={errors.photo ? 'true' : undefined}
            />
            {errors.photo ? (
              <span id="p-photo-error" class="nr-error">
                {errors.photo}
              </span>
            ) : (
              <span id="p-photo-help" class="nr-help">
                {t.photoHelp}
              </span>
            )}
          </p>
          <button type="submit">{t.uploadPhoto}</button>
        </form>
        {photo ? (
          <form method="post" action={`${base}/photo/remove`} class="nr-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="nr-link-button">
              {t.removePhoto}
            </button>
          </form>
        ) : null}
      </section>

      {manage && !manage.self ? (
        <section class="nr-card" aria-labelledby="account-title">
          <h2 id="account-title">{t.account}</h2>
          {errors.form ? (
            <p class="nr-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          {invitationUrl ? (
            <p>
              <label for="p-invitation">{t.invitationLink}</label>
              <input
                id="p-invitation"
                class="nr-secret"
                type="text"
                readonly
                dir="ltr"
                value={invitationUrl}
              />
            </p>
          ) : null}
          {manage.disabled ? null : (
            <form method="post" action={`${base}/invite`} class="nr-form">
              <input type="hidden" name="_csrf" value={csrf} />
              <p class="nr-help">{t.newLinkHelp}</p>
              <button type="submit">{t.newLink}</button>
            </form>
          )}
          <form method="post" action={`${base}/${manage.disabled ? 'enable' : 'disable'}`} class="nr-form">
            <input type="hidden" name="_csrf" value={csrf} />
            {manage.disabled ? null : <p class="nr-help">{t.disableHelp}</p>}
            <button type="submit" class={manage.disabled ? undefined : 'nr-danger'}>
              {manage.disabled ? t.enable : t.disable}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function AcceptInvitationPage({
  t,
  csrf,
  intro,
  errors,
}: {
  t: PeopleMessages;
  csrf: string;
  intro: string;
  errors: Record<string, string>;
}) {
  return (
    <form method="post" class="nr-form nr-narrow">
      <input type="hidden" name="_csrf" value={csrf} />
      <p dir="auto">{intro}</p>
      <InputField
        id="accept-password"
        name="password"
        type="password"
        label={t.password}
        dir="ltr"
        autocomplete="new-password"
        required
        minlength={12}
        error={errors.password}
      />
      <InputField
        id="accept-confirm"
        name="confirm"
        type="password"
        label={t.confirmPassword}
        dir="ltr"
        autocomplete="new-password"
        required
        error={errors.confirm}
      />
      <button type="submit">{t.acceptButton}</button>
    </form>
  );
}
