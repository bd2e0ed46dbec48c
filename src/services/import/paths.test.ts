import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lenientDecode, oldSitePath, redirectKey } from './paths.ts';

describe('old paths', () => {
  it('decodes Arabic slugs whatever the case of the hex digits', () => {
    const lower = '/2024/03/%d9%85%d8%a7%d9%84%d9%8a/';
    const upper = '/2024/03/%D9%85%D8%A7%D9%84%D9%8A';
    assert.equal(redirectKey(lower), '/2024/03/مالي');
    assert.equal(redirectKey(upper), redirectKey(lower));
  });

  it('repairs a slug cut in the middle of a character', () => {
    assert.deepEqual(lenientDecode('%d9%88%d8%ba%d8%a7%d9'), { text: 'وغا', repaired: true });
    assert.deepEqual(lenientDecode('plain-slug'), { text: 'plain-slug', repaired: false });
    assert.equal(redirectKey('/x/%d9%88%d8%ba%d8%a7%d9/'), '/x/وغا');
  });

  it('keeps the WordPress id parameters of a query and nothing else', () => {
    assert.equal(redirectKey('/?p=12&utm_source=x'), '/?p=12');
    assert.equal(redirectKey('/?page_id=15'), '/?page_id=15');
    assert.equal(redirectKey('/?utm_source=x'), null);
    assert.equal(redirectKey('/category/news/?cat=3'), '/category/news?cat=3');
  });

  it('recognizes only the old site hosts', () => {
    const hosts = new Set(['sahel.example']);
    assert.equal(oldSitePath('https://sahel.example/a/b/', hosts), '/a/b');
    assert.equal(oldSitePath('https://SAHEL.example/?p=3', hosts), '/?p=3');
    assert.equal(oldSitePath('https://other.example/a/', hosts), null);
    assert.equal(oldSitePath('not a url', hosts), null);
  });
});
