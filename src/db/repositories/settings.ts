import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { SettingsRepository } from './contract.ts';
import { atomically } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

// Every page reads the settings to see whether they changed (see reusable-query.ts).
const storedSettings = reusableQuery((db: Kysely<Database>) =>
  db.selectFrom('settings').select(['key', 'value']).orderBy('key'),
);

export function createSettingsRepository(db: Kysely<Database>): SettingsRepository {
  async function write(values: Record<string, unknown>): Promise<void> {
    // JSON has no `undefined`: setting a key to it removes the key, so `get` answers undefined again.
    const removed = Object.keys(values).filter((key) => values[key] === undefined);
    const rows = Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ({ key, value: JSON.stringify(value) }));
    await atomically(db, async (trx) => {
      if (removed.length > 0) await trx.deleteFrom('settings').where('key', 'in', removed).execute();
      if (rows.length === 0) return;
      await trx
        .insertInto('settings')
        .values(rows)
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
    });
  }

  const stored = () => storedSettings(db);
  return {
    async get(key) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row ? JSON.parse(row.value) : undefined;
    },

    async getAll() {
      const rows = await stored();
      return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]));
    },

    getAllStored: stored,

    set(key, value) {
      return write({ [key]: value });
    },

    setMany(values) {
      return write(values);
    },
  };
}
