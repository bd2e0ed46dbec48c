import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CleanContext, cleanBody } from './clean.ts';

const ctx: CleanContext = { attachment: () => null, attachedImages: () => [], image: () => null };

describe('WordPress pull quotes', () => {
  it('turns a Gutenberg pullquote block into a pull quote with its source', () => {
    const { html } = cleanBody(
      '<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>الماء حق لا <em>منّة</em></p><cite>عمدة أطار</cite></blockquote></figure>\n<!-- /wp:pullquote -->',
      ctx,
    );
    assert.equal(
      html,
      '<figure data-block="pullquote"><blockquote><p>الماء حق لا <em>منّة</em></p></blockquote><figcaption>عمدة أطار</figcaption></figure>',
    );
  });

  it('turns a Gutenberg quote with a source into a pull quote (old and nested-paragraph forms), and keeps one without a source a blockquote', () => {
    const old = cleanBody(
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>La première phrase.</p><p>La seconde.</p><cite>Une maire</cite></blockquote>\n<!-- /wp:quote -->',
      ctx,
    ).html;
    assert.equal(
      old,
      '<figure data-block="pullquote"><blockquote><p>La première phrase.</p><p>La seconde.</p></blockquote><figcaption>Une maire</figcaption></figure>',
    );
    const nested = cleanBody(
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>نص الاقتباس</p>\n<!-- /wp:paragraph --><cite>وزير المياه</cite></blockquote>\n<!-- /wp:quote -->',
      ctx,
    ).html;
    assert.equal(
      nested,
      '<figure data-block="pullquote"><blockquote><p>نص الاقتباس</p></blockquote><figcaption>وزير المياه</figcaption></figure>',
    );
    const plain = cleanBody(
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>بلا مصدر</p></blockquote>\n<!-- /wp:quote -->',
      ctx,
    ).html;
    assert.equal(plain, '<blockquote><p>بلا مصدر</p></blockquote>');
  });

  it('turns a classic blockquote.pullquote into a pull quote, paragraphs restored', () => {
    const { html } = cleanBody(
      'قبل\n\n<blockquote class="alignright pullquote">الماء حق <cite>عمدة</cite></blockquote>\n\nبعد',
      ctx,
    );
    assert.equal(
      html.replace(/>\s+</g, '><'),
      '<p>قبل</p><figure data-block="pullquote"><blockquote><p>الماء حق</p></blockquote><figcaption>عمدة</figcaption></figure><p>بعد</p>',
    );
  });
});
