import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { format, messages } from '../i18n.ts';
import { counted } from '../plural.ts';
import { LANGUAGES } from '../types.ts';
import * as legacy from './legacy.ts';
import * as legacyPlural from './legacy-plural.ts';

describe('the catalogue files against the tables they replace', () => {
  it('render every counted phrase the same for n = 0..120 (and a few larger)', () => {
    const ns = [...Array.from({ length: 121 }, (_, i) => i), 1000, 1001, 1002, 1003, 1011, 12345, 1000000];
    for (const lang of LANGUAGES)
      for (const what of ['comments', 'minutes', 'photos'] as const)
        for (const n of ns)
          assert.equal(counted(what, n, lang), legacyPlural.counted(what, n, lang), `${what} ${n} ${lang}`);
  });

  it('hold every string unchanged, with values filled the same', () => {
    const values = {
      q: 'قصة',
      n: 1234,
      max: 500,
      fields: 'a, b',
      provider: '<bdi dir="ltr">X</bdi>',
      count: '3',
      total: 7,
    };
    for (const lang of LANGUAGES) {
      const before = legacy.messages(lang);
      const after = messages(lang) as Record<string, string>;
      for (const [key, text] of Object.entries(before)) {
        assert.equal(format(after[key]!, values), legacy.format(text, values), `${lang} ${key}`);
        if (!text.includes('{')) assert.equal(after[key], text, `${lang} ${key} plain`);
      }
    }
  });
});
