import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { el, escapeAttr, escapeText, renderXml, textEl } from './xml.ts';

describe('xml writer', () => {
  it('escapes text and attributes', () => {
    assert.equal(escapeText('a < b & c > d'), 'a &lt; b &amp; c &gt; d');
    assert.equal(escapeAttr('"x" & <y>\n'), '&quot;x&quot; &amp; &lt;y&gt;&#10;');
  });

  it('drops characters XML 1.0 forbids but keeps Arabic, emoji and whitespace', () => {
    assert.equal(escapeText('a\u0000b\u0008c\u000Bd\uFFFEe'), 'abcde');
    assert.equal(escapeText('مداد 😀\t\n'), 'مداد 😀\t\n');
    assert.equal(escapeText('x\uD800y\uDC00z'), 'xyz');
  });

  it('renders nested elements, skipping empty parts', () => {
    const doc = renderXml(
      el('feed', { xmlns: 'urn:x', 'xml:lang': 'ar', skipped: undefined }, [
        textEl('title', '</title><script>'),
        textEl('empty', ''),
        null,
        false,
        el('link', { href: '/a?b=1&c=2' }),
      ]),
    );
    assert.equal(
      doc,
      '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="urn:x" xml:lang="ar"><title>&lt;/title&gt;&lt;script&gt;</title><link href="/a?b=1&amp;c=2"/></feed>\n',
    );
  });
});
