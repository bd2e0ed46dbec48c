// A reusable query answers as the same query built anew would, on every engine: single values,
// `in` lists of several lengths, constants inside the query, inside transactions; and an
// argument that does not reach the SQL as a value is refused instead of silently ignored.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { reusableQuery } from './reusable-query.ts';
import { forEachEngine } from './test-databases.ts';
import { useDatabase } from './test-fixtures.ts';

const tagsByIds = reusableQuery((db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('tags').select(['id', 'slug']).where('id', 'in', ids).orderBy('id'),
);

const tagsNamed = reusableQuery((db: Kysely<Database>, prefix: string, name: string, limit: number) =>
  db
    .selectFrom('tags')
    .select(['slug'])
    .where('slug', 'like', prefix)
    .where('name', '=', name)
    .where('slug', '!=', 'never-this-slug')
    .orderBy('slug')
    .limit(limit),
);

await forEachEngine((engine) => {
  describe('reusable queries', () => {
    const { r, db } = useDatabase(engine);

    let ids: number[] = [];
    before(async () => {
      const made = [];
      for (const [slug, name] of [
        ['gao', 'غاو'],
        ['mopti', 'موبتي'],
        ['kidal', 'كيدال'],
        ['gao-2', 'غاو'],
      ] as const) {
        made.push(await r().tags.create({ slug, name }));
      }
      ids = made.map((t) => t.id);
    });

    it('answers as the query built anew, for in-lists of every length met', async () => {
      const k = db().kysely;
      for (const list of [[ids[0]!], [ids[1]!, ids[2]!], [ids[3]!, ids[0]!, 999_999], [ids[2]!]]) {
        const direct = await k
          .selectFrom('tags')
          .select(['id', 'slug'])
          .where('id', 'in', list)
          .orderBy('id')
          .execute();
        assert.deepEqual(await tagsByIds(k, list), direct, `ids ${list.join(',')}`);
      }
    });

    it('keeps the constants of the query and takes new values on every call', async () => {
      const k = db().kysely;
      assert.deepEqual(await tagsNamed(k, '%', 'غاو', 10), [{ slug: 'gao' }, { slug: 'gao-2' }]);
      assert.deepEqual(await tagsNamed(k, '%', 'غاو', 1), [{ slug: 'gao' }], 'the limit is a value too');
      assert.deepEqual(await tagsNamed(k, '%', 'كيدال', 10), [{ slug: 'kidal' }]);
      assert.deepEqual(await tagsNamed(k, 'x%', 'كيدال', 10), []);
    });

    it('runs inside a transaction and sees its uncommitted rows', async () => {
      const k = db().kysely;
      await k
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('tags').values({ slug: 'menaka', name: 'ميناكا' }).execute();
          assert.deepEqual(await tagsNamed(trx, '%', 'ميناكا', 5), [{ slug: 'menaka' }]);
          throw new Error('roll back');
        })
        .catch((err: Error) => assert.equal(err.message, 'roll back'));
      assert.deepEqual(await tagsNamed(k, '%', 'ميناكا', 5), [], 'rolled back');
    });

    it('builds the query anew for a Kysely instance with plugins, which may rewrite its SQL', async () => {
      const k = db().kysely;
      // A table name a plugin rewrites: the form kept for the plain instance would miss it.
      const renaming = k.withPlugin({
        transformQuery: ({ node }) =>
          JSON.parse(JSON.stringify(node).replaceAll('"no_such_table"', '"tags"')),
        transformResult: async ({ result }) => result,
      });
      const fromAlias = reusableQuery((kdb: Kysely<Database>, slug: string) =>
        kdb
          .selectFrom('no_such_table' as 'tags')
          .select('slug')
          .where('slug', '=', slug),
      );
      assert.deepEqual(await fromAlias(renaming, 'kidal'), [{ slug: 'kidal' }]);
      await assert.rejects(fromAlias(k, 'kidal'), 'without the plugin the table does not exist');
    });

    it('refuses an argument that decides the shape instead of being a value', async () => {
      const bad = reusableQuery((db: Kysely<Database>, slug: string) =>
        db.selectFrom('tags').select('id').where('slug', '=', String(slug)),
      );
      await assert.rejects(bad(db().kysely, 'gao'), /argument 1 does not reach its SQL as a value/);
    });
  });
});
