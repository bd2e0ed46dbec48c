import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CleanContext, cleanBody } from './clean.ts';

// Attachment 7 and 8 were imported (variants, size); the old URLs of 7 and 9 map to imported media.
const library: Record<
  string,
  { src: string; srcset: string; width: number; height: number; alt: string; caption: string }
> = {
  '7': {
    src: '/media/n-960.jpg',
    srcset: '/media/n-320.jpg 320w, /media/n-960.jpg 960w',
    width: 960,
    height: 640,
    alt: 'نهر النيجر',
    caption: 'النهر عند الفجر',
  },
  '8': {
    src: '/media/s-960.jpg',
    srcset: '/media/s-320.jpg 320w, /media/s-960.jpg 960w',
    width: 960,
    height: 720,
    alt: 'سوق',
    caption: '',
  },
};
const byOldUrl: Record<string, { src: string; srcset: string; width: number; height: number }> = {
  'https://old.example/wp-content/uploads/2024/03/river-1024x683.jpg': {
    src: '/media/n-960.jpg',
    srcset: '/media/n-320.jpg 320w, /media/n-960.jpg 960w',
    width: 960,
    height: 640,
  },
  'https://old.example/wp-content/uploads/2024/03/boats.jpg': {
    src: '/media/b-960.jpg',
    srcset: '/media/b-320.jpg 320w, /media/b-960.jpg 960w',
    width: 960,
    height: 600,
  },
};
const ctx: CleanContext = {
  attachment: (id) => library[id] ?? null,
  attachedImages: () => [library['8']!, library['7']!],
  image: (url) => byOldUrl[url] ?? null,
};

/** The gallery's images and captions as [src, srcset, caption] rows, and its own caption. */
function readGallery(stored: string) {
  // Classic content goes through autop, which puts block elements on lines of their own.
  const html = stored.replace(/>\s+</g, '><');
  const gallery =
    /<figure data-block="gallery"><ul>([\s\S]*?)<\/ul>(?:<figcaption>([\s\S]*?)<\/figcaption>)?<\/figure>/.exec(
      html,
    );
  assert.ok(gallery, `a stored gallery in: ${html}`);
  const rows = [
    ...(gallery[1] ?? '').matchAll(
      /<li><figure>(<img [^>]*>)(?:<figcaption>([\s\S]*?)<\/figcaption>)?<\/figure><\/li>/g,
    ),
  ].map((m) => [
    /src="([^"]*)"/.exec(m[1] ?? '')?.[1],
    /srcset="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '',
    m[2] ?? '',
  ]);
  return { rows, caption: gallery[2] ?? '' };
}

