import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  articleSignature,
  decodeSignature,
  DUPLICATE_JACCARD,
  encodeSignature,
  estimateJaccard,
  minhash,
  SIGNATURE_SIZE,
  shingles,
} from './minhash.ts';

/** Two sets of `size` items sharing `shared` of them: true Jaccard shared / (2·size − shared). */
function overlapping(size: number, shared: number, tag: string): [string[], string[]] {
  const common = Array.from({ length: shared }, (_, i) => `common-${tag}-${i}`);
  const a = Array.from({ length: size - shared }, (_, i) => `a-${tag}-${i}`);
  const b = Array.from({ length: size - shared }, (_, i) => `b-${tag}-${i}`);
  return [
    [...common, ...a],
    [...common, ...b],
  ];
}

describe('MinHash', () => {
  it('estimates the Jaccard similarity of known sets within a few standard errors', () => {
    const errors: number[] = [];
    for (const [size, shared] of [
      [400, 0],
      [400, 40],
      [400, 133],
      [400, 200],
      [400, 267],
      [400, 360],
      [400, 400],
      [60, 30],
    ] as const) {
      for (let round = 0; round < 5; round++) {
        const [a, b] = overlapping(size, shared, `${size}-${shared}-${round}`);
        const truth = shared / (2 * size - shared);
        const estimate = estimateJaccard(minhash(a), minhash(b));
        const sd = Math.sqrt((truth * (1 - truth)) / SIGNATURE_SIZE);
        assert.ok(
          Math.abs(estimate - truth) <= Math.max(4 * sd, 0.02),
          `J=${truth.toFixed(3)} estimated ${estimate.toFixed(3)}`,
        );
        errors.push(Math.abs(estimate - truth));
      }
    }
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    assert.ok(mean < 0.03, `mean absolute error ${mean.toFixed(4)}`);
  });

  it('gives 1 for equal sets whatever their order, 0 for disjoint ones and for an empty text', () => {
    assert.equal(estimateJaccard(minhash(['x', 'y', 'z']), minhash(['z', 'x', 'y'])), 1);
    assert.equal(estimateJaccard(minhash(['x', 'y']), minhash(['p', 'q'])), 0);
    assert.equal(estimateJaccard(minhash([]), minhash([])), 0);
  });

  it('makes word shingles, and one shingle of a text shorter than a shingle', () => {
    assert.deepEqual([...shingles(['a', 'b', 'c', 'd'])], ['a b c', 'b c d']);
    assert.deepEqual([...shingles(['a', 'b'])], ['a b']);
    assert.equal(shingles([]).size, 0);
  });

  it('survives a round trip through its text form', () => {
    const signature = minhash(['one', 'two', 'three']);
    assert.deepEqual(decodeSignature(encodeSignature(signature)), signature);
  });

  it('tells two versions of one story from two stories on one subject', () => {
    const story =
      'أعلنت السلطات في غاو صباح اليوم إعادة فتح الطريق الرابط بين المدينة وبلدة أنسونغو بعد ' +
      'أسبوع من إغلاقه إثر هجوم استهدف قافلة تجارية. وقال مسؤول محلي إن دوريات مشتركة ستؤمن ' +
      'حركة الشاحنات طوال النهار، وإن نقاط تفتيش جديدة أقيمت عند مداخل البلدة. وطالب تجار ' +
      'المدينة بتعويض الخسائر التي لحقت ببضائعهم خلال فترة الإغلاق.';
    const update = `${story.replace('صباح اليوم', 'مساء الأحد')} وأكد المسؤول أن حركة المرور عادت إلى طبيعتها تدريجيا.`;
    const other =
      'نفذت وحدات من الجيش في منطقة ميناكا عملية تمشيط واسعة بعد تقارير عن تحركات لمسلحين ' +
      'قرب الحدود. وقالت مصادر عسكرية إن العملية أسفرت عن ضبط أسلحة ودراجات نارية، فيما ' +
      'عبر سكان القرى المجاورة عن أملهم في عودة الهدوء إلى الأسواق الأسبوعية.';
    const sig = (body: string) => articleSignature({ title: '', dek: '', body });
    assert.ok(estimateJaccard(sig(story), sig(update)) >= DUPLICATE_JACCARD);
    assert.ok(estimateJaccard(sig(story), sig(other)) < 0.1);
  });
});
