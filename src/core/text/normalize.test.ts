import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from './normalize.ts';
import { tokenize, words } from './tokenize.ts';

describe('normalizeText', () => {
  it('removes harakat, superscript alef and Quranic marks', () => {
    assert.equal(normalizeText('مُحَمَّدٌ'), 'محمد');
    assert.equal(normalizeText('الرَّحْمٰنِ'), 'الرحمن');
    assert.equal(normalizeText('الْكِتَابُ ۖ'), 'الكتاب ');
  });

  it('removes tatweel and invisible characters', () => {
    assert.equal(normalizeText('الـــوزير'), 'الوزير');
    assert.equal(normalizeText('وز\u200Bير'), 'وزير');
    assert.equal(normalizeText('\u200Fبيروت\u200E'), 'بيروت');
    assert.equal(normalizeText('\uFEFFنص'), 'نص');
  });

  it('keeps a Persian word with ZWNJ whole', () => {
    assert.equal(normalizeText('می\u200Cخواهم'), 'ميخواهم');
    assert.deepEqual(words('می\u200Cخواهم'), ['ميخواهم']);
  });

  it('folds alef forms to bare alef', () => {
    for (const w of ['أحمد', 'إحمد', 'آحمد', 'ٱحمد']) assert.equal(normalizeText(w), 'احمد');
    assert.equal(normalizeText('الإسلام'), 'الاسلام');
  });

  it('folds alef maqsura to yeh and teh marbuta to heh', () => {
    assert.equal(normalizeText('مستشفى'), 'مستشفي');
    assert.equal(normalizeText('جامعة'), 'جامعه');
  });

  it('folds hamza on waw and yeh to the lone hamza', () => {
    assert.equal(normalizeText('مؤتمر'), 'مءتمر');
    assert.equal(normalizeText('رئيس'), 'رءيس');
  });

  it('folds Persian kaf and yeh', () => {
    assert.equal(normalizeText('کتاب'), 'كتاب');
    assert.equal(normalizeText('ایران'), 'ايران');
  });

  it('makes Arabic-Indic and Persian digits Western', () => {
    assert.equal(normalizeText('٢٠٢٤'), '2024');
    assert.equal(normalizeText('۱۴۰۳'), '1403');
  });

  it('lowercases Latin script and strips accents', () => {
    assert.equal(normalizeText('Élections Présidentielles'), 'elections presidentielles');
    assert.equal(normalizeText('Œuvre'), 'oeuvre');
    assert.equal(normalizeText('ÇA'), 'ca');
  });

  it('applies NFKC (presentation forms, ligatures, full-width letters)', () => {
    assert.equal(normalizeText('ﻻ'), 'لا');
    assert.equal(normalizeText('ＡＢＣ'), 'abc');
    assert.deepEqual(words('ﷲ'), ['الله']);
  });
});

describe('tokenize', () => {
  it('keeps the offsets of each word in the original text, harakat included', () => {
    const text = 'قالَ الوَزِيرُ: «نعم»';
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => [text.slice(t.start, t.end), t.norm]),
      [
        ['قالَ', 'قال'],
        ['الوَزِيرُ', 'الوزير'],
        ['نعم', 'نعم'],
      ],
    );
  });

  it('splits عبدالله and other عبد compounds into two words on the same span', () => {
    const tokens = tokenize('عبدالله وعبدالرحمن');
    assert.deepEqual(
      tokens.map((t) => t.norm),
      ['عبد', 'الله', 'وعبدالرحمن'],
    );
    assert.equal(tokens[0]!.start, tokens[1]!.start);
    assert.deepEqual(words('عبد الله'), ['عبد', 'الله']);
    assert.deepEqual(words('عبدالرحمن'), ['عبد', 'الرحمن']);
  });

  it('treats punctuation, symbols and emoji as separators', () => {
    assert.deepEqual(words('" OR * NEAR( 😀 مالي،النيجر'), ['or', 'near', 'مالي', 'النيجر']);
    assert.deepEqual(words("l'élection d'Alger"), ['l', 'election', 'd', 'alger']);
  });

  it('drops words that are only harakat or only invisible characters', () => {
    assert.deepEqual(words('َ ُ ِ ّ \u200B\u200F'), []);
  });

  it('trims direction marks from the edges of a word', () => {
    const text = '\u200Fبيروت\u200F';
    const [token] = tokenize(text);
    assert.equal(text.slice(token!.start, token!.end), 'بيروت');
  });

  it('cuts absurdly long words', () => {
    const [word] = words('a'.repeat(500));
    assert.equal(word!.length, 64);
  });
});
