import type { SiteSettings } from '../../../services/settings.ts';
import type { NewsroomMessages } from '../messages.ts';

const ZONES = [
  'Africa/Bamako',
  'Africa/Niamey',
  'Africa/Ouagadougou',
  'Africa/Dakar',
  'Africa/Nouakchott',
  'Africa/Algiers',
  'Africa/Casablanca',
  'Africa/Tunis',
  'Africa/Cairo',
  'Africa/Khartoum',
  'Africa/Ndjamena',
  'Africa/Lagos',
  'Asia/Riyadh',
  'Asia/Dubai',
  'Europe/Paris',
  'Europe/London',
  'UTC',
];

export function SettingsForm(props: {
  t: NewsroomMessages;
  csrf: string;
  values: SiteSettings;
  errors: Record<string, string>;
}) {
  const { t, values: v, errors } = props;
  const zones = ZONES.includes(v.timezone) ? ZONES : [v.timezone, ...ZONES];
  const invalid = (k: string) => (errors[k] ? { 'aria-invalid': 'true' as const } : {});
  return (
    <form method="post" action="/newsroom/settings" class="nr-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <section class="nr-card" aria-labelledby="site-title">
        <h2 id="site-title">{t.settingsSite}</h2>
        <p>
          <label for="name">{t.settingsName}</label>
          <input
            id="name"
            name="name"
            value={v.name}
            dir="auto"
            required
            maxlength={120}
            {...invalid('name')}
          />
        </p>
        <p>
          <label for="tagline">{t.settingsTagline}</label>
          <input id="tagline" name="tagline" value={v.tagline} dir="auto" maxlength={200} />
        </p>
        <p>
          <label for="description">{t.settingsDescription}</label>
          <textarea id="description" name="description" rows={3} dir="auto" maxlength={500}>
            {v.description}
          </textarea>
        </p>
        <p>
          <label for="defaultLang">{t.settingsDefaultLang}</label>
          <select id="defaultLang" name="defaultLang">
            <option value="ar" selected={v.defaultLang === 'ar'}>
              العربية
            </option>
            <option value="fr" selected={v.defaultLang === 'fr'}>
              Français
            </option>
            <option value="en" selected={v.defaultLang === 'en'}>
              English
            </option>
          </select>
        </p>
        <p>
          <label for="timezone">{t.settingsTimezone}</label>
          <select id="timezone" name="timezone" dir="ltr" {...invalid('timezone')}>
            {zones.map((z) => (
              <option key={z} value={z} selected={v.timezone === z}>
                {z}
              </option>
            ))}
          </select>
        </p>
      </section>
      <section class="nr-card" aria-labelledby="comments-title">
        <h2 id="comments-title">{t.comments}</h2>
        <fieldset class="nr-fieldset">
          <legend>{t.settingsModeration}</legend>
          {(['first-time', 'all', 'none'] as const).map((m) => (
            <label key={m} class="nr-check">
              <input type="radio" name="commentModeration" value={m} checked={v.commentModeration === m} />{' '}
              {m === 'first-time' ? t.moderationFirstTime : m === 'all' ? t.moderationAll : t.moderationNone}
            </label>
          ))}
        </fieldset>
      </section>
      <section class="nr-card" aria-labelledby="protection-title">
        <h2 id="protection-title">{t.settingsProtection}</h2>
        <label class="nr-check">
          <input
            type="checkbox"
            name="copyProtection"
            checked={v.copyProtection}
            aria-describedby="copy-help"
          />{' '}
          {t.settingsCopyProtection}
        </label>
        <p id="copy-help" class="nr-help">
          {t.settingsCopyProtectionHelp}
        </p>
        <label class="nr-check">
          <input type="checkbox" name="feedFullContent" checked={v.feedFullContent} /> {t.settingsFeedFull}
        </label>
      </section>
      <section class="nr-card" aria-labelledby="security-title">
        <h2 id="security-title">{t.security}</h2>
        <label class="nr-check">
          <input type="checkbox" name="requireTwoFactor" checked={v.requireTwoFactor} />{' '}
          {t.settingsRequire2fa}
        </label>
      </section>
      <button type="submit">{t.save}</button>
    </form>
  );
}
