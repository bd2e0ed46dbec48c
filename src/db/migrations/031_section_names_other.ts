// Section names in the site's further editions (Persian, Hausa…): a JSON object of edition tag →
// name beside the three ar/fr/en columns, so an edition switched on later needs no new column.
// '{}' for every existing section: each keeps showing its interface language's name there.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('sections')
    .addColumn('names_other', 'text', (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
}
