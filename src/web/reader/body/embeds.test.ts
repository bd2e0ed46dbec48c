import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storedEmbedFor } from '../../../core/embeds/stored.ts';
import { sanitizeArticleHtml } from '../../../core/html-policy.ts';
import { messages } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import { renderEmbeds } from './embeds.ts';

const ctx = (lang: Lang) => ({ lang, t: messages(lang), baseUrl: 'https://news.example' });

/** The body as stored: written by storedEmbedFor, then through the article allowlist like every save. */
function stored(url: string, extra: Parameters<typeof storedEmbedFor>[1] = {}): string {
  const html = storedEmbedFor(url, extra);
  assert.ok(html, url);
  return sanitizeArticleHtml(html).html;
}

describe('reader embed facades', () => {
  it('the stored form survives the allowlist unchanged in meaning: a figure holding a link', () => {
    const html = stored('https://youtu.be/dQw4w9WgXcQ', {
      title: 'Flood in the valley',
      caption: 'Filmed by a reader',
    });
    assert.equal(
      html,
      '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Flood in the valley</a><figcaption>Filmed by a reader</figcaption></figure>',
    );
  });

  it('an English page gets a facade: provider, title, play button, notice, link, caption, no frame', () => {
    const out = renderEmbeds(
      `<p>Before</p>${stored('https://youtu.be/dQw4w9WgXcQ?t=42', { title: 'Flood in the valley', caption: 'Filmed by a reader' })}`,
      ctx('en'),
    );
    assert.match(out, /^<p>Before<\/p><figure class="embed embed-video" data-embed="youtube"/);
    assert.match(
      out,
      /data-embed-player="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?autoplay=1&amp;start=42"/,
    );
    assert.match(out, /data-embed-title="YouTube: Flood in the valley"/);
    assert.match(out, /data-embed-sandbox="allow-scripts allow-same-origin/);
    assert.match(out, /<p class="embed-provider"><bdi dir="ltr">YouTube<\/bdi><\/p>/);
    assert.match(
      out,
      /<p class="embed-title" id="embed-1-youtube-title" dir="auto">Flood in the valley<\/p>/,
    );
    assert.match(
      out,
      /<button type="button" class="embed-play" aria-describedby="embed-1-youtube-title embed-1-youtube-note">Play video<\/button>/,
    );
    assert.match(
      out,
      /<a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ&amp;t=42s" rel="noopener">Open on <bdi dir="ltr">YouTube<\/bdi><\/a>/,
    );
    assert.match(out, /Nothing loads from <bdi dir="ltr">YouTube<\/bdi> until you press the button/);
    assert.match(out, /<figcaption>Filmed by a reader<\/figcaption><\/figure>$/);
    assert.doesNotMatch(out, /<iframe|youtube\.com\/[^"]*"[^>]*src=|<img/);
  });

  it('an Arabic page names the action in Arabic and keeps the provider and address as LTR fragments', () => {
    const out = renderEmbeds(stored('https://t.me/midad_news/123'), ctx('ar'));
    assert.match(out, /class="embed embed-post" data-embed="telegram"/);
    assert.match(out, />عرض المنشور<\/button>/);
    assert.match(out, /افتحه على <bdi dir="ltr">Telegram<\/bdi>/);
    // No title known: the address is shown, isolated as left-to-right.
    assert.match(
      out,
      /<p class="embed-title" id="embed-1-telegram-title"><bdi dir="ltr">t\.me\/midad_news\/123<\/bdi><\/p>/,
    );
    assert.match(out, /data-embed-player="https:\/\/t\.me\/midad_news\/123\?embed=1"/);
  });

  it('escapes titles and captions, and keeps only a thumbnail that is a path on this site', () => {
    const local = renderEmbeds(
      stored('https://vimeo.com/76979871', {
        title: '<script>alert(1)</script> & "x"',
        thumbnail: '/media/2026/thumb.jpg',
      }),
      ctx('fr'),
    );
    assert.match(local, /dir="auto">&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;x&quot;<\/p>/);
    assert.match(
      local,
      /data-embed-title="Vimeo: &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;x&quot;"/,
    );
    assert.doesNotMatch(local, /<script/);
    assert.match(local, /<img class="embed-thumb" src="\/media\/2026\/thumb\.jpg" alt="" loading="lazy"/);
    assert.match(local, />Lire la vidéo<\/button>/);
    const outside =
      '<figure data-embed="vimeo" data-embed-id="76979871"><a href="https://vimeo.com/76979871">A</a><img src="https://i.vimeocdn.com/x.jpg" alt=""></figure>';
    assert.doesNotMatch(renderEmbeds(outside, ctx('en')), /<img|vimeocdn/);
    const protocolRelative =
      '<figure data-embed="vimeo" data-embed-id="1"><a href="https://vimeo.com/76979871">A</a><img src="//evil.example/x.jpg" alt=""></figure>';
    assert.doesNotMatch(renderEmbeds(protocolRelative, ctx('en')), /evil\.example/);
  });

  it('never trusts the stored provider: an unregistered or forged address stays the plain stored link', () => {
    const forged =
      '<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ">x</a></figure>';
    assert.equal(renderEmbeds(forged, ctx('en')), forged);
    // The attributes say Telegram; the link is YouTube: the link decides.
    const mismatched =
      '<figure data-embed="telegram" data-embed-id="a/1"><a href="https://youtu.be/dQw4w9WgXcQ">x</a></figure>';
    assert.match(
      renderEmbeds(mismatched, ctx('en')),
      /data-embed="youtube"[^>]*data-embed-player="https:\/\/www\.youtube-nocookie\.com\//,
    );
    const plain =
      '<p><a href="https://youtu.be/dQw4w9WgXcQ">a link in a sentence</a></p><figure><img src="/a.jpg" alt=""></figure>';
    assert.equal(renderEmbeds(plain, ctx('en')), plain);
  });

  it('numbers several facades on one page so their ids differ', () => {
    const out = renderEmbeds(
      stored('https://youtu.be/dQw4w9WgXcQ') + stored('https://youtu.be/aaaaaaaaaaa'),
      ctx('en'),
    );
    assert.match(out, /id="embed-1-youtube-title"/);
    assert.match(out, /id="embed-2-youtube-title"/);
  });
});
