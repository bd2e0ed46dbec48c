// Dates as readers see them: the Gregorian date and the Hijri date (Umm al-Qura calendar,
// the one Arabic newsrooms print), in the page language, with Western digits as Sahel and
// Maghreb papers use them.

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

// The three interface languages as their readers are used to; any other edition as CLDR writes
// its language (Persian with Persian digits and month names, Hausa with Hausa ones).
const LOCALES: Record<string, string> = { ar: 'ar-u-nu-latn', fr: 'fr', en: 'en-GB' };

// An article's dates are written on its page and on every card that lists it, in the same few
// languages and one time zone: formatting them (two calendars) is kept for the last few thousand.
const written = new Map<string, DisplayDate>();
const WRITTEN_KEPT = 4000;

/** `lang`: an edition (any BCP 47 tag). */
export function displayDate(iso: string, lang: string, timeZone = 'UTC', withTime = false): DisplayDate {
  const key = `${iso}|${lang}|${timeZone}|${withTime ? 1 : 0}`;
  const known = written.get(key);
  if (known) return known;
  const shown = writeDate(iso, lang, timeZone, withTime);
  // Oldest first out: a Map iterates in insertion order.
  if (written.size >= WRITTEN_KEPT) written.delete(written.keys().next().value!);
  written.set(key, shown);
  return shown;
}

function writeDate(iso: string, lang: string, timeZone: string, withTime: boolean): DisplayDate {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${iso}`);
  const base = LOCALES[lang] ?? lang;
  return Object.freeze({
    iso: date.toISOString(),
    gregorian: formatter(base, timeZone, withTime).format(date),
    hijri: formatter(
      `${base.split('-u-')[0]}-u-ca-islamic-umalqura${lang === 'ar' ? '-nu-latn' : ''}`,
      timeZone,
      false,
    ).format(date),
  });
}

/**
 * The UTC instant of a wall-clock time in a time zone ("2026-12-01T09:30" in Africa/Niamey).
 * Found by measuring the zone's offset at that moment, twice, so days when clocks change
 * land on the right side.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(asUtc)) return null;
  let guess = asUtc - offsetMs(asUtc, timeZone);
  guess = asUtc - offsetMs(guess, timeZone);
  return new Date(guess);
}

/** The wall-clock form ("2026-12-01T09:30") of an instant in a time zone, for datetime-local inputs. */
export function utcToZonedInput(iso: string, timeZone: string): string {
  const parts = zonedParts(new Date(iso).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

function offsetMs(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

function zonedParts(instant: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const get = (type: string) => Number(f.formatToParts(instant).find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}
