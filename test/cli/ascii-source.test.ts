// The server build's last step (scripts/ascii-source.mjs): the non-ASCII characters esbuild
// leaves in regular expressions and comments are written as \uXXXX, so that V8 keeps the
// program's text at one byte per character, and nothing else changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asciiSource } from '../../scripts/ascii-source.mjs';

const LITERALS = ['/^عبدال(?=..)/', "/[\\p{L}][\\p{L}'’-]*/gu", '/[^\\s.,؟،)]$/', '/[/ن]/'];
const asRegExp = (literal: string) => new Function(`return ${literal}`)() as RegExp;

describe('asciiSource', () => {
  it('escapes regular expressions and comments, which match as before', () => {
    const code = [
      ...LITERALS.map((literal, i) => `var r${i} = f(\`\${x}\`, ${literal});`),
      '// Other spellings (نواكشوط) count as the word itself.',
      '/** Settings → Permalinks */',
      'var half = a / 2 / b; var tag = "\\u0646";',
    ].join('\n');
    const ascii = asciiSource(code);
    assert.ok(ascii !== null);
    assert.doesNotMatch(ascii, /[\u0080-\uffff]/);
    const lines = ascii.split('\n');
    assert.equal(lines.length, code.split('\n').length);
    assert.equal(
      lines[4],
      '// Other spellings (\\u0646\\u0648\\u0627\\u0643\\u0634\\u0648\\u0637) count as the word itself.',
    );
    assert.equal(lines[6], 'var half = a / 2 / b; var tag = "\\u0646";');
    for (const [i, literal] of LITERALS.entries()) {
      const escaped = /, (\/.*)\);$/.exec(lines[i]!)?.[1];
      assert.ok(escaped && escaped !== literal, literal);
      const [before, after] = [asRegExp(literal), asRegExp(escaped)];
      for (const text of ['عبدالله', 'عبدال', 'ذكر’ه', 'سؤال؟', 'a،', 'نص', 'x/y']) {
        assert.deepEqual(text.match(after), text.match(before), `${literal} on ${text}`);
      }
    }
  });

  it('changes nothing when a character stands in a tagged template', () => {
    assert.equal(asciiSource('var s = String.raw`ن`; var r = /ن/;'), null);
  });

  it('leaves ASCII text as it is', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a program with templates
    const code = 'const a = /x\\/y/g.test("`"); // `\nconst b = `${`${1}`}`;\n';
    assert.equal(asciiSource(code), code);
  });
});
