import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer } from './analyze.ts';
import { normalizeText } from './normalize.ts';
import { isStopWord, STOP_WORDS } from './stopwords.ts';

describe('stop words', () => {
  it('are written in the normalized form the analyzer produces', () => {
    for (const word of STOP_WORDS) assert.equal(normalizeText(word), word);
  });

  it('catch function words as printed, with their article, and leave topic words alone', () => {
    const analyzer = createAnalyzer();
    const stop = (text: string) => analyzer.analyze(text).map(isStopWord);
    assert.deepEqual(stop('إلى على التي هؤلاء وقال'), [true, true, true, true, true]);
    assert.deepEqual(stop('Les élections dans the'), [true, false, true, true]);
    assert.deepEqual(stop('هجوم الجيش مالي'), [false, false, false]);
  });
});
