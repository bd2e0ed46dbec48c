import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textDirection } from './direction.ts';

describe('text direction from the first letter', () => {
  it('reads Arabic, Hebrew and N’Ko as right to left, Latin as left to right', () => {
    assert.equal(textDirection('١٢ – وصلت القافلة'), 'rtl');
    assert.equal(textDirection('2026: La caravane, puis تمبكتو'), 'ltr');
    assert.equal(textDirection('«שלום»'), 'rtl');
    assert.equal(textDirection('ߒߞߏ'), 'rtl');
  });
  it('has no direction for numbers and punctuation alone', () => {
    assert.equal(textDirection('12, 13 — 14.'), null);
    assert.equal(textDirection(''), null);
  });
});
