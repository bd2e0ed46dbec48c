// The service worker's script: assets/sw.js behind one line of configuration. The version is
// a hash of everything the worker keeps (asset names carry their content's hash, the offline
// pages show the site's name and sections), so a deploy or a settings change yields new bytes,
// and browsers, which compare the script byte for byte, install the new worker.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SOURCE_DIR } from '../../../paths.ts';

export interface WorkerConfig {
  /** Files the worker keeps from its installation on: stylesheet, scripts, icons. */
  shell: string[];
  /** The offline page of each language the site serves, by language. */
  offline: Record<string, string>;
  /** How many articles a device keeps. */
  keep: number;
  /** Anything else that changes what the kept pages look like (site name, sections). */
  frame: unknown;
}

let source: string | null = null;

export function serviceWorkerScript(config: WorkerConfig): { body: string; version: string } {
  source ??= fs.readFileSync(path.join(SOURCE_DIR, 'web', 'assets', 'sw.js'), 'utf8');
  const { frame, ...kept } = config;
  const version = createHash('sha256')
    .update(JSON.stringify({ kept, frame }))
    .update(source)
    .digest('hex')
    .slice(0, 16);
  // JSON is a JavaScript expression; "<" cannot matter in a script served on its own.
  const body = `self.midad = ${JSON.stringify({ version, ...kept })};\n${source}`;
  return { body, version };
}
