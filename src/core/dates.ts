// Dates as readers see them: the Gregorian date and the Hijri date (Umm al-Qura calendar,
// the one Arabic newsrooms print), in the page language, with Western digits as Sahel and
// Maghreb papers use them.
import type { Lang } from './types.ts';

export interface DisplayDate {
  iso: string;
  gregorian: string;
  hijri: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

const LOCALES: Record<Lang, string> = { ar: 'ar-u-nu-latn', fr: 'fr', en: 'en-GB' };

export function displayDate(iso: string, lang: Lang, timeZone = 'UTC', withTime = false): DisplayDate {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${iso}`);
  const base = LOCALES[lang];
  return {
    iso: date.toISOString(),
    gregorian: formatter(base, timeZone, withTime).format(date),
    hijri: formatter(
      `${base.split('-u-')[0]}-u-ca-islamic-umalqura${lang === 'ar' ? '-nu-latn' : ''}`,
      timeZone,
      false,
    ).format(date),
  };
}
