// Running an import started from the newsroom. The run was recorded by `startImport`; the import
// goes on in the background of the process that received it, and its progress is written to the
// run every second or so, so the progress page works from any process. A run whose process
// stopped writing is taken to be interrupted (see `interruptStaleImports`).
import { Invalid } from '../../core/errors.ts';
import type { Services } from '../context.ts';
import { optionsOfRun } from './options.ts';
import { importWordPress, rebuildAfterImport } from './run-import.ts';

/** A run whose process has not written progress for this long is taken to have stopped. */
export const STALE_AFTER_MS = 2 * 60_000;
const PROGRESS_EVERY_MS = 1000;

/**
 * Runs a queued import to its end; never throws: the outcome is written to the run, and an
 * unexpected error also goes to `onUnexpected` (the server's log). Resolves when the import is
 * over; the request that queued it does not wait.
 */
export async function runImport(
  services: Services,
  runId: number,
  onUnexpected: (err: unknown) => void = () => {},
): Promise<void> {
  const { importRuns } = services.repos;
  if (!(await importRuns.start(runId, new Date().toISOString()))) return;
  const run = await importRuns.byId(runId);
  if (!run) return;
  let lastWrite = 0;
  let latest = { done: 0, total: 0 };
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    lastWrite = Date.now();
    const { done, total } = latest;
    writing = writing
      .then(() => importRuns.progress(runId, done, total, new Date().toISOString()))
      .catch(() => {});
  };
  const onProgress = (done: number, total: number) => {
    latest = { done, total };
    if (Date.now() - lastWrite >= PROGRESS_EVERY_MS || done >= total) write();
  };
  // While the export is being read there is no progress to report; the heartbeat tells other
  // processes this one is still at work.
  const heartbeat = setInterval(write, STALE_AFTER_MS / 4);
  heartbeat.unref();
  try {
    const report = await importWordPress(services, {
      file: run.filePath,
      ...optionsOfRun(run.options),
      onProgress,
    });
    if (!report.dryRun) await rebuildAfterImport(services);
    await writing;
    await importRuns.finish(runId, { status: 'done', report }, new Date().toISOString());
  } catch (err) {
    await writing;
    // Problems with the export or the options are the operator's to fix and are shown as they
    // are; anything else is logged by the caller and shown as a generic failure.
    const message =
      err instanceof Invalid
        ? err.message.replaceAll(run.filePath, run.fileName)
        : 'The import stopped because of an unexpected error.';
    await importRuns.finish(runId, { status: 'failed', error: message }, new Date().toISOString());
    if (!(err instanceof Invalid)) onUnexpected(err);
  } finally {
    clearInterval(heartbeat);
    // The person who started the run is the one the audit log names for its end.
    await services.repos.audit
      .record({
        personId: run.personId,
        action: 'import.finished',
        targetType: 'import',
        targetId: String(runId),
        details: { status: (await importRuns.byId(runId))?.status ?? 'unknown' },
        ipHash: '',
      })
      .catch(() => {});
  }
}
