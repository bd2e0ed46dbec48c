// Rendering a message with values. A message that takes values reaches the views as its ICU
// source, so `t.key` stays a string at every call site and `format(t.key, values)` finds the
// form compiled when the catalogue was read, by that source: nothing is parsed per request.
import type { IntlMessageFormat } from 'intl-messageformat';
import type { CompiledMessage } from './catalogue.ts';

const compiledBySource = new Map<string, IntlMessageFormat>();

/** What `t.key` holds: the finished text, or the source that `format` recognises. */
export function textOf(message: CompiledMessage): string {
  if (message.placeholders.length === 0) return String(message.compiled.format());
  // The same source in two catalogues renders the same, but for which plural rule picks a
  // branch; the first catalogue read (the built-in ones come first) keeps it.
  if (!compiledBySource.has(message.source)) compiledBySource.set(message.source, message.compiled);
  return message.source;
}

/**
 * Fills a template's placeholders: a catalogue message through ICU (plural branches and all),
 * any other text's `{name}` by simple replacement, leaving names without a value as they are.
 */
export function format(template: string, values: Record<string, string | number>): string {
  const compiled = compiledBySource.get(template);
  if (compiled) {
    try {
      return String(compiled.format(values));
    } catch {
      // A value missing or of a kind the message cannot take (text where a plural wants a
      // number): the reader gets the text with its values, as replacement gives it, not an error page.
    }
  }
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
