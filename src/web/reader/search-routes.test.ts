// The search page over HTTP (app.inject) on the demo site. The JSON endpoint's tests are in
// src/web/api/search.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { articlePath } from './urls.ts';

let site: TestSite;

before(async () => {
  site = await startTestSite();
});
after(() => site.close());

const get = (url: string) => site.app.inject({ method: 'GET', url });
const search = (q: string, extra = '') => get(`/search?q=${encodeURIComponent(q)}${extra}`);

describe('search page', () => {
  it('finds a demo article by a title word written with harakat and without hamza', async () => {
    const res = await search('مَخْطُوطَات تمبكتو');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.ok(res.body.includes('<mark>مخطوطات</mark>'), 'title word marked');
    assert.match(res.body, /<meta name="robots" content="noindex"/);
    assert.match(res.body, /class="search-results"/);
  });

  it('marks the original word whole, harakat included, when the query has none', async () => {
    const a = site.mainArticle;
    // The main article's first title word, typed without any mark, finds and marks it.
    const word = a.title.split(/\s+/).find((w) => w.length > 3)!;
    const plain = word.replace(/[\u064B-\u065F\u0670]/g, '');
    const res = await search(plain);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(articlePath(a)), 'main article listed');
    assert.ok(res.body.includes(`<mark>${word}</mark>`), `marked ${word}`);
  });

  it('serves the French and English search pages in their language', async () => {
    const fr = await get(`/fr/search?q=${encodeURIComponent('riziculteurs')}`);
    assert.equal(fr.statusCode, 200);
    assert.match(fr.body, /<html[^>]*lang="fr"[^>]*dir="ltr"/);
    assert.ok(fr.body.includes('<mark>riziculteurs</mark>'));
    const en = await get('/en/search?q=');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html[^>]*lang="en"/);
  });

  it('puts the search form in the header of every reader page', async () => {
    const res = await get('/');
    assert.match(res.body, /<form class="search" role="search" method="get" action="\/search"/);
    const fr = await get('/fr/');
    assert.match(fr.body, /action="\/fr\/search"/);
  });

  it('says so when nothing matches, and offers the other languages', async () => {
    const res = await search('كلمةلاتوجدابدا');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /لم نجد مقالات تطابق بحثك/);
    assert.ok(res.body.includes(`/fr/search?q=${encodeURIComponent('كلمةلاتوجدابدا')}`));
  });

  it('offers the search without filters when a filter emptied the results', async () => {
    const res = await search('تمبكتو', '&section=no-such-section');
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(`href="/search?q=${encodeURIComponent('تمبكتو')}"`));
  });

  it('sorts by date and keeps the query and sort in the pagination links', async () => {
    const res = await search('في', '&sort=date');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<option value="date" selected/);
  });

  it('answers bad input with a normal page, never an error', async () => {
    for (const q of [
      '',
      'x'.repeat(2000),
      'مالي '.repeat(400),
      '!!! ؟؟ ... ،،',
      'َ ُ ِ ّ ً',
      '" OR * NEAR(',
      '"unterminated',
      "1' OR '1'='1",
      "'; DROP TABLE articles; --",
      'SELECT * FROM people',
      'مالي Mali ماли 2024 😀',
      '😀🎉🇲🇱',
      '\u0000\u200F\uFEFF',
      'a:b * ^ - + ( ) { } [ ] \\ | & <-> :* !',
    ]) {
      const res = await search(q);
      assert.equal(res.statusCode, 200, `q=${q.slice(0, 30)}`);
      assert.match(res.body, /<\/html>$/);
    }
    for (const extra of [
      '&page=abc',
      '&page=-1',
      '&page=99999999',
      '&sort=evil',
      '&from=2024-13-45',
      '&q=two',
    ]) {
      const res = await search('مالي', extra);
      assert.equal(res.statusCode, 200, extra);
    }
  });
});
