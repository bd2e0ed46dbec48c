import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer } from '../core/text/analyze.ts';
import { planQuery } from './plan.ts';
import { buildSnippet, highlightAll, snippetHtml } from './snippet.ts';

const analyzer = createAnalyzer();
const marked = (query: string, text: string, max?: number) =>
  (max === undefined
    ? highlightAll
    : (a: typeof analyzer, p: ReturnType<typeof planQuery>, t: string) => buildSnippet(a, p, t, max))(
    analyzer,
    planQuery(analyzer, query),
    text,
  )
    .filter((p) => p.mark)
    .map((p) => p.text);

describe('snippets', () => {
  it('marks the whole original word, harakat and prefixes included', () => {
    assert.deepEqual(marked('وزير', 'قالَ الوَزِيرُ إنّ الوزراء اجتمعوا'), ['الوَزِيرُ']);
    assert.deepEqual(marked('مستشفي', 'افتُتِح المستشفى والمستشفيات الأخرى'), ['المستشفى', 'والمستشفيات']);
    assert.deepEqual(marked('٢٠٢٤', 'ميزانية 2024'), ['2024']);
    assert.deepEqual(marked('election', 'Les Élections régionales'), ['Élections']);
  });

  it('does not mark the must-not-match words', () => {
    assert.deepEqual(marked('لبنان', 'شرب اللبن في لبنان'), ['لبنان']);
    assert.deepEqual(marked('وزير', 'زير الماء عند الوزير'), ['الوزير']);
  });

  it('marks a joined compound name once', () => {
    assert.deepEqual(marked('عبد الله', 'فاز عبدالله بالجائزة'), ['عبدالله']);
  });

  it('cuts a window around the best matches at word boundaries, with ellipses', () => {
    const text = `${'كلمة '.repeat(100)}وفي نواكشوط افتتح مستشفى جديد ${'نص '.repeat(100)}`;
    const parts = buildSnippet(analyzer, planQuery(analyzer, 'نواكشوط مستشفى'), text, 80);
    const joined = parts.map((p) => p.text).join('');
    assert.ok(joined.startsWith('… '));
    assert.ok(joined.endsWith(' …'));
    assert.ok(joined.length <= 80 + 4);
    assert.deepEqual(
      parts.filter((p) => p.mark).map((p) => p.text),
      ['نواكشوط', 'مستشفى'],
    );
  });

  it('escapes the text and marks with <mark> for the API', () => {
    const html = snippetHtml([
      { text: 'a <b> & ', mark: false },
      { text: 'مالي', mark: true },
    ]);
    assert.equal(html, 'a &lt;b&gt; &amp; <mark>مالي</mark>');
  });
});

describe('aliases', () => {
  it('marks the Arabic spelling of a name typed in Latin letters, and the other way round', () => {
    assert.deepEqual(marked('Nouakchott', 'وصل الوفد إلى نواكشوط أمس'), ['نواكشوط']);
    assert.deepEqual(marked('تمبكتو', 'Les manuscrits de Tombouctou'), ['Tombouctou']);
  });
});
