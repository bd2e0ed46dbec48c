// SQLite: the article's text (body_html, search_text) moves to the end of its row. A row is
// stored as its columns in order, and a text longer than what fits in the row's page continues
// in a chain of overflow pages; every column after it is then at the end of that chain, so
// reading a card (title, section, dates…) of an article with a long body read the whole body
// too. Twelve cards of 8,000-character Arabic articles took 152 µs to read, of 20,000-character
// ones 275 µs, against 69 and 71 µs with the text last, and 66 µs with short bodies either way
// (bench/summaries.ts). Home, section, tag and search pages, related articles, feeds and
// sitemaps all read cards.
//
// SQLite cannot move a column: the table is rebuilt in one transaction (the procedure of
// sqlite.org/lang_altertable.html, "other kinds of table schema changes"), its indexes and
// triggers made again, and its AUTOINCREMENT counter kept, so no id is ever given twice. Foreign
// keys are off meanwhile, or dropping the old table would delete every row that points to it
// (bylines, comments, revisions…); they are checked before the commit. Copying takes about as
// long as reading the table once (3.5 s for 10,000 articles of 20,000 characters, 372 MB) and
// as much free disk space again.
// A table that is not as the earlier migrations left it is left as it is: only slower.
// PostgreSQL: nothing (it keeps long values out of line, and reading later columns skips them).
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

const TEXT_COLUMNS = `"body_html" text default '' not null, "search_text" text default '' not null, `;
const FIRST_CONSTRAINT = 'constraint "articles_lang_slug_unique"';
const CREATE = /^CREATE TABLE "articles" \(/;

/** The articles table's CREATE statement with the text columns last, or null if it is not as expected. */
export function reorderedTable(createSql: string, name: string): string | null {
  if (!CREATE.test(createSql) || !createSql.includes(TEXT_COLUMNS)) return null;
  const without = createSql.replace(TEXT_COLUMNS, '');
  if (without.indexOf(FIRST_CONSTRAINT) !== without.lastIndexOf(FIRST_CONSTRAINT)) return null;
  if (!without.includes(FIRST_CONSTRAINT)) return null;
  return without
    .replace(FIRST_CONSTRAINT, `${TEXT_COLUMNS}${FIRST_CONSTRAINT}`)
    .replace(CREATE, `CREATE TABLE "${name}" (`);
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  // Run again (its record lost), it finds nothing to move: no column but the text and what 033
  // adds after it comes after the body.
  const order = await sql<{ name: string }>`select name from pragma_table_info('articles')`.execute(db);
  const names = order.rows.map((c) => c.name);
  const after = names.slice(names.indexOf('body_html') + 1);
  if (after.every((name) => ['search_text', 'body_words', 'body_lead'].includes(name))) return;
  const table = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'articles'`.execute(db);
  const created = reorderedTable(table.rows[0]?.sql ?? '', 'articles_text_last');
  if (created === null) return;

  // Outside a transaction: inside one, SQLite ignores this pragma.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await rebuild(db, created);
      await sql`commit`.execute(db);
    } catch (err) {
      await sql`rollback`.execute(db);
      throw err;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

async function rebuild(db: Kysely<unknown>, created: string): Promise<void> {
  // Indexes and triggers go with the old table; the unique constraint's own index (no SQL) is
  // made by the new table's constraint.
  const dependents = await sql<{ sql: string }>`
    select sql from sqlite_master
    where tbl_name = 'articles' and type in ('index', 'trigger') and sql is not null
    order by type, name`.execute(db);
  const counter = await sql<{ seq: number }>`
    select seq from sqlite_sequence where name = 'articles'`.execute(db);
  const columns = await sql<{ name: string }>`select name from pragma_table_info('articles')`.execute(db);
  const danglingBefore = await danglingToArticles(db);
  const list = sql.join(columns.rows.map((c) => sql.id(c.name)));

  await sql.raw(created).execute(db);
  await sql`insert into articles_text_last (${list}) select ${list} from articles order by id`.execute(db);
  await sql`drop table articles`.execute(db);
  await sql`alter table articles_text_last rename to articles`.execute(db);
  for (const { sql: statement } of dependents.rows) await sql.raw(statement).execute(db);
  // The copy set the counter to the highest id left; a deleted article may have had a higher one.
  const seq = counter.rows[0]?.seq;
  if (seq !== undefined) {
    await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = 'articles'`.execute(db);
  }
  const danglingAfter = await danglingToArticles(db);
  if (danglingAfter > danglingBefore) {
    throw new Error(
      `rebuilding articles would leave ${danglingAfter - danglingBefore} rows pointing nowhere`,
    );
  }
}

/** Rows whose reference to an article finds none (none, unless foreign keys were ever off). */
async function danglingToArticles(db: Kysely<unknown>): Promise<number> {
  const rows = await sql<{ n: number }>`
    select count(*) as n from pragma_foreign_key_check where parent = 'articles'`.execute(db);
  return Number(rows.rows[0]?.n ?? 0);
}
