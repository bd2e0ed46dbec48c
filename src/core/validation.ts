// Outside input is `unknown` until a schema parses it. This is the one place a ZodError becomes
// our own error: `Malformed` (400) naming each field and what is wrong with it, so a request with
// a field given twice, an array where a word belongs, or text past its limit is refused before
// anything runs, and never surfaces as a server error.
import type { z } from 'zod';
import { Malformed } from './errors.ts';

/** What can be wrong with one field, as a stable code the views put into words. */
export type FieldProblem = 'repeated' | 'missing' | 'too_long' | 'too_short' | 'invalid';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw malformedFrom(result.error, value);
}

export function malformedFrom(error: z.ZodError, value: unknown): Malformed {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.map(String).join('.')];
    for (const key of keys) {
      if (fields[key] !== undefined) continue;
      fields[key] = problemOf(issue, valueAt(value, issue.path));
    }
  }
  const named = Object.entries(fields)
    .map(([field, problem]) => `${field || '(body)'}: ${problem}`)
    .join(', ');
  return new Malformed(`Malformed input (${named}).`, fields);
}

function problemOf(issue: z.core.$ZodIssue, given: unknown): FieldProblem {
  if (Array.isArray(given) && issue.code === 'invalid_type') return 'repeated';
  if (given === undefined && issue.code === 'invalid_type') return 'missing';
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'too_small') return given === '' || given === undefined ? 'missing' : 'too_short';
  return 'invalid';
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
