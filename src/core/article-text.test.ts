// The excerpt: the SEO description, the dek or the start of the text, cut at a word within the
// limit counted in characters as readers see them (an emoji is one, not two).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from './types.ts';
import { bodyTextFacts, bodyWords, excerptOf, LEAD_CHARS, rememberBodyFacts } from './article-text.ts';
import { countWords } from './reading-time.ts';

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

describe('the facts saved with a body', () => {
  const bodies = [
    '',
    '<p>سطر واحد</p>',
    `<p>${'نهر '.repeat(39)}نهرٌ</p>`,
    `<h2>عنوان</h2><p>${'كلمة '.repeat(150)}</p><p>${'word '.repeat(300)}</p>`,
    `<p>${'🌊 موج '.repeat(200)}</p>`,
    `<p>${'ن'.repeat(LEAD_CHARS - 1)}</p>`,
    `<p>${'ن'.repeat(LEAD_CHARS)}</p>`,
    `<p>${'ن'.repeat(LEAD_CHARS + 1)}</p>`,
  ];

  it('give the same excerpts and word counts as the body itself', () => {
    for (const bodyHtml of bodies) {
      const saved = article({ bodyHtml });
      rememberBodyFacts(saved, bodyTextFacts(bodyHtml));
      const parsed = article({ bodyHtml });
      for (const max of [80, 160, 300]) assert.equal(excerptOf(saved, max), excerptOf(parsed, max), bodyHtml);
      assert.equal(bodyWords(saved), bodyWords(parsed));
      assert.equal(bodyWords(parsed), countWords(excerptOf(parsed, 1_000_000)));
    }
  });

  it('keep only the start of a long text', () => {
    const facts = bodyTextFacts(`<p>${'🌊'.repeat(LEAD_CHARS * 2)}</p>`);
    assert.equal(Array.from(facts.lead).length, LEAD_CHARS);
    assert.equal(facts.words, 0);
  });
});
