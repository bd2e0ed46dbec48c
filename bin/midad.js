#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-old-space-size=256 --max-semi-space-size=4 --no-concurrent-recompilation
// Memory settings, the same in `npm start` and the systemd unit of docs/operations.md:
// - the heap limit: V8 otherwise lets the heap grow well past what Midad keeps alive (a 10,000-post
//   import peaked above 300 MB with it, 222 MB without); everything large (the page cache,
//   images, export files) lives outside the heap or is streamed;
// - a 4 MB young generation instead of 16: rendering a page leaves little alive, so the larger
//   one only held ~30 MB more under load, with no gain in requests per second (bench/soak);
// - two malloc arenas: compression of cached pages runs on libuv's threads, and an arena per
//   thread kept ~30 MB of freed memory (bench/soak, 200 readers: 295 MB → 233 MB with both);
// - optimising compilation on the main thread: V8 otherwise queues hot functions for compiler
//   threads in the first seconds under load, and the memory their jobs took stayed with the
//   process (peak median 190 → 174 MB per worker under the uncached-article load); the code
//   is the same once compiled, so only those first seconds pay for it.
// Runs the compiled program (dist/midad.mjs, built on install) when it is newer than every source
// file; otherwise tsx compiles the TypeScript sources in memory, so an edited checkout runs
// without a build step. MIDAD_FROM_SOURCE=1 always runs the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'midad.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (process.env.MIDAD_FROM_SOURCE === '1') return false;
  const built = fs.statSync(compiled, { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= newestSource(path.join(root, 'src'));
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import(pathToFileURL(compiled).href));
} else {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig by path: tsx would otherwise look for one in the working directory,
  // and without its JSX settings every page fails when midad is started from elsewhere.
  register({ tsconfig: path.join(root, 'tsconfig.json') });
  ({ main } = await import('../src/cli/main.ts'));
}
await main(process.argv);
