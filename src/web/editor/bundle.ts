// Builds the editor island for the browser. This module runs on the server and in
// scripts/build-editor.mjs; it is not part of the bundle itself. The bundle is written to
// src/web/assets/editor.min.js (git-ignored) at install time, and the server builds it in memory
// when that file is missing or older than the sources, so a fresh clone and an edited source
// both serve the right code without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';
import { SOURCE_DIR } from '../../paths.ts';

// From the project root, not from this module: it also runs compiled into dist/.
const HERE = path.join(SOURCE_DIR, 'web', 'editor');
export const EDITOR_BUNDLE_PATH = path.join(HERE, '..', 'assets', 'editor.min.js');

// Loaded on first use: a serving process only builds when the bundle file is stale, and esbuild
// costs about 10 MB of memory in every worker that loads it.
const loadEsbuild = (): typeof Esbuild => createRequire(import.meta.url)('esbuild');

const OPTIONS: Esbuild.BuildOptions = {
  entryPoints: [path.join(HERE, 'main.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  // Phones a few years old (Chromium 80+, Safari 14+) read ES2020 without a transpiled runtime.
  target: 'es2020',
  legalComments: 'none',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
  write: false,
};

function sourcesChangedAt(): number {
  let latest = 0;
  for (const name of fs.readdirSync(HERE)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name === 'bundle.ts') continue;
    latest = Math.max(latest, fs.statSync(path.join(HERE, name)).mtimeMs);
  }
  return latest;
}

/** Builds and writes the bundle file; returns it. */
export async function writeEditorBundle(): Promise<Buffer> {
  const result = await loadEsbuild().build(OPTIONS);
  const code = Buffer.from(result.outputFiles?.[0]?.contents ?? new Uint8Array());
  fs.writeFileSync(EDITOR_BUNDLE_PATH, code);
  return code;
}

let built: { at: number; code: Buffer } | null = null;

/** The bundle to serve: the file when it is current, else a build in memory (kept for the process). */
export function editorBundle(): Buffer {
  const changed = sourcesChangedAt();
  const file = fs.existsSync(EDITOR_BUNDLE_PATH) ? fs.statSync(EDITOR_BUNDLE_PATH) : null;
  if (file && file.mtimeMs >= changed) return fs.readFileSync(EDITOR_BUNDLE_PATH);
  if (built && built.at >= changed) return built.code;
  const result = loadEsbuild().buildSync(OPTIONS);
  const code = Buffer.from(result.outputFiles?.[0]?.contents ?? new Uint8Array());
  built = { at: changed, code };
  return code;
}
