// The one wording for a file a command reads (a backup, an export, a WordPress export) that is
// missing, a folder or unreadable, checked before anything is opened or created.
import fs from 'node:fs';
import path from 'node:path';
import { Invalid } from '../core/errors.ts';

export function requireInputFile(file: string): string {
  const full = path.resolve(file);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) throw new Invalid(`The file ${full} does not exist.`);
  if (!stat.isFile()) throw new Invalid(`${full} is a folder, not a file.`);
  try {
    fs.accessSync(full, fs.constants.R_OK);
  } catch (err) {
    throw new Invalid(`The file ${full} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return full;
}
