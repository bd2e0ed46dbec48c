// How many serving processes `midad serve` runs: --workers, else MIDAD_WORKERS, else one per
// core. One is the single process of before (no primary, no IPC). Zero, negative or non-numeric
// values are refused in one line; more workers than cores are allowed (a machine shared with a
// database, or a test) but said, since they only add memory and context switches.
import os from 'node:os';
import { SetupError } from '../../core/errors.ts';

/** Above this, a typo (100 for 10) rather than a plan: each worker holds its own page cache. */
export const MAX_WORKERS = 64;

export interface WorkerCount {
  count: number;
  /** Set when more workers than cores were asked for. */
  warning?: string;
}

export function parseWorkerCount(
  flag: string | undefined,
  env: string | undefined,
  cores: number = os.availableParallelism(),
): WorkerCount {
  const [raw, source] =
    flag !== undefined
      ? [flag, '--workers']
      : env !== undefined && env.trim() !== ''
        ? [env, 'MIDAD_WORKERS']
        : [];
  if (raw === undefined || source === undefined) return { count: Math.max(1, cores) };
  const text = raw.trim();
  if (!/^\d+$/.test(text)) {
    throw new SetupError(`${source} must be a whole number of processes (1 or more), got "${raw}".`);
  }
  const count = Number(text);
  if (count < 1) throw new SetupError(`${source} must be 1 or more, got ${text}.`);
  if (count > MAX_WORKERS) throw new SetupError(`${source} must be at most ${MAX_WORKERS}, got ${text}.`);
  if (count > cores) {
    return {
      count,
      warning: `${count} workers on ${cores} core${cores === 1 ? '' : 's'}: more processes than cores add memory, not speed`,
    };
  }
  return { count };
}
