import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordDiff } from './word-diff.ts';

describe('wordDiff', () => {
  it('keeps Arabic words whole', () => {
    assert.deepEqual(wordDiff('ارتفع منسوب نهر النيجر في نيامي', 'ارتفع منسوب النهر في مدينة نيامي'), [
      { kind: 'same', text: 'ارتفع منسوب ' },
      { kind: 'removed', text: 'نهر' },
      { kind: 'added', text: 'النهر' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: 'النيجر ' },
      { kind: 'same', text: 'في ' },
      { kind: 'added', text: 'مدينة ' },
      { kind: 'same', text: 'نيامي' },
    ]);
  });
  it('handles French and empty texts', () => {
    assert.deepEqual(wordDiff('', 'Bonjour Niamey'), [{ kind: 'added', text: 'Bonjour Niamey' }]);
    assert.deepEqual(wordDiff('Le fleuve monte', 'Le fleuve baisse'), [
      { kind: 'same', text: 'Le fleuve ' },
      { kind: 'removed', text: 'monte' },
      { kind: 'added', text: 'baisse' },
    ]);
  });
});
