// Content languages on every engine: articles counted by the language of their text (the
// edition's when none is stored), and tags linked across languages joined, merged and undone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('languages', () => {
    const { r } = useDatabase(engine);

    it('counts articles by the language of their text', async () => {
      const make = (slug: string, lang: 'ar' | 'fr', textLang?: string) =>
        r().articles.create({ lang, status: 'draft', title: slug, slug, ...(textLang ? { textLang } : {}) });
      await make('a1', 'ar');
      await make('a2', 'fr', 'fa');
      await make('a3', 'fr', 'fa');
      const a4 = await make('a4', 'fr');
      assert.equal(a4.textLang, 'fr');
      assert.equal((await r().articles.byId((await make('a5', 'fr', 'ur')).id))?.textLang, 'ur');
      const counts = await r().languages.articleCounts();
      assert.equal(counts.get('fa'), 2);
      assert.equal(counts.get('ar'), 1);
      assert.equal(counts.get('fr'), 1);
      assert.equal(counts.get('ur'), 1);
    });

    it('links tags in groups, merges groups and undoes a link', async () => {
      const [a, b, c, d] = await Promise.all(
        ['تمبكتو', 'Tombouctou', 'Timbuktu', 'Gao'].map((name, i) =>
          r().tags.create({ slug: `t-${i}`, name }),
        ),
      );
      await r().languages.linkTags(a!.id, b!.id);
      await r().languages.linkTags(c!.id, d!.id);
      await r().languages.linkTags(b!.id, c!.id);
      const all = await r().languages.linkedTags([a!.id]);
      assert.deepEqual(
        all.get(a!.id)?.sort((x, y) => x - y),
        [b!.id, c!.id, d!.id].sort((x, y) => x - y),
      );
      await r().languages.unlinkTag(d!.id);
      await r().languages.unlinkTag(a!.id);
      const left = await r().languages.linkedTags([a!.id, b!.id, c!.id, d!.id]);
      assert.equal(left.has(a!.id), false);
      assert.equal(left.has(d!.id), false);
      assert.deepEqual(left.get(b!.id), [c!.id]);
      await r().languages.unlinkTag(c!.id);
      assert.equal((await r().languages.linkedTags([b!.id])).size, 0, 'a group of one is dissolved');
    });
  });
});
