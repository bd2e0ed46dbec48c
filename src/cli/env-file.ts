// Settings from a `.env` file in the working folder, read before any configuration is: one
// NAME=value a line, as systemd's EnvironmentFile, Docker and most hosting tools write them.
// Node's own parser (process.loadEnvFile) loads it, and a variable already set in the
// environment wins over the file. Node skips lines it cannot read without a word, so the file
// is checked first: a typo would otherwise leave a setting at its default, unnoticed.
import fs from 'node:fs';
import path from 'node:path';
import { SetupError } from '../core/errors.ts';

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=(.*)$/;

export function loadEnvFile(dir: string = process.cwd()): string | null {
  const file = path.join(dir, '.env');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new SetupError(`${file} cannot be read (${code ?? (err as Error).message}).`);
  }
  const problem = findProblem(text);
  // The line is named, never shown: it may hold a password.
  if (problem) throw new SetupError(`${file}, line ${problem.line}: ${problem.message}`);
  process.loadEnvFile(file);
  return file;
}

/** The first line that is not blank, a # comment, or NAME=value (a quoted value may span lines). */
function findProblem(text: string): { line: number; message: string } | null {
  const lines = text.split(/\r?\n/);
  let open: { quote: string; line: number } | null = null;
  for (const [i, line] of lines.entries()) {
    if (open) {
      if (line.includes(open.quote)) open = null;
      continue;
    }
    if (/^\s*(#.*)?$/.test(line)) continue;
    const value = ASSIGNMENT.exec(line)?.[1];
    if (value === undefined) return { line: i + 1, message: 'expected NAME=value.' };
    const trimmed = value.trimStart();
    const quote = trimmed[0];
    if ((quote === '"' || quote === "'" || quote === '`') && !trimmed.slice(1).includes(quote)) {
      open = { quote, line: i + 1 };
    }
  }
  return open ? { line: open.line, message: `the quoted value is never closed (${open.quote}).` } : null;
}