describe('WordPress galleries', () => {
  it("[gallery ids] keeps the listed order with srcset, size and the attachments' captions", () => {
    const { html, warnings } = cleanBody('قبل\n\n[gallery ids="8,7" columns="3" link="file"]\n\nبعد', ctx);
    assert.deepEqual(readGallery(html).rows, [
      ['/media/s-960.jpg', '/media/s-320.jpg 320w, /media/s-960.jpg 960w', ''],
      ['/media/n-960.jpg', '/media/n-320.jpg 320w, /media/n-960.jpg 960w', 'النهر عند الفجر'],
    ]);
    assert.ok(html.includes('width="960" height="720"'));
    assert.ok(html.startsWith('<p>قبل</p>') && html.endsWith('<p>بعد</p>'), 'not wrapped in a paragraph');
    assert.deepEqual(warnings, []);
  });

  it('[gallery ids] with ids missing from the export keeps the others and names the missing ids and the line', () => {
    const { html, warnings } = cleanBody('سطر\n\nسطر\n[gallery ids="41,7,42"]', ctx);
    assert.deepEqual(
      readGallery(html).rows.map((r) => r[0]),
      ['/media/n-960.jpg'],
    );
    assert.deepEqual(warnings, [{ message: 'gallery: images 41, 42 not in the export; left out', line: 4 }]);
  });

  it('[gallery] without ids shows the images attached to the post; an empty one is left out with a warning', () => {
    assert.equal(readGallery(cleanBody('[gallery]', ctx).html).rows.length, 2);
    const empty = cleanBody('نص\n[gallery ids="99"]', { ...ctx, attachedImages: () => [] });
    assert.equal(empty.html, '<p>نص</p>');
    assert.deepEqual(
      empty.warnings.map((w) => [w.message, w.line]),
      [
        ['gallery: image 99 not in the export; left out', 2],
        ['gallery: no image to show; the gallery is left out', 2],
      ],
    );
    const none = cleanBody('[gallery]', { ...ctx, attachedImages: () => [] });
    assert.equal(none.html, '');
    assert.equal(none.warnings[0]?.message, 'gallery: no image to show; the gallery is left out');
  });

  it('says a [playlist] (audio or video tracks) is left out, with its line, instead of showing it as pictures', () => {
    const { html, warnings } = cleanBody('نص\n\n[playlist type="video" ids="7,8"]', ctx);
    assert.equal(html, '<p>نص</p>');
    assert.deepEqual(warnings, [{ message: 'playlist (video, ids 7,8): not converted; left out', line: 3 }]);
  });

  it('reads the old Gutenberg gallery (ul.blocks-gallery-grid) with item and gallery captions', () => {
    const content = `<!-- wp:paragraph -->
<p>قبل</p>
<!-- /wp:paragraph -->

<!-- wp:gallery {"ids":[7,9],"linkTo":"media"} -->
<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><a href="https://old.example/wp-content/uploads/2024/03/river.jpg"><img src="https://old.example/wp-content/uploads/2024/03/river-1024x683.jpg" alt="نهر النيجر" data-id="7" data-full-url="https://old.example/wp-content/uploads/2024/03/river.jpg" class="wp-image-7"/></a><figcaption class="blocks-gallery-item__caption">النهر <strong>عند الفجر</strong></figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="https://old.example/wp-content/uploads/2024/03/boats.jpg" alt="قوارب" data-id="9" class="wp-image-9"/></figure></li></ul><figcaption class="blocks-gallery-caption">يوم على النهر</figcaption></figure>
<!-- /wp:gallery -->`;
    const { html, warnings } = cleanBody(content, ctx);
    const gallery = readGallery(html);
    assert.deepEqual(gallery.rows, [
      [
        '/media/n-960.jpg',
        '/media/n-320.jpg 320w, /media/n-960.jpg 960w',
        'النهر <strong>عند الفجر</strong>',
      ],
      ['/media/b-960.jpg', '/media/b-320.jpg 320w, /media/b-960.jpg 960w', ''],
    ]);
    assert.equal(gallery.caption, 'يوم على النهر');
    assert.doesNotMatch(html, /old\.example|class=|data-id|<a /);
    assert.deepEqual(warnings, []);
  });

  it('reads the new Gutenberg gallery (nested wp:image blocks) with item and gallery captions', () => {
    const content = `<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":9,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="https://old.example/wp-content/uploads/2024/03/boats.jpg" alt="قوارب" class="wp-image-9"/><figcaption class="wp-element-caption">قوارب الصيد</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":7,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="https://old.example/wp-content/uploads/2024/03/river-1024x683.jpg" alt="" class="wp-image-7"/></figure>
<!-- /wp:image -->
<figcaption class="blocks-gallery-caption wp-element-caption">الميناء <a href="https://example.org/port">صباحًا</a></figcaption></figure>
<!-- /wp:gallery -->`;
    const { html } = cleanBody(content, ctx);
    const gallery = readGallery(html);
    assert.deepEqual(gallery.rows, [
      ['/media/b-960.jpg', '/media/b-320.jpg 320w, /media/b-960.jpg 960w', 'قوارب الصيد'],
      ['/media/n-960.jpg', '/media/n-320.jpg 320w, /media/n-960.jpg 960w', ''],
    ]);
    assert.equal(gallery.caption, 'الميناء <a href="https://example.org/port">صباحًا</a>');
    assert.match(html, /<img [^>]*height="600" [^>]*src="\/media\/b-960.jpg"/);
    assert.match(html, /<img [^>]*width="960" [^>]*src="\/media\/b-960.jpg"/);
  });

  it('an empty Gutenberg gallery is left out with a warning on its line', () => {
    const { html, warnings } = cleanBody(
      '<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->\n<!-- wp:gallery {"ids":[]} -->\n<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"></ul></figure>\n<!-- /wp:gallery -->',
      ctx,
    );
    assert.equal(html, '<p>x</p>');
    assert.deepEqual(warnings, [
      { message: 'gallery block: no image to show; the gallery is left out', line: 4 },
    ]);
  });
});
