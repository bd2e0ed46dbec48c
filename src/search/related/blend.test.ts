import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blendScore,
  chooseRelated,
  mergeInto,
  overlap,
  type RelatedFeatures,
  recencyAffinity,
  type Scored,
  sectionAffinity,
  WEIGHTS,
} from './blend.ts';

const parents = new Map<number, number | null>([
  [1, null], // sahel
  [2, 1], // mali
  [3, 1], // niger
  [4, null], // sport
]);

const context = { parents, tagWeight: () => 1 };

const article = (id: number, over: Partial<RelatedFeatures> = {}): RelatedFeatures => ({
  id,
  sectionId: 2,
  published: Date.parse('2026-03-01T10:00:00.000Z'),
  tagIds: [],
  authorIds: [],
  ...over,
});

describe('the parts of the blend', () => {
  it('overlap is 1 for equal sets, 0 for disjoint or empty ones, and symmetric', () => {
    assert.equal(overlap([1, 2], [2, 1]), 1);
    assert.equal(overlap([1], [2]), 0);
    assert.equal(overlap([], [1]), 0);
    assert.equal(overlap([1, 2, 3, 4], [1]), 0.5);
    assert.equal(overlap([1], [1, 2, 3, 4]), 0.5);
  });

  it('weighted, a shared common tag counts for less than a shared rare one', () => {
    const weight = (tag: number) => (tag === 1 ? 0.5 : 3); // tag 1 is on half the site
    const common = overlap([1, 2], [1, 3], weight);
    const rare = overlap([1, 2], [2, 3], weight);
    assert.ok(common < 0.05 && rare > 0.45, `${common} ${rare}`);
    assert.equal(overlap([1, 2], [2, 1], weight), 1);
  });

  it('sections: same 1, parent, child or sibling 0.5, unrelated or missing 0', () => {
    assert.equal(sectionAffinity(2, 2, parents), 1);
    assert.equal(sectionAffinity(2, 1, parents), 0.5);
    assert.equal(sectionAffinity(1, 3, parents), 0.5);
    assert.equal(sectionAffinity(2, 3, parents), 0.5);
    assert.equal(sectionAffinity(2, 4, parents), 0);
    assert.equal(sectionAffinity(null, 2, parents), 0);
  });

  it('recency halves every two weeks apart, in either direction', () => {
    const d = (day: number) => Date.parse(`2026-03-${String(day).padStart(2, '0')}T00:00:00.000Z`);
    assert.equal(recencyAffinity(d(1), d(1)), 1);
    assert.ok(Math.abs(recencyAffinity(d(1), d(15)) - 0.5) < 1e-12);
    assert.equal(recencyAffinity(d(15), d(1)), recencyAffinity(d(1), d(15)));
    assert.equal(recencyAffinity(null, d(1)), 0);
  });
});

describe('blendScore', () => {
  it('weights add up to 1, so identical articles score 1', () => {
    const sum = Object.values(WEIGHTS).reduce((s, w) => s + w, 0);
    assert.ok(Math.abs(sum - 1) < 1e-12);
    const a = article(1, { tagIds: [5], authorIds: [7] });
    assert.ok(Math.abs(blendScore(a, { ...a, id: 2 }, 1, context) - 1) < 1e-12);
  });

  it('is symmetric', () => {
    const a = article(1, { tagIds: [5, 6], authorIds: [7], sectionId: 2 });
    const b = article(2, {
      tagIds: [6],
      authorIds: [7, 8],
      sectionId: 1,
      published: Date.parse('2026-03-09T00:00:00.000Z'),
    });
    assert.equal(blendScore(a, b, 0.3, context), blendScore(b, a, 0.3, context));
  });

  it('lets the text lead: a similar text in another section beats a same-section, same-tag stranger', () => {
    const base = article(1, { tagIds: [5], sectionId: 2 });
    const similarText = article(2, { sectionId: 4, published: Date.parse('2025-12-01T00:00:00.000Z') });
    const sameDesk = article(3, { tagIds: [5], sectionId: 2 });
    assert.ok(blendScore(base, similarText, 0.7, context) > blendScore(base, sameDesk, 0.1, context));
  });

  it('orders equally similar texts by the shared tags, then section, then time', () => {
    const base = article(1, { tagIds: [5] });
    const tagged = article(2, { tagIds: [5], sectionId: 4 });
    const sameSection = article(3);
    const older = article(4, { published: Date.parse('2026-01-01T00:00:00.000Z') });
    const scores = [tagged, sameSection, older].map((x) => blendScore(base, x, 0.3, context));
    assert.ok(scores[0]! > scores[1]! && scores[1]! > scores[2]!);
  });
});

describe('choosing and merging lists', () => {
  const dupPairs = new Set(['2:3', '3:2', '5:9', '9:5']);
  const isDup = (a: number, b: number) => dupPairs.has(`${a}:${b}`);
  const s = (id: number, score: number): Scored => ({ id, score });

  it('chooses best first, skips the excluded and keeps one version of each story', () => {
    const list = chooseRelated(
      [s(2, 0.5), s(3, 0.6), s(4, 0.4), s(5, 0.3), s(6, 0.9)],
      new Set([6]),
      isDup,
      3,
    );
    assert.deepEqual(
      list.map((x) => x.id),
      [3, 4, 5],
    );
  });

  it('merges a changed article in by score, and drops it when it has no score', () => {
    const list = [s(4, 0.6), s(5, 0.4), s(7, 0.2)];
    assert.deepEqual(
      mergeInto(list, 8, s(8, 0.5), isDup, 3).map((x) => x.id),
      [4, 8, 5],
    );
    assert.deepEqual(
      mergeInto(list, 5, s(5, 0.9), isDup, 3).map((x) => x.id),
      [5, 4, 7],
    );
    assert.deepEqual(
      mergeInto(list, 5, null, isDup, 3).map((x) => x.id),
      [4, 7],
    );
  });

  it('lets a better version of a listed story replace it, and never lists both', () => {
    const list = [s(4, 0.6), s(5, 0.4)];
    assert.deepEqual(
      mergeInto(list, 9, s(9, 0.5), isDup, 3).map((x) => x.id),
      [4, 9],
    );
    assert.deepEqual(
      mergeInto(list, 9, s(9, 0.3), isDup, 3).map((x) => x.id),
      [4, 5],
    );
  });
});
