// The excerpt: the SEO description, the dek or the start of the text, cut at a word within the
// limit counted in characters as readers see them (an emoji is one, not two).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from './types.ts';
import { excerptOf } from './article-text.ts';

const article = (fields: Partial<Article>) =>
  ({ seoDescription: '', dek: '', bodyHtml: '', ...fields }) as Article;

describe('excerpts', () => {
  it('prefers the SEO description, then the dek, then the text of the body', () => {
    assert.equal(excerptOf(article({ seoDescription: 'وصف', dek: 'مقدمة' })), 'وصف');
    assert.equal(excerptOf(article({ dek: 'مقدمة', bodyHtml: '<p>نص</p>' })), 'مقدمة');
    assert.equal(excerptOf(article({ bodyHtml: '<h2>عنوان</h2><p>نص المقال</p>' })), 'عنوان نص المقال');
  });

  it('keeps a text within the limit whole and cuts a longer one at a word', () => {
    const exact = 'ن'.repeat(160);
    assert.equal(excerptOf(article({ dek: exact })), exact);
    const words = 'نهر '.repeat(60).trim();
    const cut = excerptOf(article({ dek: words }));
    assert.ok(cut.endsWith('…'));
    assert.ok(Array.from(cut).length <= 161);
    assert.equal(cut, `${'نهر '.repeat(40).trim()}…`);
  });

  it('counts a character outside the basic plane as one and never splits it', () => {
    const emoji = '🌊'.repeat(160);
    assert.equal(
      excerptOf(article({ dek: emoji })),
      emoji,
      '160 emoji are 320 UTF-16 units but 160 characters',
    );
    const longer = `${'🌊'.repeat(100)} ${'🌊'.repeat(100)}`;
    assert.equal(excerptOf(article({ dek: longer })), `${'🌊'.repeat(100)}…`);
    assert.equal(
      excerptOf(article({ dek: '🌊'.repeat(200) }), 10),
      `${'🌊'.repeat(5)}…`,
      'no space: cut at half, between characters',
    );
  });
});
