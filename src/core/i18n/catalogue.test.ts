import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import {
  CatalogueError,
  coverageOf,
  format,
  installCatalogues,
  messages,
  messagesFor,
  READER_CATALOGUE_DIR,
  readCatalogue,
  REFERENCE,
} from '../i18n.ts';
import { counted } from '../plural.ts';
import { LANGUAGES } from '../types.ts';

const persian = JSON.parse(fs.readFileSync('test/fixtures/locales/fa.json', 'utf8')) as unknown;

function refusal(data: unknown, tag = 'fa'): string {
  try {
    readCatalogue(tag, data, 'mine/fa.json');
  } catch (err) {
    assert.ok(err instanceof CatalogueError);
    return err.message;
  }
  assert.fail('the catalogue was accepted');
}

describe('counted phrases', () => {
  // Written out from the tables the plural messages replaced; the numbers stay Latin digits.
  const cases: [number, string, string, string][] = [
    [0, 'لا تعليقات', '0 commentaire', 'No comments'],
    [1, 'تعليق واحد', '1 commentaire', '1 comment'],
    [2, 'تعليقان', '2 commentaires', '2 comments'],
    [3, '3 تعليقات', '3 commentaires', '3 comments'],
    [10, '10 تعليقات', '10 commentaires', '10 comments'],
    [11, '11 تعليقًا', '11 commentaires', '11 comments'],
    [99, '99 تعليقًا', '99 commentaires', '99 comments'],
    [100, '100 تعليق', '100 commentaires', '100 comments'],
    [102, '102 تعليق', '102 commentaires', '102 comments'],
    [103, '103 تعليقات', '103 commentaires', '103 comments'],
    [111, '111 تعليقًا', '111 commentaires', '111 comments'],
    [1000, '1000 تعليق', '1000 commentaires', '1000 comments'],
  ];
  for (const [n, ar, fr, en] of cases) {
    it(`comments, n = ${n}`, () => {
      assert.equal(counted('comments', n, 'ar'), ar);
      assert.equal(counted('comments', n, 'fr'), fr);
      assert.equal(counted('comments', n, 'en'), en);
    });
  }

  const phrases: [Parameters<typeof counted>[0], 'ar' | 'fr' | 'en', number[], string[]][] = [
    [
      'minutes',
      'ar',
      [0, 1, 2, 5, 12, 100],
      ['أقل من دقيقة', 'دقيقة واحدة', 'دقيقتان', '5 دقائق', '12 دقيقة', '100 دقيقة'],
    ],
    ['minutes', 'fr', [0, 1, 4], ['1 min de lecture', '1 min de lecture', '4 min de lecture']],
    ['minutes', 'en', [0, 1, 4], ['1 min read', '1 min read', '4 min read']],
    ['photos', 'ar', [0, 1, 2, 7, 30], ['لا صور', 'صورة واحدة', 'صورتان', '7 صور', '30 صورة']],
    ['photos', 'fr', [0, 1, 2], ['0 photo', '1 photo', '2 photos']],
    ['photos', 'en', [0, 1, 2], ['No photos', '1 photo', '2 photos']],
  ];
  for (const [phrase, lang, counts, expected] of phrases) {
    it(`${phrase} in ${lang}`, () => {
      assert.deepEqual(
        counts.map((n) => counted(phrase, n, lang)),
        expected,
      );
    });
  }
});

