import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embedUrl, safeLinkUrl } from './urls.ts';

describe('editor link addresses', () => {
  it('accepts http, https and mailto, and reads a bare domain as https', () => {
    assert.equal(safeLinkUrl(' https://example.org/a?b=1 '), 'https://example.org/a?b=1');
    assert.equal(safeLinkUrl('http://example.org'), 'http://example.org/');
    assert.equal(safeLinkUrl('mailto:desk@example.org'), 'mailto:desk@example.org');
    assert.equal(safeLinkUrl('example.org/صفحة'), 'https://example.org/%D8%B5%D9%81%D8%AD%D8%A9');
  });
  it('refuses scripts, data, other schemes and nonsense', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'ftp://x.org',
      'tel:123',
      '',
      'word',
      'mailto:nobody',
    ])
      assert.equal(safeLinkUrl(bad), null, bad);
  });
});

describe('editor embeds', () => {
  it('normalizes X and YouTube addresses', () => {
    assert.equal(
      embedUrl('https://twitter.com/AlJazeera/status/1234567890?s=20'),
      'https://x.com/AlJazeera/status/1234567890',
    );
    assert.equal(embedUrl('x.com/a_b/status/42'), 'https://x.com/a_b/status/42');
    assert.equal(embedUrl('https://youtu.be/dQw4w9WgXcQ?t=3'), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    assert.equal(
      embedUrl('https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=x'),
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
    assert.equal(
      embedUrl('https://www.youtube.com/shorts/dQw4w9WgXcQ'),
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
  });
  it('refuses other sites and pages that are not a post or a video', () => {
    for (const bad of [
      'https://example.org/status/1',
      'https://x.com/home',
      'https://www.youtube.com/',
      'mailto:a@b.org',
      'javascript:x',
    ])
      assert.equal(embedUrl(bad), null, bad);
  });
});
