// Progress bars on stderr for the long commands (backup, restore, export, import), one bar per
// step, redrawn in place. Only on a terminal: scripts, logs and tests read stdout and get the
// summary line alone, with nothing on stderr but errors and warnings.
import { SingleBar } from 'cli-progress';

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
        bar = new SingleBar({
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
