import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanBody } from './clean.ts';
import { convertEmbeds } from './embeds.ts';

const YT =
  '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">';

describe('WordPress embeds on import', () => {
  it('a provider URL alone on its line (classic auto-embed) becomes a stored embed; other URLs become links', () => {
    const { html, warnings } = convertEmbeds(
      'النص الأول.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n  https://example.org/report.pdf  \n\nوهذا رابط https://youtu.be/dQw4w9WgXcQ في جملة.',
    );
    assert.ok(html.includes(`${YT}https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>`), html);
    assert.ok(
      html.includes('  <a href="https://example.org/report.pdf">https://example.org/report.pdf</a>'),
      html,
    );
    // A URL inside a sentence is the author's text, not an embed.
    assert.ok(html.includes('وهذا رابط https://youtu.be/dQw4w9WgXcQ في جملة.'));
    assert.deepEqual(warnings, []);
  });

  it('a URL alone in a block paragraph is auto-embedded too', () => {
    const { html } = convertEmbeds(
      '<!-- wp:paragraph -->\n<p>https://t.me/midad_news/123</p>\n<!-- /wp:paragraph -->',
    );
    assert.match(
      html,
      /<figure data-embed="telegram" data-embed-id="midad_news\/123"><a href="https:\/\/t\.me\/midad_news\/123">/,
    );
  });

  it('[embed]URL[/embed] with a Vimeo link, and an unregistered one as a plain link', () => {
    const { html, warnings } = convertEmbeds(
      '[embed width="640"]https://vimeo.com/76979871[/embed]\n[embed]https://example.org/clip[/embed]',
    );
    assert.match(
      html,
      /^<figure data-embed="vimeo" data-embed-id="76979871"><a href="https:\/\/vimeo\.com\/76979871">/,
    );
    assert.match(html, /<p><a href="https:\/\/example\.org\/clip">https:\/\/example\.org\/clip<\/a><\/p>$/);
    assert.equal(warnings.length, 0);
  });

  it('a Gutenberg embed block of an X post keeps its caption; the old core-embed form works too', () => {
    const block =
      '<!-- wp:embed {"url":"https://twitter.com/midad_news/status/1790000000000000001","type":"rich","providerNameSlug":"twitter"} -->\n' +
      '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\n' +
      'https://twitter.com/midad_news/status/1790000000000000001\n</div><figcaption class="wp-element-caption">بيان الوزارة &amp; ردود</figcaption></figure>\n' +
      '<!-- /wp:embed -->\n\n' +
      '<!-- wp:core-embed/youtube {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ"} -->\n' +
      '<figure class="wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n' +
      '<!-- /wp:core-embed/youtube -->';
    const { html, warnings } = convertEmbeds(block);
    assert.ok(
      html.startsWith(
        '<figure data-embed="x" data-embed-id="1790000000000000001"><a href="https://x.com/midad_news/status/1790000000000000001">https://x.com/midad_news/status/1790000000000000001</a><figcaption>بيان الوزارة &amp; ردود</figcaption></figure>',
      ),
      html,
    );
    assert.ok(html.includes(`${YT}`));
    assert.doesNotMatch(html, /wp:embed|wp-block-embed|core-embed/);
    // Lines are kept, so warnings further down still name the right line.
    assert.equal(html.split('\n').length, block.split('\n').length);
    assert.deepEqual(warnings, []);
  });

  it("WordPress's oEmbed iframes (YouTube, Facebook video plugin) become embeds, titled; other frames links", () => {
    const { html, warnings } = convertEmbeds(
      '<iframe title="فيضان الوادي" width="500" height="281" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allowfullscreen></iframe>\n' +
        '<iframe src="https://www.facebook.com/plugins/video.php?height=314&amp;href=https%3A%2F%2Fwww.facebook.com%2Fmidadnews%2Fvideos%2F1234567890%2F&amp;show_text=false"></iframe>\n' +
        '<iframe src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293"></iframe>\n' +
        '<iframe src="https://ads.example/frame.html"></iframe>',
    );
    assert.ok(html.includes(`${YT}فيضان الوادي</a></figure>`), html);
    assert.match(
      html,
      /<figure data-embed="facebook" data-embed-id="v:1234567890"><a href="https:\/\/www\.facebook\.com\/midadnews\/videos\/1234567890">/,
    );
    // SoundCloud's widget of an API track number: no page address to link, so the widget's address is kept as a link.
    assert.match(html, /<p><a href="https:\/\/w\.soundcloud\.com\/player\/\?url=[^"]*">/);
    // Any other frame is left to the allowlist, which removes and counts it.
    assert.match(html, /<iframe src="https:\/\/ads\.example\/frame\.html"><\/iframe>$/);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? '', /w\.soundcloud\.com/);
  });

  it('malformed embeds: left as text or a link, each with a warning pointing at what was written', () => {
    const content =
      'مقدمة\n\n[embed]youtube dot com slash something[/embed]\n\nhttps://www.youtube.com/watch?v=\n\n' +
      '<!-- wp:embed {"url":"not a url","broken": } -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nnot a url\n</div></figure>\n<!-- /wp:embed -->';
    const { html, warnings } = convertEmbeds(content);
    assert.ok(html.includes('<p>youtube dot com slash something</p>'));
    assert.ok(
      html.includes('<a href="https://www.youtube.com/watch?v=">https://www.youtube.com/watch?v=</a>'),
    );
    assert.ok(html.includes('<p>not a url</p>'), html);
    assert.doesNotMatch(html, /data-embed=|\[embed\]/);
    assert.equal(warnings.length, 3, JSON.stringify(warnings));
    const line = (near: string) => content.slice(0, content.indexOf(near)).split('\n').length;
    assert.deepEqual(
      warnings.map((w) => line(w.near)).sort((a, b) => a - b),
      [3, 5, 7],
      JSON.stringify(warnings),
    );
  });

  it('a lookalike host is never an embed', () => {
    const { html } = convertEmbeds('https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ');
    assert.equal(
      html,
      '<a href="https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ">https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ</a>',
    );
  });

  it('through the whole body clean-up: stored embeds pass the allowlist, classic and block content alike, warnings by line', () => {
    const noMedia = { attachment: () => null, attachedImages: () => [], image: () => null };
    const classic = cleanBody(
      'أول سطر\n\nhttps://www.youtube.com/shorts/dQw4w9WgXcQ\n\n[embed]not an address[/embed]',
      noMedia,
    );
    assert.equal(
      classic.html,
      `<p>أول سطر</p>\n${YT}https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>\n<p>not an address</p>`,
    );
    assert.deepEqual(
      classic.warnings.map((w) => w.line),
      [5],
    );
    const blocks = cleanBody(
      '<!-- wp:paragraph -->\n<p>قبل</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:embed {"url":"https://vimeo.com/76979871","providerNameSlug":"vimeo"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/76979871\n</div><figcaption>شرح</figcaption></figure>\n<!-- /wp:embed -->',
      noMedia,
    );
    assert.match(
      blocks.html,
      /<figure data-embed="vimeo" data-embed-id="76979871"><a href="https:\/\/vimeo\.com\/76979871">https:\/\/vimeo\.com\/76979871<\/a><figcaption>شرح<\/figcaption><\/figure>/,
    );
    assert.equal(blocks.removed, 0);
  });
});
