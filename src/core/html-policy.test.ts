import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentTextToHtml, escapeHtml, htmlToText, sanitizeArticleHtml } from './html-policy.ts';
import { isValidSlug, slugify } from './slug.ts';

describe('sanitizeArticleHtml', () => {
  it('keeps the structure of a news article', () => {
    const html =
      '<h2>عنوان</h2><p>نص <strong>مهم</strong> و<a href="https://example.org/x">رابط</a></p>' +
      '<ol><li>أ</li></ol><ul><li>ب</li></ul><blockquote><p>اقتباس</p></blockquote>' +
      '<figure><img src="/media/a.jpg" alt="صورة" width="800" height="450"><figcaption>شرح</figcaption></figure>';
    const { html: out, removed } = sanitizeArticleHtml(html);
    for (const tag of ['<h2>', '<strong>', '<ol>', '<ul>', '<blockquote>', '<figure>', '<figcaption>']) {
      assert.ok(out.includes(tag), `${tag} kept`);
    }
    assert.match(
      out,
      /<img src="\/media\/a.jpg" alt="صورة" width="800" height="450" loading="lazy" decoding="async" \/>/,
    );
    assert.equal(removed, 0);
  });
  it('removes scripts, event handlers, inline styles and javascript: links, and counts them', () => {
    const { html, removed } = sanitizeArticleHtml(
      '<p style="color:red" onclick="x()">a</p><script>alert(1)</script><a href="javascript:alert(1)">b</a>',
    );
    assert.equal(html, '<p>a</p><a>b</a>');
    assert.equal(removed, 3);
  });
});

describe('commentTextToHtml', () => {
  it('shows HTML as text and keeps paragraphs', () => {
    assert.equal(
      commentTextToHtml('<b>مرحبا</b>\n\nسطر\nثان'),
      '<p>&lt;b&gt;مرحبا&lt;/b&gt;</p><p>سطر<br>ثان</p>',
    );
  });
  it('makes links clickable with rel="nofollow ugc" and leaves trailing Arabic punctuation out', () => {
    assert.equal(
      commentTextToHtml('انظر https://example.org/a?b=1&c=2، شكرا'),
      '<p>انظر <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener" dir="ltr">https://example.org/a?b=1&amp;c=2</a>، شكرا</p>',
    );
  });
  it('cannot be tricked into an attribute', () => {
    assert.ok(!commentTextToHtml('https://x.org/"onmouseover="a').includes('"onmouseover'));
  });
});

describe('text helpers', () => {
  it('escapes', () =>
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
  it('extracts text with spaces between blocks', () =>
    assert.equal(htmlToText('<h2>أ</h2><p>ب &amp; ج</p>'), 'أ ب & ج'));
});

describe('slugify', () => {
  it('keeps Arabic words and drops harakat and tatweel', () => {
    assert.equal(slugify('مَالي تُطلق حملةً للتلقيـــح!'), 'مالي-تطلق-حملة-للتلقيح');
  });
  it('folds French accents to ASCII', () => {
    assert.equal(slugify('Élection à Niamey : les résultats'), 'election-a-niamey-les-resultats');
  });
  it('cuts at a word boundary counting characters, not bytes', () => {
    const slug = slugify('كلمة '.repeat(40), 30);
    assert.ok(Array.from(slug).length <= 30);
    assert.ok(!slug.endsWith('-'));
    assert.ok(isValidSlug(slug, 30));
  });
  it('validates', () => {
    assert.ok(isValidSlug('أخبار-مالي-2026'));
    assert.ok(!isValidSlug('a--b'));
    assert.ok(!isValidSlug('a/b'));
  });
});
