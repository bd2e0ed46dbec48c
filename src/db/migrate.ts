// One ordered list of migrations, applied on both engines through Kysely's Migrator.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { SetupError } from '../core/errors.ts';
import type { Db } from './connect.ts';
import * as m001 from './migrations/001_initial.ts';
import * as m002 from './migrations/002_search.ts';
import * as m003 from './migrations/003_newsroom.ts';
import * as m004 from './migrations/004_import.ts';
import * as m005 from './migrations/005_people.ts';
import * as m006 from './migrations/006_webhooks.ts';
import * as m007 from './migrations/007_related.ts';
import * as m008 from './migrations/008_cache.ts';
import * as m009 from './migrations/009_imports_newsroom.ts';
import * as m010 from './migrations/010_autosaves.ts';
import * as m011 from './migrations/011_api_tokens.ts';
import * as m012 from './migrations/012_readership.ts';
import * as m014 from './migrations/014_outbox.ts';
import * as m015 from './migrations/015_newsletters.ts';
import * as m016 from './migrations/016_corrections.ts';
import * as m019 from './migrations/019_staff_search.ts';
import * as m017 from './migrations/017_audio_video.ts';
import * as m018 from './migrations/018_live.ts';
import * as m020 from './migrations/020_media_focal_point.ts';
import * as m023 from './migrations/023_content_languages.ts';
import * as m025 from './migrations/025_translations.ts';
import * as m026 from './migrations/026_search_stems_index.ts';
import * as m027 from './migrations/027_search_docs_storage.ts';
import * as m028 from './migrations/028_search_filter_index.ts';
import * as m029 from './migrations/029_related_order_index.ts';
import * as m030 from './migrations/030_search_rank_docs.ts';
import * as m031 from './migrations/031_section_names_other.ts';
import * as m032 from './migrations/032_article_text_last.ts';
import * as m033 from './migrations/033_article_text_facts.ts';
import type { Dialect } from './migrations/helpers.ts';

type DialectMigration = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const MIGRATIONS: Record<string, DialectMigration> = {
  '001_initial': m001,
  '002_search': m002,
  '003_newsroom': m003,
  '004_import': m004,
  '005_people': m005,
  '006_webhooks': m006,
  '007_related': m007,
  '008_cache': m008,
  '009_imports_newsroom': m009,
  '010_autosaves': m010,
  '011_api_tokens': m011,
  '012_readership': m012,
  '014_outbox': m014,
  '015_newsletters': m015,
  '016_corrections': m016,
  '019_staff_search': m019,
  '017_audio_video': m017,
  '018_live': m018,
  '020_media_focal_point': m020,
  '023_content_languages': m023,
  '025_translations': m025,
  '026_search_stems_index': m026,
  '027_search_docs_storage': m027,
  '028_search_filter_index': m028,
  '029_related_order_index': m029,
  '030_search_rank_docs': m030,
  '031_section_names_other': m031,
  '032_article_text_last': m032,
  '033_article_text_facts': m033,
};

/** Every migration, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

class ListProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => m.up(db, this.dialect) };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

function migratorFor(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: new ListProvider(db.dialect),
    // Migrations are written to be independent of one another (each adds its own tables or
    // columns), so one that lands later with a lower number still applies to a database
    // that already has the higher ones, instead of stopping the site at start.
    allowUnorderedMigrations: true,
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
}

/** Migrations this code knows that the database has not run (a newer release not migrated). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Up to and including `name` only: a database as an earlier release left it (for tests). */
export async function migrateUpTo(db: Db, name: string): Promise<MigrationReport> {
  return migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(
  db: Db,
  run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<MigrationReport> {
  const { error, results } = await run(migratorFor(db));
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new SetupError(`Migration ${failed} failed on ${db.location}: ${(error as Error).message}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
