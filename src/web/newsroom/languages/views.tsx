// The languages page: one row per language (tag, interface fallback, article count), an empty
// row to add one, and the ready choices as suggestions of the tag fields.
import { format } from '../../../core/i18n.ts';
import { isInterfaceLang } from '../../../core/languages/choices.ts';
import { LANGUAGES } from '../../../core/types.ts';
import { editionPrefix } from '../../../core/urls.ts';
import type { ContentLanguageRow } from '../../../services/settings/content-languages.ts';
import type { LanguagesMessages } from './messages.ts';

const INTERFACE_NAMES = { ar: 'العربية', fr: 'Français', en: 'English' } as const;

function FallbackSelect({ value, label }: { value: string; label: string }) {
  return (
    <select name="fallback" aria-label={label}>
      {LANGUAGES.map((l) => (
        <option key={l} value={l} selected={l === value} lang={l}>
          {INTERFACE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}

/** ar/fr/en are editions by the site's settings; any other language may have one of its own. */
function EditionSelect({ tag, own, t }: { tag: string; own: boolean; t: LanguagesMessages }) {
  if (isInterfaceLang(tag)) {
    return (
      <>
        <input type="hidden" name="edition" value="" />
        <span dir="auto">{format(t.builtInEdition, { path: `${editionPrefix(tag)}/` })}</span>
      </>
    );
  }
  const path = tag ? `${editionPrefix(tag)}/` : '/…/';
  return (
    <select name="edition" aria-label={t.edition}>
      <option value="own" selected={own}>
        {format(t.ownEdition, { path })}
      </option>
      <option value="" selected={!own}>
        {t.inFallback}
      </option>
    </select>
  );
}

export function LanguagesPage(props: {
  t: LanguagesMessages;
  csrf: string;
  languages: ContentLanguageRow[];
  ready: { tag: string; name: string }[];
}) {
  const { t, csrf, languages, ready } = props;
  return (
    <form method="post" action="/newsroom/settings/languages" class="nr-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <p>{t.intro}</p>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">{t.tag}</th>
            <th scope="col">{t.fallback}</th>
            <th scope="col">{t.edition}</th>
            <th scope="col">{t.articles}</th>
          </tr>
        </thead>
        <tbody>
          {languages.map((l) => (
            <tr key={l.tag}>
              <td>
                <input
                  name="tag"
                  value={l.tag}
                  dir="ltr"
                  maxlength={64}
                  list="ready-languages"
                  aria-label={t.tag}
                />{' '}
                <bdi lang={l.tag} dir={l.dir}>
                  {l.name}
                </bdi>
              </td>
              <td>
                <FallbackSelect value={l.fallback} label={t.fallback} />
              </td>
              <td>
                <EditionSelect tag={l.tag} own={l.edition} t={t} />
              </td>
              <td>{l.articles}</td>
            </tr>
          ))}
          <tr>
            <td>
              <input
                name="tag"
                value=""
                dir="ltr"
                maxlength={64}
                list="ready-languages"
                aria-label={t.add}
                placeholder={t.add}
              />
            </td>
            <td>
              <FallbackSelect value="en" label={t.fallback} />
            </td>
            <td>
              <EditionSelect tag="" own={false} t={t} />
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      <datalist id="ready-languages">
        {ready.map((r) => (
          <option key={r.tag} value={r.tag}>
            {r.name}
          </option>
        ))}
      </datalist>
      <p class="nr-meta">
        {t.ready}:{' '}
        {ready.map((r, i) => (
          <>
            {i > 0 ? ' · ' : null}
            <code>{r.tag}</code> <bdi lang={r.tag}>{r.name}</bdi>
          </>
        ))}
      </p>
      <p class="nr-meta">{t.editionHint}</p>
      {languages
        .filter((l) => l.elsewhere > 0)
        .map((l) => (
          <p key={l.tag} class="nr-card">
            {format(t.elsewhere, { language: l.name, n: l.elsewhere })}{' '}
            <button type="submit" form={`move-${l.tag}`} class="nr-secondary">
              {format(t.moveHere, { path: `${editionPrefix(l.tag)}/` })}
            </button>
          </p>
        ))}
      <p class="nr-meta">{t.removeHint}</p>
      <button type="submit">{t.save}</button>
    </form>
  );
}

/** One form per language to move into its edition (their buttons sit in the page's form via `form=`). */
export function MoveForms({ csrf, languages }: { csrf: string; languages: ContentLanguageRow[] }) {
  return (
    <>
      {languages
        .filter((l) => l.elsewhere > 0)
        .map((l) => (
          <form
            key={l.tag}
            id={`move-${l.tag}`}
            method="post"
            action="/newsroom/settings/languages/move"
            hidden
          >
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="tag" value={l.tag} />
          </form>
        ))}
    </>
  );
}

export function LanguagesSettingsLink({ t }: { t: LanguagesMessages }) {
  return (
    <p class="nr-card">
      <a href="/newsroom/settings/languages">{t.link}</a>
    </p>
  );
}
