// Rendering a message with values. A message that takes values reaches the views as its ICU
// source, so `t.key` stays a string at every call site and `format(t.key, values)` finds the
// form compiled when the catalogue was read, by that source: nothing is parsed per request.
import type { IntlMessageFormat } from 'intl-messageformat';
import type { CompiledMessage } from './catalogue.ts';

interface Ready {
  compiled: IntlMessageFormat;
  /** The one placeholder of a counted phrase ({n}), whose results are kept by number. */
  count: string | null;
  byCount: Map<number, string>;
}

// Picking a plural branch costs about a microsecond; counts on a page (reading minutes, comments,
// photos) are small numbers that repeat, so each message keeps what it gave for them.
const KEPT_COUNTS = 1000;

const readyBySource = new Map<string, Ready>();

/** What `t.key` holds: the finished text, or the source that `format` recognises. */
export function textOf(message: CompiledMessage): string {
  if (message.placeholders.length === 0) return String(message.compiled.format());
  // The same source in two catalogues renders the same, but for which plural rule picks a
  // branch; the first catalogue read (the built-in ones come first) keeps it.
  if (!readyBySource.has(message.source)) {
    readyBySource.set(message.source, {
      compiled: message.compiled,
      count: message.placeholders.length === 1 ? message.placeholders[0]! : null,
      byCount: new Map(),
    });
  }
  return message.source;
}

/**
 * Fills a template's placeholders: a catalogue message through ICU (plural branches and all),
 * any other text's `{name}` by simple replacement, leaving names without a value as they are.
 */
export function format(template: string, values: Record<string, string | number>): string {
  const ready = readyBySource.get(template);
  if (ready) {
    const n = ready.count === null ? undefined : values[ready.count];
    const kept = typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < KEPT_COUNTS;
    if (kept) {
      const known = ready.byCount.get(n);
      if (known !== undefined) return known;
    }
    try {
      const text = String(ready.compiled.format(values));
      if (kept) ready.byCount.set(n, text);
      return text;
    } catch {
      // A value missing or of a kind the message cannot take (text where a plural wants a
      // number): the reader gets the text with its values, as replacement gives it, not an error page.
    }
  }
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
