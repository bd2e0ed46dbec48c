// Autosaves of published articles. Typing in a live article's form must not change the public
// page before the writer presses Update, so each writer's unsaved form is kept aside, one per
// article and person, until it is saved or discarded. Drafts still autosave in place.
import type { Kysely } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('autosaves')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('autosaves_pk', ['article_id', 'person_id'])
    .execute();
}
