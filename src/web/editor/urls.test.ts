import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeLinkUrl } from './urls.ts';

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
