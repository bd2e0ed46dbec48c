// The services' handle on the outside world: the database, its repositories, the search index,
// the change events and the configuration. `transaction` is the only way to group writes, and
// only code in services/ calls it: a command opens one transaction for its write and its audit
// row (docs/ARCHITECTURE.md, "The path of a write"); the web layer never sees repositories.
import type { Config } from '../config.ts';
import { type Db, openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Repositories } from '../db/repositories/contract.ts';
import { createRepositories } from '../db/repositories/index.ts';
import type { SearchIndex } from '../search/contract.ts';
import { createSearchIndex, newSearchCache } from '../search/search-index.ts';
import { createEventBus, type EventBus } from './events.ts';
import { watchRelated } from './related.ts';
import { createWebhookQueue, type WebhookQueue } from './webhooks/queue.ts';

export interface Services {
  config: Config;
  db: Db;
  repos: Repositories;
  search: SearchIndex;
  /** Committed changes, for the page cache and webhooks. */
  events: EventBus;
  /** Outgoing webhook deliveries: queued on every article change, sent by the dispatcher. */
  webhooks: WebhookQueue;
  /**
   * Runs fn with repositories and the search index bound to one transaction: all its writes
   * land, or none; an article and its index entry never disagree.
   */
  transaction<T>(fn: (repos: Repositories, search: SearchIndex) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function servicesFor(config: Config, db: Db): Services {
  const searchCache = newSearchCache();
  const repos = createRepositories(db.kysely);
  const events = createEventBus();
  const webhooks = createWebhookQueue(repos, config.publicUrl);
  // Every process that changes articles queues their webhook deliveries, whether or not it
  // runs a dispatcher: the rows wait in the database for whichever process sends them.
  events.on((event) => webhooks.enqueue(event).then(() => {}));
  const services: Services = {
    config,
    db,
    repos,
    search: createSearchIndex(db.kysely, db.dialect, searchCache),
    events,
    webhooks,
    transaction: (fn) =>
      db.kysely
        .transaction()
        .execute((trx) => fn(createRepositories(trx), createSearchIndex(trx, db.dialect, searchCache))),
    close: () => db.close(),
  };
  // Related lists follow every published change, whoever makes it (newsroom, API, scheduler).
  watchRelated(services);
  return services;
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

/**
 * Runs `fn` (the handling of one request) so that the reads it makes share one snapshot where
 * the database allows it cheaply (SQLite: one read transaction instead of one per statement).
 */
export function inRequestScope<T>(services: Pick<Services, 'db'>, fn: () => T): T {
  return services.db.inReadScope ? services.db.inReadScope(fn) : fn();
}
