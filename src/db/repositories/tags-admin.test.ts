// Renaming, merging and deleting tags, on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict, NotFound } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { error, useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('tag administration', () => {
    const { r } = useDatabase(engine);

    it('renames, merges (keeping one link per article), counts and deletes', async () => {
      const [mali, maliDup, sahel] = await Promise.all([
        r().tags.create({ slug: 'مالي', name: 'مالي' }),
        r().tags.create({ slug: 'mali', name: 'Mali' }),
        r().tags.create({ slug: 'sahel', name: 'الساحل' }),
      ]);
      const author = await r().people.create({
        email: 'a@midad.example',
        name: 'A',
        slug: 'a',
        role: 'author',
      });
      const both = await r().articles.create({
        lang: 'ar',
        status: 'draft',
        title: 'x',
        slug: 'x',
        authorIds: [author.id],
        tagIds: [mali!.id, maliDup!.id],
      });
      const dupOnly = await r().articles.create({
        lang: 'ar',
        status: 'draft',
        title: 'y',
        slug: 'y',
        authorIds: [author.id],
        tagIds: [maliDup!.id, sahel!.id],
      });
      assert.deepEqual(Object.fromEntries(await r().tags.usageCounts()), {
        [mali!.id]: 1,
        [maliDup!.id]: 2,
        [sahel!.id]: 1,
      });

      const renamed = await r().tags.update(sahel!.id, { name: 'منطقة الساحل' });
      assert.deepEqual(renamed, { id: sahel!.id, slug: 'sahel', name: 'منطقة الساحل' });
      await assert.rejects(r().tags.update(sahel!.id, { slug: 'mali' }), error(Conflict, /"mali"/));
      await assert.rejects(r().tags.update(9999, { name: 'z' }), error(NotFound));

      await r().tags.merge(maliDup!.id, mali!.id);
      assert.equal(await r().tags.byId(maliDup!.id), null);
      assert.deepEqual((await r().articles.byId(both.id))?.tagIds, [mali!.id]);
      assert.deepEqual((await r().articles.byId(dupOnly.id))?.tagIds.sort(), [mali!.id, sahel!.id].sort());
      assert.deepEqual(Object.fromEntries(await r().tags.usageCounts()), { [mali!.id]: 2, [sahel!.id]: 1 });
      await assert.rejects(r().tags.merge(maliDup!.id, mali!.id), error(NotFound));

      await r().tags.delete(sahel!.id);
      assert.deepEqual((await r().articles.byId(dupOnly.id))?.tagIds, [mali!.id]);
    });
  });
});
