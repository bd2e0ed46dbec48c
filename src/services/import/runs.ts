// WordPress imports started from the newsroom. The upload is saved under the data folder, a run
// is recorded, and the import goes on in the background of the process that received it; its
// progress is written to the run every second or so, so the progress page works from any
// process. One import at a time. A run cut short (the process stopped) is marked interrupted
// and can be started again: the import resumes where it stopped.
import fs from 'node:fs';
import { Conflict, Forbidden, Invalid, NotFound } from '../../core/errors.ts';
import { can } from '../../core/policies/index.ts';
import type { Person } from '../../core/types.ts';
import type { ImportRun } from '../../db/repositories/auth-contract.ts';
import type { Services } from '../context.ts';
import { importWordPress, rebuildAfterImport } from './run-import.ts';

export interface ImportRunOptions {
  dryRun: boolean;
  skipPingbacks: boolean;
  defaultAuthorEmail?: string;
  uploadsDir?: string;
  categoryBase?: string;
  tagBase?: string;
}

/** A run whose process has not written progress for this long is taken to have stopped. */
export const STALE_AFTER_MS = 2 * 60_000;
const PROGRESS_EVERY_MS = 1000;

function optionsOf(run: ImportRun): ImportRunOptions {
  const o = run.options;
  const text = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : undefined);
  const out: ImportRunOptions = { dryRun: o.dryRun === true, skipPingbacks: o.skipPingbacks === true };
  const author = text('defaultAuthorEmail');
  const uploads = text('uploadsDir');
  const category = text('categoryBase');
  const tag = text('tagBase');
  if (author) out.defaultAuthorEmail = author;
  if (uploads) out.uploadsDir = uploads;
  if (category) out.categoryBase = category;
  if (tag) out.tagBase = tag;
  return out;
}

/** Records a run for an uploaded export; refused while another import is under way. */
export async function queueImport(
  services: Services,
  by: Person,
  input: { fileName: string; filePath: string; options: ImportRunOptions },
  now = new Date(),
): Promise<ImportRun> {
  if (!can(by, { kind: 'import.run' })) throw new Forbidden('forbidden');
  await services.repos.importRuns.markInterrupted(
    new Date(now.getTime() - STALE_AFTER_MS).toISOString(),
    now.toISOString(),
  );
  return services.transaction(async (repos) => {
    if (await repos.importRuns.active()) throw new Conflict('Another import is under way.');
    const run = await repos.importRuns.create({
      fileName: input.fileName,
      filePath: input.filePath,
      options: { ...input.options },
      personId: by.id,
      at: now.toISOString(),
    });
    await repos.audit.record({
      personId: by.id,
      action: 'import.started',
      targetType: 'import',
      targetId: String(run.id),
      details: { file: input.fileName, dryRun: input.options.dryRun },
      ipHash: '',
    });
    return run;
  });
}

/** Queues the same export and options again, for a run that failed or was interrupted. */
export async function retryImport(services: Services, by: Person, runId: number): Promise<ImportRun> {
  const run = await services.repos.importRuns.byId(runId);
  if (!run) throw new NotFound('No such import.');
  if (run.status !== 'failed' && run.status !== 'interrupted')
    throw new Conflict('This import is not stopped.');
  if (!fs.existsSync(run.filePath)) throw new Invalid('The uploaded export is no longer on the server.');
  return queueImport(services, by, {
    fileName: run.fileName,
    filePath: run.filePath,
    options: optionsOf(run),
  });
}

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
    const report = await importWordPress(services, { file: run.filePath, ...optionsOf(run), onProgress });
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
