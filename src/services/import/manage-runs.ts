// Imports started from the newsroom (admins): check the options before the upload is kept, start
// a run for a kept upload, start a stopped run again, and mark runs whose process stopped as
// interrupted. One import at a time; each change is audited in the transaction that makes it.
import fs from 'node:fs';
import { z } from 'zod';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import type { ImportRun } from '../../core/import-runs.ts';
import { authorize } from '../../core/policies/index.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { ImportRunOptions, type ImportRunOptionsInput, optionProblems, optionsOfRun } from './options.ts';
import { runImport, STALE_AFTER_MS } from './runs.ts';

/** Refuses options the import would refuse, naming each field; returns them parsed. */
export async function checkImportOptions(
  services: Pick<Services, 'repos'>,
  actor: Actor,
  input: ImportRunOptionsInput,
): Promise<ImportRunOptions> {
  authorize(actor.person, { kind: 'import.run' });
  const options = parseInput(ImportRunOptions, input);
  const problems = await optionProblems(services, options);
  if (Object.keys(problems).length > 0) throw new Invalid('The import options cannot be used.', problems);
  return options;
}

/** Runs left running by a process that stopped become interrupted; returns how many. */
async function markStale(trx: Repositories, actor: Actor, now: Date): Promise<number> {
  const count = await trx.importRuns.markInterrupted(
    new Date(now.getTime() - STALE_AFTER_MS).toISOString(),
    now.toISOString(),
  );
  if (count > 0)
    await recordAudit(trx, actor, {
      action: 'import.interrupted',
      targetType: 'import',
      targetId: '',
      details: { runs: count },
    });
  return count;
}

/** Marks the runs whose process stopped writing progress as interrupted, so they can be retried. */
export async function interruptStaleImports(
  services: Services,
  actor: Actor,
  now = new Date(),
): Promise<number> {
  authorize(actor.person, { kind: 'import.run' });
  return services.transaction((trx) => markStale(trx, actor, now));
}

export const StartImportInput = z.object({
  /** The name the export had on the uploader's computer, shown on the pages. */
  fileName: z.string().trim().min(1).max(200),
  /** Where the upload was kept on this server. */
  filePath: z.string().min(1).max(4096),
  options: ImportRunOptions,
});
export type StartImportInput = z.input<typeof StartImportInput>;

/**
 * Records a run for a kept upload and starts it in the background of this process; refused
 * while another import is under way. `onUnexpected` hears of failures that are not the export's.
 */
export async function startImport(
  services: Services,
  actor: Actor,
  input: StartImportInput,
  onUnexpected?: (err: unknown) => void,
): Promise<ImportRun> {
  authorize(actor.person, { kind: 'import.run' });
  const data = parseInput(StartImportInput, input);
  const problems = await optionProblems(services, data.options);
  if (Object.keys(problems).length > 0) throw new Invalid('The import options cannot be used.', problems);
  const now = new Date();
  const run = await services.transaction(async (trx) => {
    await markStale(trx, actor, now);
    if (await trx.importRuns.active()) throw new Conflict('Another import is under way.');
    const created = await trx.importRuns.create({
      fileName: data.fileName,
      filePath: data.filePath,
      options: { ...data.options },
      personId: actor.person.id,
      at: now.toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'import.started',
      targetType: 'import',
      targetId: created.id,
      details: { file: data.fileName, dryRun: data.options.dryRun },
    });
    return created;
  });
  // Nothing readers see has changed yet; the run announces nothing until it writes.
  void runImport(services, run.id, onUnexpected);
  return run;
}

export const RetryImportInput = z.object({ runId: z.number().int().positive() });
export type RetryImportInput = z.input<typeof RetryImportInput>;

/** Starts the same export with the same options again, for a run that failed or was interrupted. */
export async function retryImport(
  services: Services,
  actor: Actor,
  input: RetryImportInput,
  onUnexpected?: (err: unknown) => void,
): Promise<ImportRun> {
  authorize(actor.person, { kind: 'import.run' });
  const { runId } = parseInput(RetryImportInput, input);
  const run = await services.repos.importRuns.byId(runId);
  if (!run) throw new NotFound('No such import.');
  if (run.status !== 'failed' && run.status !== 'interrupted')
    throw new Conflict('This import is not stopped.');
  if (!fs.existsSync(run.filePath)) throw new Invalid('The uploaded export is no longer on the server.');
  return startImport(
    services,
    actor,
    { fileName: run.fileName, filePath: run.filePath, options: optionsOfRun(run.options) },
    onUnexpected,
  );
}
