import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeArticleHtml } from '../html-policy.ts';
import { infoBoxHtml, pullQuoteHtml } from './callout.ts';

describe('pull quote and info box storage formats', () => {
  it('builds a pull quote as a figure with a blockquote and its source, kept whole by the allowlist', () => {
    const html = pullQuoteHtml('الماء حق لا منّة', 'عمدة <em>أطار</em>');
    assert.equal(
      html,
      '<figure data-block="pullquote"><blockquote><p>الماء حق لا منّة</p></blockquote><figcaption>عمدة <em>أطار</em></figcaption></figure>',
    );
    assert.equal(sanitizeArticleHtml(html).html, html);
    assert.equal(
      pullQuoteHtml('<p>a</p><p>b</p>'),
      '<figure data-block="pullquote"><blockquote><p>a</p><p>b</p></blockquote></figure>',
    );
  });

  it('builds an info box as an aside with an escaped heading, kept whole by the allowlist', () => {
    const html = infoBoxHtml('أرقام <المياه>', '<p>٣ آبار</p><ul><li>بئر</li></ul>');
    assert.equal(
      html,
      '<aside data-block="infobox"><h3>أرقام &lt;المياه&gt;</h3><p>٣ آبار</p><ul><li>بئر</li></ul></aside>',
    );
    assert.equal(sanitizeArticleHtml(html).html, html);
  });

  it('strips what is not part of the formats from inside them', () => {
    const { html } = sanitizeArticleHtml(
      '<figure data-block="pullquote" class="x" style="y"><blockquote onclick="z()" data-q="1"><p>q<script>s()</script></p></blockquote><figcaption><img src="x" onerror="e()">c</figcaption></figure>' +
        '<aside data-block="infobox" id="i" style="float:left" role="banner"><h3 onclick="x()">t</h3><form action="/x"><input name="a"></form><p>b</p><iframe src="https://x.example"></iframe></aside>',
    );
    assert.equal(
      html,
      '<figure data-block="pullquote"><blockquote><p>q</p></blockquote><figcaption><img src="x" loading="lazy" decoding="async" />c</figcaption></figure>' +
        '<aside data-block="infobox"><h3>t</h3><p>b</p></aside>',
    );
  });
});
