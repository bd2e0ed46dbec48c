// The services' handle on the outside world: the database, its repositories and the
// configuration. Transactions start here and nowhere else.
import type { Config } from '../config.ts';
import { type Db, openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Repositories } from '../db/repositories/contract.ts';
import { createRepositories } from '../db/repositories/index.ts';

export interface Services {
  config: Config;
  db: Db;
  repos: Repositories;
  /** Runs fn with repositories bound to one transaction: all its writes land, or none. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function servicesFor(config: Config, db: Db): Services {
  return {
    config,
    db,
    repos: createRepositories(db.kysely),
    transaction: (fn) => db.kysely.transaction().execute((trx) => fn(createRepositories(trx))),
    close: () => db.close(),
  };
}

/** Opens the configured database and brings its schema up to date. */
export async function openServices(config: Config): Promise<Services> {
  const db = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return servicesFor(config, db);
}
