// The CSV writer: what Excel needs to open Arabic, RFC 4180 quoting, and no formula from outside text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from './csv.ts';

describe('readership CSV', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv(
      ['day', 'views'],
      [
        ['2026-12-01', 12],
        ['2026-12-02', 0],
      ],
    );
    assert.equal(csv, '\uFEFFday,views\r\n2026-12-01,12\r\n2026-12-02,0\r\n');
    assert.deepEqual([...Buffer.from(csv, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('keeps Arabic text as it is, in UTF-8', () => {
    const csv = toCsv(['العنوان'], [['مهرجان تمبكتو']]);
    assert.equal(Buffer.from(csv, 'utf8').toString('utf8'), '\uFEFFالعنوان\r\nمهرجان تمبكتو\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hello"'), '"say ""hello"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('cr\rlf'), '"cr\rlf"');
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(''), '');
  });

  it('disarms text a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://x.example","y")'), `"'=HYPERLINK(""http://x.example"",""y"")"`);
    assert.equal(csvCell('+1'), `"'+1"`);
    assert.equal(csvCell('-2+3'), `"'-2+3"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell('\t=1'), `"'\t=1"`);
    // Only the first character matters; numbers we computed stay numbers.
    assert.equal(csvCell('a=b'), 'a=b');
    assert.equal(csvCell(-4), '-4');
    assert.equal(csvCell(Number.NaN), '');
  });
});
