// The sign-up form on the home page, section pages and under articles. The same HTML for every
// reader (pages are cached): no token, no pre-filled address. Works without JavaScript.
import type { Lang } from '../../../core/types.ts';
import type { SiteView } from '../view-models.ts';
import { NEWSLETTER_TEXT } from './text.ts';

export interface SignupFormState {
  email: string;
  lang: Lang;
  sections: number[];
  digest: string;
  alerts: boolean;
  errors: string[];
}

export function SignupForm({ site, state }: { site: SiteView; state?: SignupFormState }) {
  const nl = site.newsletter;
  if (!nl) return null;
  const t = NEWSLETTER_TEXT[site.ui];
  const digest = state?.digest ?? 'daily';
  return (
    <section class="newsletter" aria-labelledby="nl-title">
      <h2 id="nl-title" class="section-title">
        {t.title}
      </h2>
      <p>{t.intro}</p>
      {state && state.errors.length > 0 ? (
        <div role="alert" class="notice notice-error">
          <p>{t.refused}</p>
          <ul class="form-errors">
            {state.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={nl.action}>
        <p>
          <label for="nl-email">{t.email}</label>{' '}
          <input
            id="nl-email"
            type="email"
            name="email"
            required
            maxLength={254}
            autocomplete="email"
            dir="ltr"
            value={state?.email}
          />
        </p>
        {nl.languages.length > 1 ? (
          <fieldset>
            <legend>{t.language}</legend>
            {nl.languages.map((l) => (
              <label key={l.lang}>
                <input
                  type="radio"
                  name="lang"
                  value={l.lang}
                  checked={(state?.lang ?? site.lang) === l.lang}
                />{' '}
                {l.label}
              </label>
            ))}
          </fieldset>
        ) : (
          <input type="hidden" name="lang" value={site.lang} />
        )}
        {nl.sections.length > 0 ? (
          <fieldset>
            <legend>{t.sections}</legend>
            {nl.sections.map((s) => (
              <label key={s.id}>
                <input
                  type="checkbox"
                  name="sections"
                  value={s.id}
                  checked={state?.sections.includes(s.id)}
                />{' '}
                {s.label}
              </label>
            ))}
            <small>{t.sectionsHint}</small>
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t.frequency}</legend>
          {(['daily', 'weekly', 'none'] as const).map((d) => (
            <label key={d}>
              <input type="radio" name="digest" value={d} checked={digest === d} />{' '}
              {d === 'daily' ? t.daily : d === 'weekly' ? t.weekly : t.noDigest}
            </label>
          ))}
        </fieldset>
        <p>
          <label>
            <input type="checkbox" name="alerts" value="1" checked={state ? state.alerts : true} /> {t.alerts}
          </label>
        </p>
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
}
