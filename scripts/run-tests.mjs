#!/usr/bin/env node
// Runs every test file (src/**/*.test.ts[x] beside the code, test/**/*.test.ts) with node's
// test runner. Node 20 does not expand globs in `node --test`, so the files are listed here.
// Extra arguments are passed through (e.g. --test-name-pattern=...); a folder or file given
// as argument narrows the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const roots = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));

function testFiles(root) {
  if (fs.statSync(root).isFile()) return [root];
  return fs
    .readdirSync(root, { recursive: true })
    .map((f) => path.join(root, String(f)))
    .filter((f) => /\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
    .sort();
}

const files = (roots.length > 0 ? roots : ['src', 'test']).flatMap(testFiles);
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
