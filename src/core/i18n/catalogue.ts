// One interface-text catalogue: a flat JSON object of key → ICU MessageFormat message
// (src/locales/reader/*.json, docs/languages.md "Interface text"). Everything that can be wrong
// with a translator's file is found here, when the file is read, never while a page renders:
// a file that is not an object, a key the reference does not have, a value that is not text,
// ICU syntax that does not parse, or placeholders other than the reference's.
import { IntlMessageFormat } from 'intl-messageformat';
import { MidadError } from '../errors.ts';

export class CatalogueError extends MidadError {
  readonly status = 500;
  readonly code = 'catalogue_invalid';
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

// The parser's element kinds (TYPE in @formatjs/icu-messageformat-parser), by value.
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

/** A message compiled once for one locale, with the names of the values it takes. */
export interface CompiledMessage {
  source: string;
  compiled: IntlMessageFormat;
  /** Sorted; empty for text that takes no values. */
  placeholders: readonly string[];
}

/** The placeholders each key of the reference catalogue takes. */
export type Reference = ReadonlyMap<string, readonly string[]>;

export function compileMessage(source: string, locale: string, file: string, key: string): CompiledMessage {
  let compiled: IntlMessageFormat;
  try {
    // Markup is text here: the views escape it, and `<` in a message is no tag.
    compiled = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
  } catch (err) {
    throw new CatalogueError(
      `${file}: "${key}" is not valid ICU MessageFormat (${err instanceof Error ? err.message : String(err)}): ${source}`,
    );
  }
  return { source, compiled, placeholders: [...placeholdersOf(compiled.getAst())].sort() };
}

function placeholdersOf(elements: readonly Element[], names = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === ARGUMENT || el.type === NUMBER || el.type === DATE || el.type === TIME)
      names.add(el.value);
    if (el.type === SELECT || el.type === PLURAL) {
      names.add(el.value);
      for (const option of Object.values(el.options)) placeholdersOf(option.value, names);
    }
    if (el.type === TAG) placeholdersOf(el.children, names);
  }
  return names;
}

/**
 * Checks and compiles a catalogue read from `file`. Keys it leaves out are allowed (they fall
 * back); with `complete`, every key of the reference must be there.
 */
export function compileCatalogue(
  data: unknown,
  locale: string,
  file: string,
  reference: Reference | null,
  complete = false,
): Map<string, CompiledMessage> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CatalogueError(`${file}: a catalogue is one JSON object of key → message, not ${kindOf(data)}`);
  }
  const messages = new Map<string, CompiledMessage>();
  for (const [key, value] of Object.entries(data)) {
    const expected = reference?.get(key);
    if (reference && !expected)
      throw new CatalogueError(`${file}: "${key}" is not a key of the interface text`);
    if (typeof value !== 'string') {
      throw new CatalogueError(`${file}: "${key}" must be text (a JSON string), not ${kindOf(value)}`);
    }
    const message = compileMessage(value, locale, file, key);
    if (expected && expected.join() !== message.placeholders.join()) {
      throw new CatalogueError(
        `${file}: "${key}" takes ${listOf(message.placeholders)} but the Arabic text takes ${listOf(expected)}`,
      );
    }
    messages.set(key, message);
  }
  if (complete && reference) {
    const missing = [...reference.keys()].filter((key) => !messages.has(key));
    if (missing.length > 0) throw new CatalogueError(`${file}: keys missing: ${missing.join(', ')}`);
  }
  return messages;
}

export function referenceOf(messages: ReadonlyMap<string, CompiledMessage>): Reference {
  return new Map([...messages].map(([key, m]) => [key, m.placeholders]));
}

function listOf(names: readonly string[]): string {
  return names.length === 0 ? 'no placeholder' : names.map((n) => `{${n}}`).join(', ');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
