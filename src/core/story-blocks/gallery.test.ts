import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeArticleHtml } from '../html-policy.ts';
import { galleryHtml } from './gallery.ts';

const images = [
  {
    src: '/media/2026/12/a-960.jpg',
    srcset: '/media/2026/12/a-320.jpg 320w, /media/2026/12/a-960.jpg 960w',
    alt: 'سوق السمك في نواكشوط',
    width: 960,
    height: 640,
    captionHtml: 'الصيادون عند الفجر — <em>تصوير الدار</em>',
  },
  { src: '/media/2026/12/b-640.jpg', srcset: '', alt: '', width: null, height: null, captionHtml: '' },
];

describe('gallery storage format', () => {
  it('is built as a figure holding a list of captioned figures, and the allowlist keeps it whole', () => {
    const html = galleryHtml(images, 'يوم في <strong>السوق</strong>');
    assert.equal(
      html,
      '<figure data-block="gallery"><ul>' +
        '<li><figure><img src="/media/2026/12/a-960.jpg" srcset="/media/2026/12/a-320.jpg 320w, /media/2026/12/a-960.jpg 960w" alt="سوق السمك في نواكشوط" width="960" height="640" /><figcaption>الصيادون عند الفجر — <em>تصوير الدار</em></figcaption></figure></li>' +
        '<li><figure><img src="/media/2026/12/b-640.jpg" alt="" /></figure></li>' +
        '</ul><figcaption>يوم في <strong>السوق</strong></figcaption></figure>',
    );
    // The sanitizer only adds the loading hints it adds to every body image.
    const kept = sanitizeArticleHtml(html).html;
    assert.equal(kept.replace(/ loading="lazy" decoding="async"/g, ''), html);
    assert.equal(sanitizeArticleHtml(kept).html, kept, 'a second pass changes nothing');
  });

  it('escapes what it is given and builds nothing for no images', () => {
    const html = galleryHtml([{ ...images[1]!, src: '/media/x".jpg', alt: '<b>"x"</b>' }]);
    assert.ok(html.includes('src="/media/x&quot;.jpg"'));
    assert.ok(html.includes('alt="&lt;b&gt;&quot;x&quot;&lt;/b&gt;"'));
    assert.equal(galleryHtml([]), '');
  });

  it('strips from a stored gallery what is not part of the format', () => {
    const dirty =
      '<figure data-block="gallery" data-x="1" class="big" style="color:red" onclick="x()"><ul class="grid">' +
      '<li onmouseover="y()"><figure><img src="/media/a.jpg" alt="a" onerror="z()" data-id="4"><figcaption>c<script>bad()</script><iframe src="https://x.example"></iframe></figcaption></figure></li>' +
      '</ul><script>alert(1)</script><figcaption style="x">t</figcaption></figure><img src="javascript:alert(1)">';
    const { html } = sanitizeArticleHtml(dirty);
    assert.equal(
      html,
      '<figure data-block="gallery"><ul><li><figure><img src="/media/a.jpg" alt="a" loading="lazy" decoding="async" /><figcaption>c</figcaption></figure></li></ul><figcaption>t</figcaption></figure><img loading="lazy" decoding="async" />',
    );
  });
});
