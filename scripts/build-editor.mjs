#!/usr/bin/env node
// Bundles the article editor island (src/web/editor/main.ts with TipTap and ProseMirror) into
// src/web/assets/editor.min.js, git-ignored. npm runs it on install ("prepare"); run it by hand
// with `npm run build:editor`. Needs tsx for the TypeScript build settings: node --import tsx.
import { gzipSync } from 'node:zlib';
import { EDITOR_BUNDLE_PATH, writeEditorBundle } from '../src/web/editor/bundle.ts';

const started = Date.now();
const code = await writeEditorBundle();
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `editor: ${EDITOR_BUNDLE_PATH} ${kib(code.byteLength)} minified, ${kib(gzipSync(code, { level: 9 }).byteLength)} gzipped (${Date.now() - started} ms)`,
);
