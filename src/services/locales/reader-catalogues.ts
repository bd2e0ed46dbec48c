// The interface-text catalogues of languages beyond ar/fr/en, read from disk once at startup:
// those shipped in src/locales/reader/ (fa.json, …) and an operator's own in the folder named by
// MIDAD_LOCALES_DIR, whose file for a language replaces the shipped one. A bad file stops the
// start with its name and reason (core/i18n/catalogue.ts), never a page later.
import fs from 'node:fs';
import path from 'node:path';
import { CatalogueError, type FurtherCatalogue, installCatalogues, readCatalogue } from '../../core/i18n.ts';
import { LANGUAGES } from '../../core/types.ts';
import { SOURCE_DIR } from '../../paths.ts';

export const SHIPPED_CATALOGUES = path.join(SOURCE_DIR, 'locales', 'reader');

/** Reads and checks one catalogue file; its name is its language (fa.json, fa-AF.json). */
export function readCatalogueFile(file: string): FurtherCatalogue {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CatalogueError(
      `${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CatalogueError(`${file}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return readCatalogue(path.basename(file, '.json'), data, file);
}

/** The catalogue files of further languages: shipped first, then the operator's folder. */
export function catalogueFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const builtIn = new Set(LANGUAGES.map((lang) => `${lang}.json`));
  const shipped = fs.existsSync(SHIPPED_CATALOGUES)
    ? jsonFilesIn(SHIPPED_CATALOGUES).filter((f) => !builtIn.has(path.basename(f)))
    : [];
  const own = env.MIDAD_LOCALES_DIR;
  if (!own) return shipped;
  if (!fs.statSync(own, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CatalogueError(`MIDAD_LOCALES_DIR=${own}: no such folder`);
  }
  return [...shipped, ...jsonFilesIn(own)];
}

function jsonFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Reads every further catalogue and makes them the ones `messagesFor` uses. */
export function installReaderCatalogues(env: NodeJS.ProcessEnv = process.env): FurtherCatalogue[] {
  const byTag = new Map<string, FurtherCatalogue>();
  for (const file of catalogueFiles(env)) {
    const catalogue = readCatalogueFile(file);
    byTag.set(catalogue.tag, catalogue);
  }
  const catalogues = [...byTag.values()];
  installCatalogues(catalogues);
  return catalogues;
}