describe('the built-in catalogues', () => {
  it('have every key, in every language, as the files hold them', () => {
    for (const lang of LANGUAGES) {
      const file = JSON.parse(fs.readFileSync(`${READER_CATALOGUE_DIR}/${lang}.json`, 'utf8')) as object;
      assert.deepEqual(Object.keys(file).sort(), [...REFERENCE.keys()].sort(), lang);
    }
    assert.equal(messages('fr').share, "Partager l'article");
    assert.equal(messages('ar').home, 'الرئيسية');
  });

  it('fill placeholders, and leave other templates to simple replacement', () => {
    assert.equal(format(messages('en').galleryOpen, { n: 2, total: 9 }), 'Open photo 2 of 9 at full size');
    assert.equal(format(messages('ar').searchResultsFor, { q: 'مطر' }), 'نتائج البحث عن: مطر');
    assert.equal(format('Hello {name}, {other}', { name: 'Salma' }), 'Hello Salma, {other}');
  });

  it('answer a missing value with the text as it is, not an exception', () => {
    const fa = readCatalogue(
      'fa',
      { searchCount: '{n, plural, one {# نتیجه} other {# نتیجه‌ها}}' },
      'fa.json',
    );
    installCatalogues([fa]);
    try {
      const template = messagesFor('fa', 'en').searchCount;
      assert.equal(format(template, {}), template);
      assert.equal(format(template, { n: 3 }), '۳ نتیجه‌ها', '# writes the number as the language does');
    } finally {
      installCatalogues([]);
    }
  });
});

describe('a further language', () => {
  it('takes each key it has from its file and every other from the fallback', () => {
    installCatalogues([readCatalogue('fa', persian, 'test/fixtures/locales/fa.json')]);
    try {
      const t = messagesFor('fa', 'en');
      assert.equal(t.home, 'خانه');
      assert.equal(t.skipToContent, 'Skip to content');
      assert.equal(format(t.searchResultsFor, { q: 'باران' }), 'نتیجه‌های جستجو برای: باران');
      assert.equal(format(t.countedComments, { n: 0 }), 'هنوز دیدگاهی نیست');
      assert.equal(format(t.countedComments, { n: 1 }), 'یک دیدگاه');
      assert.equal(format(t.countedComments, { n: 14 }), '14 دیدگاه');
      assert.equal(messagesFor('fa', 'fr').skipToContent, 'Aller au contenu');
      assert.equal(messagesFor('fa-AF', 'fr').home, 'خانه', 'a regional tag finds its language');
      assert.deepEqual(Object.keys(t), Object.keys(messages('ar')), 'one shape for every catalogue');
      assert.equal(messagesFor('fa', 'en'), t, 'assembled once');
      assert.equal(messagesFor('ur', 'en'), messages('en'), 'no catalogue: the fallback');
      assert.equal(messagesFor('fr', 'en'), messages('fr'), 'a built-in language is itself');
      const coverage = coverageOf(readCatalogue('fa', persian, 'fa.json'));
      assert.equal(coverage.translated.length, 8);
      assert.equal(coverage.missing.length, REFERENCE.size - 8);
      assert.ok(coverage.missing.includes('skipToContent'));
    } finally {
      installCatalogues([]);
    }
    assert.equal(messagesFor('fa', 'en'), messages('en'), 'uninstalled');
  });

  it('is refused with the file, the key and the reason', () => {
    assert.match(refusal(['home']), /^mine\/fa\.json: a catalogue is one JSON object .* not an array$/);
    assert.match(refusal('home'), /not a string$/);
    assert.match(
      refusal({ homePage: 'خانه' }),
      /^mine\/fa\.json: "homePage" is not a key of the interface text$/,
    );
    assert.match(refusal({ home: 3 }), /"home" must be text \(a JSON string\), not a number/);
    assert.match(
      refusal({ searchResultsFor: 'برای: {q' }),
      /"searchResultsFor" is not valid ICU MessageFormat/,
    );
    assert.match(
      refusal({ searchResultsFor: 'برای: {query}' }),
      /"searchResultsFor" takes \{query\} but the Arabic text takes \{q\}/,
    );
    assert.match(
      refusal({ home: 'خانه {n}' }),
      /"home" takes \{n\} but the Arabic text takes no placeholder/,
    );
    assert.match(refusal({}, 'zz'), /"zz" \(the file's name\) is not a known BCP 47 language tag/);
    assert.match(refusal({}, 'fr'), /fr is built in/);
  });
});
