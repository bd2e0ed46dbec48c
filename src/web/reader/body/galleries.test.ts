import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import { GALLERY_SIZES, largestVariant, renderGalleries } from './galleries.ts';
import { renderBody } from './render-body.ts';

const ctx = (lang: Lang) => ({ lang, t: messages(lang), baseUrl: 'https://news.example' });

const stored =
  '<p>قبل</p><figure data-block="gallery"><ul>' +
  '<li><figure><img src="/media/a-960.jpg" srcset="/media/a-320.jpg 320w, /media/a-1280.jpg 1280w, /media/a-960.jpg 960w" alt="قارب &quot;الأمل&quot;" width="960" height="640" loading="lazy" decoding="async" /><figcaption>الصيد عند <em>الفجر</em></figcaption></figure></li>' +
  '<li><figure><img src="/media/b-640.jpg" alt="" width="640" height="480" /></figure></li>' +
  '<li><figure><img src="/media/c-640.jpg" srcset="/media/c-320.jpg 320w" alt="سوق" /></figure></li>' +
  '</ul><figcaption dir="rtl">يوم في الميناء</figcaption></figure><p>بعد</p>';

describe('renderGalleries', () => {
  it('turns a stored gallery into a named list of linked responsive images (Arabic)', () => {
    const html = renderGalleries(stored, ctx('ar'));
    assert.ok(html.startsWith('<p>قبل</p><figure class="gallery" data-block="gallery">'), html);
    assert.ok(html.endsWith('</figure><p>بعد</p>'));
    assert.ok(html.includes('<ul class="gallery-grid" role="list" aria-label="معرض صور: 3 صور">'), html);
    assert.equal(html.match(/<li>/g)?.length, 3);
    // The first image links to its largest variant and keeps srcset, sizes, size and alt.
    assert.ok(
      html.includes(
        `<a class="gallery-open" href="/media/a-1280.jpg"><img src="/media/a-960.jpg" srcset="/media/a-320.jpg 320w, /media/a-1280.jpg 1280w, /media/a-960.jpg 960w" sizes="${GALLERY_SIZES}" alt="قارب &quot;الأمل&quot;" width="960" height="640" loading="lazy" decoding="async"><span class="visually-hidden">افتح الصورة 1 من 3 بحجمها الكامل</span></a><figcaption>الصيد عند <em>الفجر</em></figcaption>`,
      ),
      html,
    );
    // Without variants the picture links to itself; without a size it gets none.
    assert.ok(
      html.includes(
        '<a class="gallery-open" href="/media/b-640.jpg"><img src="/media/b-640.jpg" alt="" width="640" height="480" loading="lazy"',
      ),
    );
    assert.ok(html.includes('<img src="/media/c-640.jpg" srcset="/media/c-320.jpg 320w" sizes="'));
    assert.ok(html.includes('href="/media/c-320.jpg"'), 'the only variant is the largest');
    assert.ok(html.includes('<figcaption dir="rtl">يوم في الميناء</figcaption></figure>'));
  });

  it('speaks the page language (English, French) and counts in it', () => {
    const en = renderGalleries(stored, ctx('en'));
    assert.ok(en.includes('aria-label="Photo gallery: 3 photos"'));
    assert.ok(en.includes('Open photo 2 of 3 at full size'));
    const fr = renderGalleries(stored.replace(/<li>.*?<\/li>/, ''), ctx('fr'));
    assert.ok(fr.includes('aria-label="Galerie de photos : 2 photos"'));
  });

  it('escapes attribute values decoded from the stored HTML', () => {
    const html = renderGalleries(
      '<figure data-block="gallery"><ul><li><figure><img src="/media/x.jpg?a=1&amp;b=&quot;2" alt="&lt;script&gt;" /></figure></li></ul></figure>',
      ctx('en'),
    );
    assert.ok(html.includes('src="/media/x.jpg?a=1&amp;b=&quot;2"'), html);
    assert.ok(html.includes('alt="&lt;script&gt;"'));
    assert.doesNotMatch(html, /<script/);
    assert.ok(html.includes('aria-label="Photo gallery: 1 photo"'));
  });

  it('shows nothing for a gallery without images and leaves other figures alone', () => {
    const other = '<figure><img src="/media/z.jpg" alt="z" /><figcaption>z</figcaption></figure>';
    assert.equal(
      renderGalleries(
        `<p>a</p><figure data-block="gallery"><ul></ul><figcaption>x</figcaption></figure>${other}`,
        ctx('ar'),
      ),
      `<p>a</p>${other}`,
    );
    assert.equal(renderGalleries(other, ctx('ar')), other);
  });

  it('runs as a step of the article body', () => {
    assert.ok(renderBody(stored, ctx('ar')).includes('class="gallery-grid"'));
  });

  it('picks the widest candidate of a srcset', () => {
    assert.equal(largestVariant('/s.jpg', '/a.jpg 640w, /b.jpg 1280w, /c.jpg 960w'), '/b.jpg');
    assert.equal(largestVariant('/s.jpg', ''), '/s.jpg');
    assert.equal(largestVariant('/s.jpg', '/a.jpg 2x'), '/s.jpg');
  });
});
