// `midad locales check [file...]`: lets a translator validate a catalogue of interface text
// (docs/languages.md, "Interface text") before a server reads it. Without files it checks those
// the server would read: src/locales/reader/ and MIDAD_LOCALES_DIR.
import type { Command } from 'commander';
import { CatalogueError, coverageOf, type FurtherCatalogue, REFERENCE } from '../core/i18n.ts';
import { suggestedFallback } from '../core/languages/choices.ts';
import { LANGUAGES, type Lang } from '../core/types.ts';
import { catalogueFiles, readCatalogueFile } from '../services/locales/reader-catalogues.ts';

interface CheckOptions {
  fallback?: string;
}

export function registerLocales(program: Command): void {
  const locales = program.command('locales').description('interface text in further languages');
  locales
    .command('check')
    .description('check catalogue files of interface text and show which keys fall back')
    .argument('[file...]', 'catalogue files (default: src/locales/reader/ and MIDAD_LOCALES_DIR)')
    .option('--fallback <lang>', `the language missing keys come from (${LANGUAGES.join(', ')})`)
    .action((files: string[], options: CheckOptions) => {
      const fallback = options.fallback === undefined ? null : interfaceLang(options.fallback);
      const chosen = files.length > 0 ? files : catalogueFiles();
      if (chosen.length === 0) {
        process.stdout.write('No catalogue beyond the built-in ar, fr and en.\n');
        return;
      }
      let bad = 0;
      for (const file of chosen) {
        try {
          process.stdout.write(`${summary(readCatalogueFile(file), fallback)}\n`);
        } catch (err) {
          if (!(err instanceof CatalogueError)) throw err;
          process.stderr.write(`midad: ${err.message}\n`);
          bad += 1;
        }
      }
      if (bad > 0) process.exitCode = 1;
    });
}

function summary(catalogue: FurtherCatalogue, chosen: Lang | null): string {
  const { translated, missing } = coverageOf(catalogue);
  const fallback = chosen ?? suggestedFallback(catalogue.tag);
  const head = `${catalogue.file} (${catalogue.tag}): ${translated.length} of ${REFERENCE.size} keys translated`;
  if (missing.length === 0) return head;
  return `${head}; ${missing.length} fall back to ${fallback}: ${missing.join(', ')}`;
}

function interfaceLang(value: string): Lang {
  if ((LANGUAGES as readonly string[]).includes(value)) return value as Lang;
  throw new CatalogueError(`--fallback ${value}: the fallback is one of ${LANGUAGES.join(', ')}`);
}
