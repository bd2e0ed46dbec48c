// The choices an import is made with, as the newsroom form and `midad import wordpress` give
// them: one schema for both, and one check that the folder, the bases and the author exist.
import fs from 'node:fs';
import { z } from 'zod';
import type { Services } from '../context.ts';
import { Invalid } from '../../core/errors.ts';
import { checkLanguageTag } from '../../core/languages/tags.ts';

/** A permalink base as WordPress stores it, slashes trimmed; "" or absent means the default. */
export function permalinkBase(value: string | undefined, fallback: string, flag: string): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return fallback;
  const segments = trimmed.split('/');
  const wellFormed = segments.every((s) => /^[\p{L}\p{N}._%-]+$/u.test(s) && s !== '.' && s !== '..');
  if (!wellFormed) {
    throw new Invalid(
      `${flag}: "${value}" is not a permalink base (letters, digits, - and /, e.g. "rubrique").`,
    );
  }
  return trimmed;
}

/** Absent, or text; an empty field means the default. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const ImportRunOptions = z.object({
  dryRun: z.boolean().default(false),
  skipPingbacks: z.boolean().default(false),
  /** E-mail of an existing person who gets the posts whose author is unknown. */
  defaultAuthorEmail: optionalText(254),
  /** The old site's wp-content/uploads folder on this server. */
  uploadsDir: optionalText(1024),
  /** The old site's category base when it was not "category" (Settings → Permalinks). */
  categoryBase: optionalText(200),
  /** The old site's tag base when it was not "tag". */
  tagBase: optionalText(200),
  /** One language (BCP 47) for every post, instead of the export's and the text's. */
  language: optionalText(64),
});
export type ImportRunOptions = z.output<typeof ImportRunOptions>;
export type ImportRunOptionsInput = z.input<typeof ImportRunOptions>;

/** What is wrong with an option: the folder is not there, a base is no path, nobody has the e-mail. */
export type OptionProblem = 'no_folder' | 'invalid' | 'unknown_person';

/** The options the import would refuse, by field, checked before a byte of the export is kept. */
export async function optionProblems(
  services: Pick<Services, 'repos'>,
  options: ImportRunOptions,
): Promise<Partial<Record<keyof ImportRunOptions, OptionProblem>>> {
  const problems: Partial<Record<keyof ImportRunOptions, OptionProblem>> = {};
  if (
    options.uploadsDir !== undefined &&
    !fs.statSync(options.uploadsDir, { throwIfNoEntry: false })?.isDirectory()
  )
    problems.uploadsDir = 'no_folder';
  for (const key of ['categoryBase', 'tagBase'] as const) {
    try {
      permalinkBase(options[key], 'x', key);
    } catch {
      problems[key] = 'invalid';
    }
  }
  if (options.language !== undefined && !checkLanguageTag(options.language).ok) problems.language = 'invalid';
  if (
    options.defaultAuthorEmail !== undefined &&
    !(await services.repos.people.byEmail(options.defaultAuthorEmail))
  )
    problems.defaultAuthorEmail = 'unknown_person';
  return problems;
}

/** The options a run was stored with; anything unexpected in storage counts as absent. */
export function optionsOfRun(stored: Record<string, unknown>): ImportRunOptions {
  const text = (k: string) =>
    typeof stored[k] === 'string' && stored[k] !== '' ? (stored[k] as string) : undefined;
  return {
    dryRun: stored.dryRun === true,
    skipPingbacks: stored.skipPingbacks === true,
    defaultAuthorEmail: text('defaultAuthorEmail'),
    uploadsDir: text('uploadsDir'),
    categoryBase: text('categoryBase'),
    tagBase: text('tagBase'),
    language: text('language'),
  };
}
