import type { Kysely, Selectable } from 'kysely';
import type { Database, ImportRunsTable } from '../schema.ts';
import { IMPORT_RUN_STATUSES, type ImportRun, type ImportRunStatus } from '../../core/import-runs.ts';
import type { ImportRunsRepository } from './auth-contract.ts';

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function toRun(row: Selectable<ImportRunsTable>): ImportRun {
  const options = parse(row.options);
  return {
    id: row.id,
    status: (IMPORT_RUN_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as ImportRunStatus)
      : 'failed',
    fileName: row.file_name,
    filePath: row.file_path,
    options: typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {},
    personId: row.person_id,
    done: Number(row.done),
    total: Number(row.total),
    report: parse(row.report),
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export function createImportRunsRepository(db: Kysely<Database>): ImportRunsRepository {
  const runs = () => db.selectFrom('import_runs').selectAll();
  return {
    async create(input) {
      const row = await db
        .insertInto('import_runs')
        .values({
          status: 'queued',
          file_name: input.fileName,
          file_path: input.filePath,
          options: JSON.stringify(input.options),
          person_id: input.personId,
          created_at: input.at,
          updated_at: input.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRun(row);
    },
    async byId(id) {
      const row = await runs().where('id', '=', id).executeTakeFirst();
      return row ? toRun(row) : null;
    },
    async list(limit) {
      return (await runs().orderBy('id', 'desc').limit(limit).execute()).map(toRun);
    },
    async active() {
      const row = await runs().where('status', 'in', ['queued', 'running']).orderBy('id').executeTakeFirst();
      return row ? toRun(row) : null;
    },
    async start(id, at) {
      const result = await db
        .updateTable('import_runs')
        .set({ status: 'running', started_at: at, updated_at: at })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async progress(id, done, total, at) {
      await db.updateTable('import_runs').set({ done, total, updated_at: at }).where('id', '=', id).execute();
    },
    async finish(id, outcome, at) {
      await db
        .updateTable('import_runs')
        .set({
          status: outcome.status,
          report: outcome.report === undefined ? null : JSON.stringify(outcome.report),
          error: outcome.error ?? null,
          finished_at: at,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
    async markInterrupted(staleBefore, at) {
      const result = await db
        .updateTable('import_runs')
        .set({ status: 'interrupted', finished_at: at, updated_at: at })
        .where('status', 'in', ['queued', 'running'])
        .where('updated_at', '<', staleBefore)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
