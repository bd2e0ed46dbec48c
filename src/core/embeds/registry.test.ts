import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embedProvider, PROVIDERS, playerOrigins, providerOf, recognizeEmbed } from './registry.ts';

function recognized(input: string) {
  const m = recognizeEmbed(input);
  assert.ok(m, `expected ${input} to be recognised`);
  return m;
}

function player(input: string): string {
  const m = recognized(input);
  return providerOf(m).player(m);
}

describe('embed registry', () => {
  it('knows at least the ten required providers, each with an https player origin', () => {
    const names = PROVIDERS.map((p) => p.name).sort();
    for (const name of [
      'youtube',
      'vimeo',
      'x',
      'facebook',
      'instagram',
      'tiktok',
      'telegram',
      'soundcloud',
      'dailymotion',
      'googlemaps',
    ]) {
      assert.ok(names.includes(name as never), name);
      assert.equal(embedProvider(name)?.name, name);
    }
    for (const origin of playerOrigins()) assert.match(origin, /^https:\/\/[a-z0-9.-]+$/);
    assert.equal(embedProvider('myspace'), null);
  });

  it('YouTube: watch, youtu.be, shorts, m., live, embed and nocookie addresses; timestamps', () => {
    const id = 'dQw4w9WgXcQ';
    for (const url of [
      `https://www.youtube.com/watch?v=${id}`,
      `https://youtube.com/watch?feature=share&v=${id}`,
      `http://m.youtube.com/watch?v=${id}&list=PL1`,
      `youtu.be/${id}`,
      `https://youtu.be/${id}?si=abc`,
      `https://www.youtube.com/shorts/${id}`,
      `https://www.youtube.com/live/${id}?feature=shared`,
      `https://www.youtube.com/embed/${id}`,
      `https://www.youtube-nocookie.com/embed/${id}`,
      `  https://WWW.YOUTUBE.COM/watch?v=${id}  `,
    ]) {
      const m = recognized(url);
      assert.equal(m.provider, 'youtube', url);
      assert.equal(m.id, id, url);
      assert.equal(m.url, `https://www.youtube.com/watch?v=${id}`, url);
    }
    const timed = recognized(`https://youtu.be/${id}?t=1m30s`);
    assert.equal(timed.start, 90);
    assert.equal(timed.url, `https://www.youtube.com/watch?v=${id}&t=90s`);
    assert.equal(recognized(`https://www.youtube.com/watch?v=${id}&t=42`).start, 42);
    assert.equal(
      player(`https://youtu.be/${id}?t=42`),
      `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&start=42`,
    );
    assert.equal(
      player(`https://www.youtube.com/watch?v=${id}`),
      `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
    );
  });

  it('Vimeo: plain, unlisted, channel and player addresses, played with dnt=1', () => {
    assert.deepEqual(recognized('https://vimeo.com/76979871'), {
      provider: 'vimeo',
      id: '76979871',
      url: 'https://vimeo.com/76979871',
    });
    assert.equal(recognized('https://vimeo.com/channels/staffpicks/76979871').id, '76979871');
    assert.equal(
      recognized('https://vimeo.com/76979871/a1b2c3d4e5').url,
      'https://vimeo.com/76979871/a1b2c3d4e5',
    );
    assert.equal(
      recognized('https://player.vimeo.com/video/76979871?h=a1b2c3d4e5').id,
      '76979871/a1b2c3d4e5',
    );
    assert.equal(
      player('https://vimeo.com/76979871'),
      'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1',
    );
    assert.equal(
      player('https://vimeo.com/76979871/a1b2c3d4e5'),
      'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=a1b2c3d4e5',
    );
    assert.equal(recognizeEmbed('https://vimeo.com/about'), null);
  });

  it('X: x.com and twitter.com (with query, mobile, photo) are one canonical x.com address', () => {
    for (const url of [
      'https://x.com/midad_news/status/1790000000000000001',
      'https://twitter.com/midad_news/status/1790000000000000001?s=20',
      'https://mobile.twitter.com/midad_news/status/1790000000000000001',
      'https://www.x.com/midad_news/status/1790000000000000001/photo/1',
    ]) {
      const m = recognized(url);
      assert.equal(m.provider, 'x', url);
      assert.equal(m.url, 'https://x.com/midad_news/status/1790000000000000001', url);
    }
    assert.equal(
      player('https://x.com/a/status/42'),
      'https://platform.twitter.com/embed/Tweet.html?id=42&dnt=true',
    );
    assert.equal(recognizeEmbed('https://x.com/midad_news'), null);
    assert.equal(recognizeEmbed('https://x.com/midad_news/likes'), null);
  });

  it('Facebook: posts, videos, watch, reels and fb.watch use the post or video plugin', () => {
    assert.equal(
      recognized('https://www.facebook.com/midadnews/posts/pfbid02abc').url,
      'https://www.facebook.com/midadnews/posts/pfbid02abc',
    );
    const video = recognized('https://m.facebook.com/midadnews/videos/1234567890/');
    assert.equal(video.url, 'https://www.facebook.com/midadnews/videos/1234567890');
    assert.match(
      providerOf(video).player(video),
      /^https:\/\/www\.facebook\.com\/plugins\/video\.php\?href=https%3A%2F%2Fwww\.facebook\.com%2Fmidadnews%2Fvideos%2F1234567890/,
    );
    assert.equal(
      recognized('https://www.facebook.com/watch/?v=1234567890').url,
      'https://www.facebook.com/watch/?v=1234567890',
    );
    assert.equal(recognized('https://fb.watch/abcDEF123/').url, 'https://fb.watch/abcDEF123/');
    assert.match(player('https://www.facebook.com/midadnews/posts/123'), /plugins\/post\.php\?href=/);
    assert.equal(recognizeEmbed('https://www.facebook.com/midadnews'), null);
  });

  it('Instagram, TikTok, SoundCloud and Dailymotion', () => {
    assert.equal(
      recognized('https://www.instagram.com/p/C1a2B3c4D5e/?igsh=x').url,
      'https://www.instagram.com/p/C1a2B3c4D5e/',
    );
    assert.equal(
      recognized('https://instagram.com/midad/reel/C1a2B3c4D5e').url,
      'https://www.instagram.com/reel/C1a2B3c4D5e/',
    );
    assert.equal(
      player('https://www.instagram.com/p/C1a2B3c4D5e/'),
      'https://www.instagram.com/p/C1a2B3c4D5e/embed/',
    );
    assert.equal(
      recognized('https://www.tiktok.com/@midad.news/video/7301234567890123456?lang=ar').url,
      'https://www.tiktok.com/@midad.news/video/7301234567890123456',
    );
    assert.equal(
      player('https://www.tiktok.com/@midad.news/video/7301234567890123456'),
      'https://www.tiktok.com/player/v1/7301234567890123456?autoplay=1&rel=0',
    );
    assert.equal(recognizeEmbed('https://vm.tiktok.com/ZMabc123/'), null);
    assert.equal(recognized('https://soundcloud.com/midad-radio/episode-12').id, 'midad-radio/episode-12');
    assert.equal(
      recognized('https://soundcloud.com/midad-radio/sets/season-one').id,
      'midad-radio/sets/season-one',
    );
    assert.equal(recognizeEmbed('https://soundcloud.com/discover/sets/charts'), null);
    assert.equal(recognizeEmbed('https://soundcloud.com/midad-radio'), null);
    assert.match(
      player('https://soundcloud.com/midad-radio/episode-12'),
      /^https:\/\/w\.soundcloud\.com\/player\/\?url=https%3A%2F%2Fsoundcloud\.com%2Fmidad-radio%2Fepisode-12/,
    );
    assert.equal(recognized('https://www.dailymotion.com/video/x8abcd1_some-title').id, 'x8abcd1');
    assert.equal(recognized('https://dai.ly/x8abcd1').url, 'https://www.dailymotion.com/video/x8abcd1');
    assert.equal(
      player('https://dai.ly/x8abcd1'),
      'https://geo.dailymotion.com/player.html?video=x8abcd1&autoplay=1',
    );
  });

  it('Telegram: public channel posts (t.me/channel/123, t.me/s/…), not private chats', () => {
    const m = recognized('https://t.me/midad_news/123');
    assert.deepEqual(m, { provider: 'telegram', id: 'midad_news/123', url: 'https://t.me/midad_news/123' });
    assert.equal(recognized('https://t.me/s/midad_news/123?single').url, 'https://t.me/midad_news/123');
    assert.equal(recognized('telegram.me/midad_news/7').url, 'https://t.me/midad_news/7');
    assert.equal(player('https://t.me/midad_news/123'), 'https://t.me/midad_news/123?embed=1');
    assert.equal(recognizeEmbed('https://t.me/c/1234567/89'), null);
    assert.equal(recognizeEmbed('https://t.me/midad_news'), null);
    assert.equal(recognizeEmbed('https://t.me/joinchat/abcdef'), null);
  });

  it('Google Maps: embed (pb), place with coordinates, @coordinates and searches', () => {
    const pb = '!1m18!1m12!1m3!1d3323.5!2d-7.6!3d33.5!2m3!1f0!2f0!3f0';
    const embed = recognized(`https://www.google.com/maps/embed?pb=${pb}`);
    assert.equal(embed.provider, 'googlemaps');
    assert.equal(providerOf(embed).player(embed), `https://www.google.com/maps/embed?pb=${pb}`);
    const placed = recognized('https://www.google.com/maps/place/Nouakchott/@18.0735,-15.9582,12z/data=!3m1');
    assert.equal(
      providerOf(placed).player(placed),
      'https://www.google.com/maps?q=18.0735%2C-15.9582&z=12&output=embed',
    );
    assert.equal(recognized('https://maps.google.com/?q=Bamako').url, 'https://www.google.com/maps?q=Bamako');
    assert.equal(
      recognized('https://www.google.com/maps/@14.6928,-17.4467,15z').id,
      'q=14.6928%2C-17.4467&z=15',
    );
    assert.equal(recognizeEmbed('https://www.google.com/search?q=maps'), null);
    assert.equal(recognizeEmbed('https://www.google.com/maps/place/%E0%A4%A'), null);
  });

  it('refuses lookalike hosts, credentials, ports, other schemes and junk', () => {
    for (const bad of [
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ',
      'https://notyoutube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ',
      'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
      'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
      'ftp://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=short',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
      'https://x.com.evil.example/a/status/1',
      'https://t.me.evil.example/midad_news/1',
      'https://vimeo.com.evil.example/76979871',
      'https://www.google.com.evil.example/maps/@14.6,-17.4,15z',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ and more text',
      'https://example.org/video/123',
      'https://x.com/home',
      'https://www.youtube.com/',
      'mailto:a@b.org',
      '',
      'not a url at all',
    ]) {
      assert.equal(recognizeEmbed(bad), null, bad);
    }
  });
});
