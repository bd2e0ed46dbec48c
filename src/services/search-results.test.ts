// The reader's search page and the content API share recent search results: the same search
// (whitespace aside) within a few seconds runs the index once; any change to what results show
// empties them; they expire.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../test/support/site.ts';
import { cachedSearchArticles, normalisedQuery } from './search-results.ts';
import type { SearchInput } from './search.ts';

describe('recent search results', () => {
  let site: TestSite;
  let runs = 0;
  before(async () => {
    site = await startTestSite();
    const search = site.services.search.search.bind(site.services.search);
    site.services.search.search = (query) => {
      runs++;
      return search(query);
    };
  });
  after(() => site.close());

  const input = (text: string): SearchInput => ({
    text,
    lang: 'ar',
    sort: 'relevance',
    page: 1,
    perPage: 10,
  });

  it('normalises the query: spaces collapsed and trimmed', () => {
    assert.equal(normalisedQuery('  المياه \n  الجوفية '), 'المياه الجوفية');
  });

  it('runs one search for the same query within a few seconds, and again after a change', async () => {
    const before = runs;
    const first = await cachedSearchArticles(site.services, input('المياه'));
    const again = await cachedSearchArticles(site.services, input('  المياه '));
    assert.equal(runs - before, 1, 'the second search was answered from the first');
    assert.equal(again, first);
    await cachedSearchArticles(site.services, { ...input('المياه'), page: 2 });
    assert.equal(runs - before, 2, 'another page is another search');

    await site.services.events.emit({ type: 'tag', id: 1 });
    await cachedSearchArticles(site.services, input('المياه'));
    assert.equal(runs - before, 3, 'a change empties the results');
  });

  it('expires results after ten seconds', async () => {
    const before = runs;
    let clock = 1_000_000;
    await cachedSearchArticles(site.services, input('السوق'), () => clock);
    clock += 9_000;
    await cachedSearchArticles(site.services, input('السوق'), () => clock);
    assert.equal(runs - before, 1);
    clock += 2_000;
    await cachedSearchArticles(site.services, input('السوق'), () => clock);
    assert.equal(runs - before, 2);
  });
});
