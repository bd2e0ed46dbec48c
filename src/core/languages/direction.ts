// A language's writing direction from its script, as CLDR says (Intl.Locale text info), never
// from a hand-kept list: "ha" is Latin (ltr), "ha-Arab" Ajami (rtl), "ff-Adlm" Adlam (rtl).

export type Direction = 'rtl' | 'ltr';

const cache = new Map<string, Direction>();

interface TextInfoLocale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

function textDirection(locale: Intl.Locale): Direction | null {
  // Node 24 has getTextInfo(); some engines only the older `textInfo` getter.
  const l = locale as unknown as TextInfoLocale;
  const info = typeof l.getTextInfo === 'function' ? l.getTextInfo() : l.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : info?.direction === 'ltr' ? 'ltr' : null;
}

/** rtl or ltr for a language tag; a tag Intl cannot read is ltr. */
export function directionOf(tag: string): Direction {
  const hit = cache.get(tag);
  if (hit) return hit;
  let dir: Direction = 'ltr';
  try {
    // The likely script first: text info of a bare, rarely used language may not know it.
    const locale = new Intl.Locale(tag);
    dir = textDirection(locale.maximize()) ?? textDirection(locale) ?? 'ltr';
  } catch {
    dir = 'ltr';
  }
  if (cache.size < 1000) cache.set(tag, dir);
  return dir;
}
