import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer } from '../../core/text/analyze.ts';
import { cosine, idf, termCounts, weighTerms } from './terms.ts';

const analyzer = createAnalyzer();
const text = (title: string, body = '', dek = '') => ({ title, dek, body });

describe('termCounts', () => {
  it('leaves out function words and numbers, and weighs the title above the body', () => {
    const counts = termCounts(
      analyzer,
      text('هجوم على قافلة في غاو', 'قال مسؤول إن الهجوم وقع في عام 2024.'),
    );
    assert.equal(counts.get('هجوم'), 3 + 1);
    assert.equal(counts.get('قافل'), 3);
    for (const gone of ['علي', 'في', 'قال', 'ان', '2024', 'عام']) assert.ok(!counts.has(gone), gone);
  });

  it('counts a word with a و prefix under its plain stem when the article uses that stem', () => {
    const counts = termCounts(analyzer, text('', 'هجوم جديد وهجوم آخر ثم هجوم'));
    assert.equal(counts.get('هجوم'), 3);
    assert.ok(!counts.has('وهجوم'));
    const minister = termCounts(analyzer, text('', 'وزير الداخلية يزور الوزير والوزير وزير وعاء زير'));
    assert.ok(minister.has('وزير'), 'وزير is not و + زير here');
  });

  it('stems French and English words and drops their function words', () => {
    const counts = termCounts(analyzer, text('Les élections au Mali', 'The elections of the council'));
    assert.equal(counts.get('election'), 3 + 1);
    for (const gone of ['les', 'au', 'the', 'of']) assert.ok(!counts.has(gone), gone);
  });
});

describe('weighTerms and cosine', () => {
  it('gives a rare stem more weight than a common one, and unit length', () => {
    const counts = new Map([
      ['common', 1],
      ['rare', 1],
    ]);
    const df = new Map([
      ['common', 90],
      ['rare', 2],
    ]);
    const v = weighTerms(counts, (s) => df.get(s) ?? 1, 100);
    assert.ok(v.get('rare')! > v.get('common')!);
    const length = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
    assert.ok(Math.abs(length - 1) < 1e-12);
    assert.deepEqual([...v.keys()], ['rare', 'common']);
  });

  it('keeps only the strongest stems', () => {
    const counts = new Map(Array.from({ length: 10 }, (_, i) => [`s${i}`, i + 1] as [string, number]));
    const v = weighTerms(counts, () => 1, 50, 3);
    assert.deepEqual([...v.keys()], ['s9', 's8', 's7']);
  });

  it('idf falls towards 0 for a stem in every article and never goes below it', () => {
    assert.ok(idf(100, 100) < 0.01);
    assert.ok(idf(1, 100) > 4);
    assert.ok(idf(500, 100) >= 0);
  });

  it('cosine is 1 for one vector, 0 for disjoint ones, symmetric, and the sum of shared products', () => {
    const a = new Map([
      ['x', 0.6],
      ['y', 0.8],
    ]);
    const b = new Map([
      ['y', 0.6],
      ['z', 0.8],
    ]);
    assert.ok(Math.abs(cosine(a, a) - 1) < 1e-12);
    assert.equal(cosine(a, new Map([['q', 1]])), 0);
    assert.ok(Math.abs(cosine(a, b) - 0.48) < 1e-12);
    assert.equal(cosine(a, b), cosine(b, a));
  });

  it('finds two articles on one subject closer than two on different subjects', () => {
    const docs = [
      text('هجوم مسلح على دورية للجيش قرب غاو', 'قتل جنود في هجوم استهدف دورية عسكرية شمال مالي.'),
      text('الجيش يعزز دورياته بعد هجوم غاو', 'أرسل الجيش تعزيزات إلى غاو بعد الهجوم على الدورية.'),
      text('منتخب مالي يفوز في مباراة كرة القدم', 'فاز المنتخب في المباراة بهدفين وسط حضور جماهيري.'),
    ];
    const counts = docs.map((d) => termCounts(analyzer, d));
    const df = new Map<string, number>();
    for (const c of counts) for (const s of c.keys()) df.set(s, (df.get(s) ?? 0) + 1);
    const [attack, followUp, football] = counts.map((c) => weighTerms(c, (s) => df.get(s) ?? 1, docs.length));
    assert.ok(cosine(attack!, followUp!) > 0.2);
    assert.ok(cosine(attack!, followUp!) > 3 * cosine(attack!, football!));
  });
});
