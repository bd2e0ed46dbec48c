import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer } from './analyze.ts';
import { latinStem } from './stem.ts';

const plain = createAnalyzer();
const one = (word: string, analyzer = plain) => {
  const [term] = analyzer.analyze(word);
  assert.ok(term, `"${word}" gives a term`);
  return term;
};

describe('base level: one definite-article-type prefix', () => {
  for (const [word, base] of [
    ['الوزير', 'وزير'],
    ['والوزير', 'وزير'],
    ['بالوزير', 'وزير'],
    ['كالوزير', 'وزير'],
    ['فالوزير', 'وزير'],
    ['للوزير', 'وزير'],
    ['الإسلام', 'اسلام'],
  ] as const) {
    it(`${word} → ${base}`, () => assert.equal(one(word).base, base));
  }

  it('leaves at least three letters', () => {
    assert.equal(one('الله').base, 'الله');
    assert.equal(one('الي').base, 'الي');
  });

  it('removes one prefix only', () => {
    assert.equal(one('الالتزام').base, 'التزام');
  });
});

describe('stem level: base plus one suffix', () => {
  for (const [word, stem] of [
    ['الانتخابات', 'انتخاب'],
    ['المسلمون', 'مسلم'],
    ['المسلمين', 'مسلم'],
    ['الجامعة', 'جامع'],
    ['جامعات', 'جامع'],
    ['مستشفيات', 'مستشفي'],
    ['مستشفى', 'مستشفي'],
    ['سياراتها', 'سيارات'],
    ['حكومتهم', 'حكومت'],
    ['الدولية', 'دول'],
  ] as const) {
    it(`${word} → ${stem}`, () => assert.equal(one(word).stem, stem));
  }

  it('leaves at least three letters', () => {
    assert.equal(one('عمان').stem, 'عمان');
    assert.equal(one('بيان').stem, 'بيان');
  });
});

describe('alt level: a single و ف ب ل ك, kept apart', () => {
  it('is offered for وزير but the base stays وزير', () => {
    const t = one('وزير');
    assert.equal(t.base, 'وزير');
    assert.equal(t.stem, 'وزير');
    assert.equal(t.alt, 'زير');
  });

  it('is offered for a prefixed word, with its own stem', () => {
    const t = one('وبالمدينة');
    assert.equal(t.alt, 'مدينه');
    assert.equal(t.altStem, 'مدين');
  });

  it('is not offered when the article prefix already explains the word', () => {
    assert.equal(one('والوزير').alt, null);
  });

  it('is not offered for short words', () => {
    assert.equal(one('ولد').alt, null);
  });
});

describe('protected names', () => {
  it('keeps فلسطين, لبنان and موريتانيا whole at every level', () => {
    for (const name of ['فلسطين', 'لبنان', 'موريتانيا']) {
      const t = one(name);
      assert.deepEqual([t.base, t.stem, t.alt], [name, name, null], name);
    }
  });

  it('does not let لبنان meet اللبن', () => {
    const lebanon = one('لبنان');
    const milk = one('اللبن');
    assert.equal(milk.base, 'لبن');
    assert.notEqual(lebanon.stem, milk.stem);
    assert.notEqual(lebanon.base, milk.base);
  });

  it('does not let وزير meet زير at the exact, base or stem level', () => {
    const minister = one('وزير');
    const jar = one('زير');
    assert.notEqual(minister.base, jar.base);
    assert.notEqual(minister.stem, jar.stem);
  });

  it('finds the name behind a one-letter prefix (ولبنان, لفلسطين, والسودان)', () => {
    assert.equal(one('ولبنان').base, 'لبنان');
    assert.equal(one('لفلسطين').base, 'فلسطين');
    assert.equal(one('والسودان').stem, 'سودان');
    assert.equal(one('للبنان').base, 'لبنان');
  });

  it('stems the nisba of a protected name to the name', () => {
    assert.equal(one('الفلسطينيين').stem, 'فلسطين');
    assert.equal(one('اللبنانيون').stem, 'لبنان');
    assert.equal(one('الفلسطيني').stem, 'فلسطين');
  });

  it('protects the names of the site’s tags and people', () => {
    const withNames = createAnalyzer(['محمد ولد الشيخان', 'الخضراوات']);
    assert.equal(one('الخضراوات', withNames).stem, 'خضراوات');
    assert.equal(one('الخضراوات').stem, 'خضراو');
    assert.equal(one('الشيخان', withNames).stem, 'شيخان');
    assert.equal(one('الشيخان').stem, 'شيخ');
  });
});

describe('French and English', () => {
  it('lowercases, folds accents and stems plurals lightly', () => {
    const t = one('Élections');
    assert.deepEqual([t.exact, t.base, t.stem, t.alt], ['elections', 'elections', 'election', null]);
    assert.equal(latinStem('journaux', new Set()), 'journal');
    assert.equal(latinStem('policies', new Set()), 'policy');
    assert.equal(latinStem('reports', new Set()), 'report');
    assert.equal(latinStem('presse', new Set()), 'presse');
  });

  it('keeps the s of -ss, -us and -is words and of short words', () => {
    for (const w of ['press', 'virus', 'paris', 'bus', 'les']) assert.equal(latinStem(w, new Set()), w);
  });

  it('does not stem a protected Latin name', () => {
    assert.equal(latinStem('sahels', new Set(['sahels'])), 'sahels');
  });
});

describe('analyze', () => {
  it('returns offsets in the original text with every level', () => {
    const text = 'وَزِيرُ الخارجيّة يزور لبنانَ';
    const terms = plain.analyze(text);
    assert.deepEqual(
      terms.map((t) => text.slice(t.start, t.end)),
      ['وَزِيرُ', 'الخارجيّة', 'يزور', 'لبنانَ'],
    );
    assert.deepEqual(
      terms.map((t) => t.exact),
      ['وزير', 'الخارجيه', 'يزور', 'لبنان'],
    );
    assert.equal(terms[1]!.base, 'خارجيه');
    assert.equal(terms[1]!.stem, 'خارج');
  });

  it('gives digits as they are, whatever script they were typed in', () => {
    const [t] = plain.analyze('٢٠٢٤');
    assert.deepEqual([t!.exact, t!.base, t!.stem], ['2024', '2024', '2024']);
  });
});
