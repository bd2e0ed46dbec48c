import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autop } from './autop.ts';
import { type CleanContext, cleanBody, commentText } from './clean.ts';
import { convertShortcodes, parseAttributes } from './shortcodes.ts';

const images: Record<string, { src: string; alt: string; caption: string }> = {
  '7': { src: '/media/a.jpg', alt: 'نهر النيجر', caption: 'النهر عند الفجر' },
  '8': { src: '/media/b.jpg', alt: 'سوق', caption: '' },
};
const ctx: CleanContext = {
  attachment: (id) => images[id] ?? null,
  attachedImages: () => [images['8']!],
  image: (url) =>
    url.endsWith('/old.jpg')
      ? { src: '/media/new-640.jpg', srcset: '/media/new-320.jpg 320w', width: 640, height: 480 }
      : null,
};

describe('shortcodes', () => {
  it('reads attributes in every quoting style', () => {
    assert.deepEqual(parseAttributes(' id="attachment_7" align=\'left\' width=300 "x y"'), {
      id: 'attachment_7',
      align: 'left',
      width: '300',
      '0': 'x y',
    });
  });

  it('turns [caption] into a figure, with the caption after the image or in the attribute', () => {
    const { html } = convertShortcodes(
      '[caption id="attachment_7" width="300"]<a href="/x"><img src="a.jpg" alt=""></a> النهر[/caption][caption caption="قديم"]<img src="b.jpg">[/caption]',
      ctx,
    );
    assert.equal(
      html,
      '<figure><a href="/x"><img src="a.jpg" alt=""></a><figcaption>النهر</figcaption></figure><figure><img src="b.jpg"><figcaption>قديم</figcaption></figure>',
    );
  });

  it('turns [gallery] into a gallery of the listed or attached images (galleries.test.ts has the rest)', () => {
    const listed = convertShortcodes('[gallery ids="7,8,99"]', ctx);
    assert.equal(
      listed.html,
      '<figure data-block="gallery"><ul><li><figure><img src="/media/a.jpg" alt="نهر النيجر" /><figcaption>النهر عند الفجر</figcaption></figure></li><li><figure><img src="/media/b.jpg" alt="سوق" /></figure></li></ul></figure>',
    );
    assert.deepEqual(listed.warnings, [
      { message: 'gallery: image 99 not in the export; left out', near: '[gallery ids="7,8,99"]' },
    ]);
    assert.equal(
      convertShortcodes('[gallery columns="2"]', ctx).html,
      '<figure data-block="gallery"><ul><li><figure><img src="/media/b.jpg" alt="سوق" /></figure></li></ul></figure>',
    );
  });

  it('turns [embed] into a link and [audio] into a player (media.test.ts has the rest), and lists unknown shortcodes kept as text', () => {
    const { html, unknown } = convertShortcodes(
      '[embed]https://video.example/v/1[/embed] [audio mp3="https://a.example/x.mp3"][/audio] [contact-form id="1"] [toc] [citation needed] [row][col]x[/col][/row]',
      ctx,
    );
    assert.match(html, /^<p><a href="https:\/\/video\.example\/v\/1">/);
    assert.match(
      html,
      /<figure data-block="audio"><audio src="https:\/\/a\.example\/x\.mp3"><\/audio><\/figure>/,
    );
    assert.ok(html.includes('[contact-form id="1"]'));
    assert.deepEqual(unknown, ['contact-form', 'toc', 'row', 'col']);
  });
});

describe('autop', () => {
  it('makes paragraphs from blank lines and line breaks from single newlines', () => {
    assert.equal(autop('سطر أول\nسطر ثان\n\nفقرة ثانية'), '<p>سطر أول<br>\nسطر ثان</p>\n<p>فقرة ثانية</p>');
  });

  it('never wraps block elements and keeps <pre> untouched', () => {
    assert.equal(
      autop('<h2>عنوان</h2>\nنص\n\n<ul>\n<li>أ</li>\n</ul>\n<pre>a\n\nb</pre>'),
      '<h2>عنوان</h2>\n<p>نص</p>\n<ul>\n<li>أ</li>\n</ul>\n<pre>a\n\nb</pre>',
    );
  });
});

describe('cleanBody', () => {
  it('removes block comments but keeps their HTML, without adding paragraphs', () => {
    const { html } = cleanBody(
      '<!-- wp:paragraph -->\n<p>نص</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator /-->',
      ctx,
    );
    assert.equal(html, '<p>نص</p>');
  });

  it('points old images at imported media and counts what the allowlist removed', () => {
    const { html, removed } = cleanBody(
      'نص <img src="https://old.example/wp-content/uploads/old.jpg" style="x" onerror="y()">\n\n<iframe src="https://x.example"></iframe><script>z()</script>',
      ctx,
    );
    assert.match(html, /^<p>نص <img [^>]*\/><\/p>$/);
    for (const attr of [
      'src="/media/new-640.jpg"',
      'srcset="/media/new-320.jpg 320w"',
      'width="640"',
      'height="480"',
    ]) {
      assert.ok(html.includes(attr), attr);
    }
    assert.doesNotMatch(html, /style|onerror|iframe|script/);
    assert.equal(removed, 4);
  });
});

describe('commentText', () => {
  it('keeps line breaks and paragraphs as text, drops markup, decodes entities', () => {
    assert.equal(commentText('<p>أ &amp; ب</p><p>ج<br />د <b>هـ</b></p>'), 'أ & ب\n\nج\nد هـ');
  });
});
