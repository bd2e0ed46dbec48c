// Numbers and days on the readership pages, as the rest of the newsroom writes them: Latin digits
// in Arabic too (core/dates.ts), days named in the page's language, always UTC like the counts.
import type { Lang } from '../../../core/types.ts';
import type { Period } from '../../../services/readership/period.ts';

const LOCALES: Record<Lang, string> = { ar: 'ar-u-nu-latn', fr: 'fr', en: 'en-GB' };

export interface FigureFormat {
  lang: Lang;
  rtl: boolean;
  number(n: number): string;
  /** "4 Dec": under the chart. */
  dayShort(day: string): string;
  /** "4 December 2026": tables and sentences. */
  dayLong(day: string): string;
}

export function figureFormat(lang: Lang): FigureFormat {
  const locale = LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale);
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  return {
    lang,
    rtl: lang === 'ar',
    number: (n) => numbers.format(n),
    dayShort: (day) => short.format(at(day)),
    dayLong: (day) => long.format(at(day)),
  };
}

/** The query string that keeps a period in links: days=N, or from and to. */
export function periodQuery(period: Period): string {
  return period.days !== null ? `days=${period.days}` : `from=${period.from}&to=${period.to}`;
}
