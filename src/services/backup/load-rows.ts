// The database half of loading an export, in one transaction: empty the tables when forced,
// insert every table's rows with their ids, move identity counters past them, rebuild the
// search index and related lists, and compare the content digests with the export's. Any
// difference or database error rolls everything back.
import { type Kysely, sql } from 'kysely';
import { Invalid } from '../../core/errors.ts';
import { fillArticleTextFacts } from '../../db/article-text-facts.ts';
import type { Dialect } from '../../db/migrations/helpers.ts';
import type { Database } from '../../db/schema.ts';
import { createSearchIndex, newSearchCache } from '../../search/search-index.ts';
import type { Services } from '../context.ts';
import { differences, MEDIA_FILES, type SiteDigests, tableDigests } from './digest.ts';
import type { SiteExport } from './export-format.ts';
import type { OnProgress } from './progress.ts';
import { CONTENT_TABLES, type ContentTable, DERIVED_TABLES, type Row } from './tables.ts';

/** Rows per INSERT: well under both engines' limits on bound parameters. */
const CHUNK = 100;

/** Loads the rows and returns how many articles the search index holds afterwards. */
export async function loadRows(
  services: Services,
  data: SiteExport,
  force: boolean,
  onProgress?: OnProgress,
): Promise<number> {
  const { dialect } = services.db;
  try {
    return await services.db.kysely.transaction().execute(async (trx) => {
      if (force) await emptyTables(trx);
      for (const [i, table] of CONTENT_TABLES.entries()) {
        await insertRows(trx, table, data.tables[table.name] ?? []);
        onProgress?.('tables', i + 1, CONTENT_TABLES.length);
      }
      if (dialect === 'postgres') await resetIdentities(trx);
      await fillArticleTextFacts(trx);
      const search = createSearchIndex(trx, dialect as Dialect, newSearchCache());
      const indexed = await search.rebuild();
      await search.related.rebuild();
      const expected = Object.fromEntries(Object.entries(data.digests).filter(([k]) => k !== MEDIA_FILES));
      const wrong = differences(expected as SiteDigests, await tableDigests({ kysely: trx }));
      if (wrong.length > 0) {
        throw new Invalid(
          `The loaded content differs from the export in ${wrong.join(', ')}; nothing was written.`,
        );
      }
      return indexed;
    });
  } catch (err) {
    if (err instanceof Invalid) throw err;
    throw new Invalid(`The export could not be loaded (${(err as Error).message}); nothing was written.`);
  }
}

async function emptyTables(trx: Kysely<Database>): Promise<void> {
  const tables = [...DERIVED_TABLES, ...[...CONTENT_TABLES].reverse().map((t) => t.name)];
  for (const name of tables) await sql`DELETE FROM ${sql.table(name)}`.execute(trx);
}

async function insertRows(trx: Kysely<Database>, table: ContentTable, rows: readonly Row[]): Promise<void> {
  const later: Row[] = [];
  const inserted = new Set<unknown>();
  const ready = rows.map((row) => {
    inserted.add(row.id);
    const ref = table.selfReference;
    // A row pointing at one that comes later is inserted without the pointer, set afterwards.
    if (ref && row[ref] !== null && row[ref] !== undefined && !inserted.has(row[ref])) {
      later.push(row);
      return { ...row, [ref]: null };
    }
    return row;
  });
  for (let i = 0; i < ready.length; i += CHUNK) {
    // Table and column names are quoted identifiers; the table is one of ours (checked on parse).
    await trx
      .insertInto(table.name as keyof Database)
      .values(ready.slice(i, i + CHUNK) as never)
      .execute();
  }
  const ref = table.selfReference;
  if (!ref) return;
  for (const row of later) {
    await sql`UPDATE ${sql.table(table.name)} SET ${sql.ref(ref)} = ${row[ref]} WHERE id = ${row.id}`.execute(
      trx,
    );
  }
}

/** PostgreSQL identity columns do not follow explicit ids: move each past the highest one. */
async function resetIdentities(trx: Kysely<Database>): Promise<void> {
  for (const table of CONTENT_TABLES) {
    if (table.key.length !== 1 || table.key[0] !== 'id') continue;
    await sql`SELECT setval(pg_get_serial_sequence(${table.name}, 'id'), COALESCE(MAX(id), 0) + 1, false)
              FROM ${sql.table(table.name)}`.execute(trx);
  }
}
