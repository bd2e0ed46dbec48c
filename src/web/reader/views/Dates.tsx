// Dates: a machine-readable <time> with the Gregorian date, and the Hijri date beside it.
import type { DateView } from '../view-models.ts';
import { metaSeparator } from './util.ts';

/** Gregorian only, for compact places (cards, comments). */
export function ShortDate({ date }: { date: DateView }) {
  return <time datetime={date.iso}>{date.gregorian}</time>;
}

/** Gregorian and Hijri, with an optional leading label ("published"). */
export function DualDate({ date, label, lang }: { date: DateView; label?: string; lang: string }) {
  return (
    <span class="date">
      {label ? <span class="date-label">{label} </span> : null}
      <time datetime={date.iso}>{date.gregorian}</time>
      {date.hijri ? (
        <>
          <span class="date-sep" aria-hidden="true">
            {metaSeparator(lang)}
          </span>
          <span class="hijri">{date.hijri}</span>
        </>
      ) : null}
    </span>
  );
}
