// The setup page: the form that makes the first admin, and what a dead link shows instead.
// Every field has its help and its error linked for screen readers; addresses and passwords
// are typed left to right whatever the page's direction.
import type { InputHTMLAttributes } from 'preact';
import type { Lang } from '../../../core/types.ts';
import type { SetupMessages } from './messages.ts';

const LANGUAGE_NAMES: Record<Lang, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

/** Links to the same page in the other newsroom languages (a signed-out page follows `?lang=`). */
export function LanguageLinks({ t, lang, path }: { t: SetupMessages; lang: Lang; path: string }) {
  return (
    <nav aria-label={t.language}>
      <ul class="nr-nav">
        {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => (
          <li key={l}>
            <a
              href={`${path}?lang=${l}`}
              lang={l}
              hreflang={l}
              aria-current={l === lang ? 'page' : undefined}
            >
              {LANGUAGE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Field({
  id,
  label,
  help,
  error,
  ...input
}: {
  id: string;
  name: string;
  label: string;
  help?: string;
  error?: string | undefined;
  type: 'text' | 'email' | 'password';
  value?: string;
  dir?: 'ltr' | 'auto';
  autocomplete: string;
  minlength?: number;
  maxlength?: number;
}) {
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  // Preact types each input type separately; the props above are valid for all of them.
  const attributes = {
    id,
    required: true,
    ...input,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <p>
      <label for={id}>{label}</label>
      <input {...attributes} />
      {help ? (
        <span id={`${id}-help`} class="nr-help">
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} class="nr-error">
          {error}
        </span>
      ) : null}
    </p>
  );
}

export function SetupFormView({
  t,
  csrf,
  values,
  errors,
}: {
  t: SetupMessages;
  csrf: string;
  values: { name: string; email: string };
  errors: Record<string, string>;
}) {
  // No action: the form posts back to the link it was opened from, language included.
  return (
    <form method="post" class="nr-form nr-narrow">
      <input type="hidden" name="_csrf" value={csrf} />
      <p>{t.intro}</p>
      <Field
        id="setup-name"
        name="name"
        type="text"
        dir="auto"
        label={t.name}
        help={t.nameHelp}
        autocomplete="name"
        maxlength={120}
        value={values.name}
        error={errors.name}
      />
      <Field
        id="setup-email"
        name="email"
        type="email"
        dir="ltr"
        label={t.email}
        help={t.emailHelp}
        autocomplete="username"
        value={values.email}
        error={errors.email}
      />
      <Field
        id="setup-password"
        name="password"
        type="password"
        dir="ltr"
        label={t.password}
        help={t.passwordHelp}
        autocomplete="new-password"
        minlength={12}
        error={errors.password}
      />
      <Field
        id="setup-confirm"
        name="confirm"
        type="password"
        dir="ltr"
        label={t.confirmPassword}
        autocomplete="new-password"
        error={errors.confirm}
      />
      <p>
        <button type="submit">{t.create}</button>
      </p>
    </form>
  );
}

export function DeadLinkView({ t, signIn }: { t: SetupMessages; signIn: string }) {
  return (
    <div class="nr-narrow">
      <p>
        {t.deadSignIn} <a href="/newsroom/sign-in">{signIn}</a>
      </p>
      <p>{t.deadNewLink}</p>
      <pre dir="ltr">
        <code>midad init</code>
      </pre>
    </div>
  );
}
