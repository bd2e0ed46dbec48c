import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { requireSite } from '../services/site-presence.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations to an existing site (`midad init` creates one)')
    .action(async () => {
      const config = loadConfig();
      await requireSite(config);
      const db = await openDatabase(config.databaseUrl);
      try {
        const { applied } = await migrateToLatest(db);
        process.stdout.write(
          applied.length === 0
            ? `Database ${db.location} is up to date.\n`
            : `Applied ${applied.length} migration(s) to ${db.location}: ${applied.join(', ')}\n`,
        );
      } finally {
        await db.close();
      }
    });
}
