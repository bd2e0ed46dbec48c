import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import { renderBody } from './render-body.ts';
import { renderRemoteImages } from './remote-images.ts';

const ctx = (lang: Lang) => ({ lang, t: messages(lang), baseUrl: 'https://news.example' });

const HOST = '<bdi dir="ltr">pics.<wbr>example.<wbr>org</bdi>';

describe('renderRemoteImages', () => {
  it('turns an image on another site into a link named by its alt text and the site (English)', () => {
    const html = renderRemoteImages(
      '<p>Before</p><img src="https://pics.example.org/2024/05/harbour.jpg" alt="Boats at dawn" loading="lazy" decoding="async"><p>After</p>',
      ctx('en'),
    );
    assert.equal(
      html,
      `<p>Before</p><a class="remote-image" href="https://pics.example.org/2024/05/harbour.jpg" rel="nofollow noopener">Image on ${HOST}: <bdi>Boats at dawn</bdi></a><p>After</p>`,
    );
  });

  it('names an image without alt text by its file name', () => {
    const html = renderRemoteImages(
      '<figure><img src="http://pics.example.org/up/market%20day-1024x768.jpg?v=2" alt=""><figcaption>Market</figcaption></figure>',
      ctx('en'),
    );
    assert.ok(html.includes(`>Image on ${HOST}: <bdi>market day-1024x768.jpg</bdi></a>`), html);
    assert.ok(html.includes('href="http://pics.example.org/up/market%20day-1024x768.jpg?v=2"'), html);
    assert.ok(html.endsWith('<figcaption>Market</figcaption></figure>'));
  });

  it('replaces the link WordPress puts around an image to its file, so no link is left inside a link', () => {
    const html = renderRemoteImages(
      '<figure class="wp-block-image"><a href="https://pics.example.org/up/boat.jpg"><img src="https://pics.example.org/up/boat-300x200.jpg" alt="Boat"></a></figure>',
      ctx('en'),
    );
    assert.equal(
      html,
      `<figure class="wp-block-image"><a class="remote-image" href="https://pics.example.org/up/boat.jpg" rel="nofollow noopener">Image on ${HOST}: <bdi>Boat</bdi></a></figure>`,
    );
  });

  it('keeps a link to somewhere else around a remote image, with the image as its text', () => {
    const html = renderRemoteImages(
      '<p><a href="https://pics.example.org/story/">Read <img src="https://pics.example.org/up/boat.jpg" alt="Boat"></a></p>',
      ctx('en'),
    );
    assert.equal(
      html,
      `<p><a href="https://pics.example.org/story/">Read <span class="remote-image">Image on ${HOST}: <bdi>Boat</bdi></span></a></p>`,
    );
    assert.equal(html.match(/<a\b/g)?.length, 1);
  });

  it('leaves images on this site, data: URLs and relative addresses as they are', () => {
    const own =
      '<p><img src="https://news.example/media/a.jpg" alt="a"><img src="http://news.example/media/b.jpg" alt="">' +
      '<img src="/media/c.jpg" alt=""><img src="media/d.jpg" alt=""><img src="data:image/png;base64,iVBORw0KGgo=" alt=""></p>';
    assert.equal(renderRemoteImages(own, ctx('en')), own);
    // Nothing absolute at all: the body is passed on as it is, without parsing.
    const plain = '<p>No <a href="https://pics.example.org/">pictures</a> here.</p>';
    assert.equal(renderRemoteImages(plain, ctx('en')), plain);
  });

  it('removes srcset candidates on other sites from an image that stays', () => {
    const mixed = renderRemoteImages(
      '<img src="/media/a-960.jpg" srcset="/media/a-320.jpg 320w, https://pics.example.org/a-1280.jpg 1280w" sizes="50vw" alt="a">',
      ctx('en'),
    );
    assert.equal(mixed, '<img src="/media/a-960.jpg" srcset="/media/a-320.jpg 320w" sizes="50vw" alt="a">');
    const allRemote = renderRemoteImages(
      '<img src="/media/a-960.jpg" srcset="https://pics.example.org/a-320.jpg 320w" sizes="50vw" alt="&quot;a&quot;">',
      ctx('en'),
    );
    assert.equal(allRemote, '<img src="/media/a-960.jpg" alt="&quot;a&quot;">');
  });

  it('makes a gallery of remote images a list of links, not empty boxes (Arabic page)', () => {
    const gallery =
      '<figure data-block="gallery"><ul>' +
      '<li><figure><img src="https://pics.example.org/up/a-300x200.jpg" srcset="https://pics.example.org/up/a-300x200.jpg 300w, https://pics.example.org/up/a.jpg 1200w" alt="مرفأ" /><figcaption>الفجر</figcaption></figure></li>' +
      '<li><figure><img src="https://pics.example.org/up/b.jpg" alt="" /></figure></li>' +
      '</ul></figure>';
    const html = renderBody(gallery, ctx('ar'));
    assert.doesNotMatch(html, /<img\b/);
    assert.ok(html.includes('aria-label="معرض صور: صورتان"'), html);
    assert.ok(
      html.includes(
        `<li><figure><a class="remote-image" href="https://pics.example.org/up/a.jpg" rel="nofollow noopener">صورة على موقع ${HOST}: <bdi>مرفأ</bdi></a><figcaption>الفجر</figcaption></figure></li>`,
      ),
      html,
    );
    assert.ok(html.includes(`صورة على موقع ${HOST}: <bdi>b.jpg</bdi></a>`), html);
    assert.equal(html.match(/<a\b/g)?.length, 2, 'one link per picture, none inside another');
  });

  it('speaks French and escapes the names it writes', () => {
    const html = renderRemoteImages(
      '<img src="https://pics.example.org/x.jpg" alt="&lt;b&gt; &quot;$&amp;&quot;">',
      ctx('fr'),
    );
    assert.ok(html.includes(`>Image sur ${HOST} : <bdi>&lt;b&gt; &quot;$&amp;&quot;</bdi></a>`), html);
  });
});
