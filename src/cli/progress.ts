// Progress bars on stderr for the long commands (backup, restore, export, import), one bar per
// step, redrawn in place. Only on a terminal: scripts, logs and tests read stdout and get the
// summary line alone, with nothing on stderr but errors and warnings.
import { createRequire } from 'node:module';
import type { Options, SingleBar } from 'cli-progress';

/**
 * A bar from cli-progress, loaded on first use: every command shares one program file, and a
 * serving process would otherwise load it for nothing.
 */
export function singleBar(options: Options): SingleBar {
  const { SingleBar } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
  return new SingleBar(options);
}

/** What the steps are called on screen. */
const LABELS: Record<string, string> = {
  checksums: 'Checking files',
  archive: 'Archiving',
  tables: 'Tables',
  media: 'Media files',
  items: 'Importing',
};

export interface ProgressBars {
  /** Undefined when stderr is not a terminal, so that callers pass no hook at all. */
  onProgress: ((step: string, done: number, total: number) => void) | undefined;
  /** Ends the bar in progress (also on failure, so the cursor comes back). */
  stop(): void;
}

export function progressBars(stream: NodeJS.WriteStream = process.stderr): ProgressBars {
  if (!stream.isTTY) return { onProgress: undefined, stop: () => {} };
  let bar: SingleBar | null = null;
  let current = '';
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    onProgress(step, done, total) {
      if (step !== current || !bar) {
        stop();
        current = step;
        bar = singleBar({
          format: `${(LABELS[step] ?? step).padEnd(14)} [{bar}] {value}/{total} | {eta_formatted} left`,
          hideCursor: true,
          stream,
        });
        bar.start(total, 0);
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop,
  };
}
