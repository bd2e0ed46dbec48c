// "By A, B and C" — in Arabic the conjunction "و" is joined to the following name ("أ، ب وج").
import type { ComponentChildren } from 'preact';
import type { Edition } from '../../../core/types.ts';
import type { Messages } from '../../../core/i18n.ts';
import type { LinkView } from '../view-models.ts';

const scripts = new Map<string, boolean>();

/** Whether the language is written in Arabic script (asked on every byline: kept per tag). */
function arabicScript(lang: Edition): boolean {
  let arabic = scripts.get(lang);
  if (arabic === undefined) {
    try {
      arabic = new Intl.Locale(lang).maximize().script === 'Arab';
    } catch {
      arabic = false;
    }
    if (scripts.size < 200) scripts.set(lang, arabic);
  }
  return arabic;
}

/** Interleaves items with list separators for the given language. */
export function joinNames(items: ComponentChildren[], lang: Edition, t: Messages): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  items.forEach((item, i) => {
    if (i > 0) {
      const last = i === items.length - 1;
      // The Arabic comma for languages written in Arabic script (Persian, Urdu too).
      if (!last) out.push(arabicScript(lang) ? '، ' : ', ');
      else out.push(lang === 'ar' ? ` ${t.and}` : ` ${t.and} `);
    }
    out.push(item);
  });
  return out;
}

export function Byline({
  authors,
  lang,
  t,
  linked = true,
}: {
  authors: LinkView[];
  lang: Edition;
  t: Messages;
  linked?: boolean;
}) {
  if (authors.length === 0) return null;
  const names = authors.map((a) =>
    linked ? (
      // Each name is isolated so an Arabic name in a French line (or the reverse) cannot
      // reorder the words and dates around it.
      <a href={a.href} rel="author" dir="auto">
        {a.label}
      </a>
    ) : (
      <bdi>{a.label}</bdi>
    ),
  );
  return (
    <span class="byline">
      {t.by} {joinNames(names, lang, t)}
    </span>
  );
}
