// The settings page: the site's settings form and the logo form beside it.
import { editionName } from '../../../core/languages/tags.ts';
import { furtherEditions } from '../../../services/settings.ts';
import { LANGUAGES } from '../../../core/types.ts';
import type { SiteSettings } from '../../../services/settings.ts';
import type { ImageRefView } from '../media/presenter.ts';
import type { NewsroomMessages } from '../messages.ts';
import { LANGUAGE_NAMES, type SettingsMessages } from './messages.ts';

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
  s: SettingsMessages;
  csrf: string;
  values: SiteSettings;
  errors: Record<string, string>;
}) {
  const { t, s, values: v, errors } = props;
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
            {[...LANGUAGES, ...furtherEditions(v)].map((e) => (
              <option key={e} value={e} selected={v.defaultLang === e} lang={e}>
                {editionName(e)}
              </option>
            ))}
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
        <fieldset
          class="nr-fieldset"
          aria-describedby={errors.languages ? 'languages-error' : 'languages-help'}
          aria-invalid={errors.languages ? 'true' : undefined}
        >
          <legend>{s.languages}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} class="nr-check" lang={l}>
              <input type="checkbox" name="languages" value={l} checked={v.languages.includes(l)} />{' '}
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
          {errors.languages ? (
            <span id="languages-error" class="nr-error">
              {errors.languages}
            </span>
          ) : (
            <span id="languages-help" class="nr-help">
              {s.languagesHelp}
            </span>
          )}
        </fieldset>
        <fieldset class="nr-fieldset">
          <legend>{s.dates}</legend>
          {(['both', 'gregorian', 'hijri'] as const).map((d) => (
            <label key={d} class="nr-check">
              <input type="radio" name="dateDisplay" value={d} checked={v.dateDisplay === d} />{' '}
              {d === 'both' ? s.dateBoth : d === 'gregorian' ? s.dateGregorian : s.dateHijri}
            </label>
          ))}
        </fieldset>
        <p>
          <label for="maxUploadMB">{s.maxUpload}</label>
          <input
            id="maxUploadMB"
            name="maxUploadMB"
            type="number"
            min={1}
            max={1024}
            step={1}
            dir="ltr"
            value={String(v.maxUploadMB)}
            aria-describedby={errors.maxUploadMB ? 'max-upload-error' : 'max-upload-help'}
            {...invalid('maxUploadMB')}
          />
          {errors.maxUploadMB ? (
            <span id="max-upload-error" class="nr-error">
              {errors.maxUploadMB}
            </span>
          ) : (
            <span id="max-upload-help" class="nr-help">
              {s.maxUploadHelp}
            </span>
          )}
        </p>
        <p>
          <label for="maxAudioVideoMB">{s.maxAvUpload}</label>
          <input
            id="maxAudioVideoMB"
            name="maxAudioVideoMB"
            type="number"
            min={1}
            max={4096}
            step={1}
            dir="ltr"
            value={String(v.maxAudioVideoMB)}
            aria-describedby={errors.maxAudioVideoMB ? 'max-av-upload-error' : 'max-av-upload-help'}
            {...invalid('maxAudioVideoMB')}
          />
          {errors.maxAudioVideoMB ? (
            <span id="max-av-upload-error" class="nr-error">
              {errors.maxAudioVideoMB}
            </span>
          ) : (
            <span id="max-av-upload-help" class="nr-help">
              {s.maxAvUploadHelp}
            </span>
          )}
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
      <section class="nr-card" aria-labelledby="readership-title">
        <h2 id="readership-title">{s.readership}</h2>
        <label class="nr-check">
          <input
            type="checkbox"
            name="readership"
            checked={v.readership}
            aria-describedby="readership-help"
          />{' '}
          {s.readershipOn}
        </label>
        <p id="readership-help" class="nr-help">
          {s.readershipHelp}
        </p>
        <p>
          <label for="offlineArticles">{s.offlineArticles}</label>
          <input
            id="offlineArticles"
            name="offlineArticles"
            type="number"
            min={1}
            max={500}
            step={1}
            dir="ltr"
            value={String(v.offlineArticles)}
            aria-describedby={errors.offlineArticles ? 'offline-articles-error' : 'offline-articles-help'}
            {...invalid('offlineArticles')}
          />
          {errors.offlineArticles ? (
            <span id="offline-articles-error" class="nr-error">
              {errors.offlineArticles}
            </span>
          ) : (
            <span id="offline-articles-help" class="nr-help">
              {s.offlineArticlesHelp}
            </span>
          )}
        </p>
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

/** The logo has its own form: a file upload cannot ride in the settings form without JavaScript. */
export function LogoForm(props: {
  s: SettingsMessages;
  csrf: string;
  logo: ImageRefView | null;
  error?: string;
}) {
  const { s, logo, error } = props;
  return (
    <section class="nr-card" aria-labelledby="logo-title">
      <h2 id="logo-title">{s.logo}</h2>
      {logo ? (
        <img src={logo.src} width={logo.width} height={logo.height} alt={s.logo} class="nr-logo" />
      ) : (
        <p class="nr-muted">{s.noLogo}</p>
      )}
      <form method="post" action="/newsroom/settings/logo" enctype="multipart/form-data" class="nr-form">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <p>
          <label for="logo-file">{s.logo}</label>
          <input
            id="logo-file"
            type="file"
            name="file"
            accept="image/png,image/jpeg,image/webp,image/avif"
            required
            aria-describedby={error ? 'logo-error' : 'logo-help'}
            aria-invalid={error ? 'true' : undefined}
          />
          {error ? (
            <span id="logo-error" class="nr-error">
              {error}
            </span>
          ) : (
            <span id="logo-help" class="nr-help">
              {s.logoHelp}
            </span>
          )}
        </p>
        <button type="submit">{s.uploadLogo}</button>
      </form>
      {logo ? (
        <form method="post" action="/newsroom/settings/logo/remove" class="nr-form">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <button type="submit" class="nr-link-button">
            {s.removeLogo}
          </button>
        </form>
      ) : null}
    </section>
  );
}
