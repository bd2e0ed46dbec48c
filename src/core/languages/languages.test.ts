import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interfaceLangOf, READY_LANGUAGES, suggestedFallback } from './choices.ts';
import { detectLanguage } from './detect.ts';
import { directionOf } from './direction.ts';
import { arabicScriptLanguage, dominantScript } from './scripts.ts';
import { checkLanguageTag } from './tags.ts';

describe('language tags', () => {
  it('canonicalises the tags Intl knows', () => {
    for (const [input, tag] of [
      ['fa', 'fa'],
      ['FA-ir', 'fa-IR'],
      ['en_us', 'en-US'],
      ['ff-adlm', 'ff-Adlm'],
      ['ttq', 'tmh'],
      ['ses', 'ses'],
      ['ha-Latn-NE', 'ha-Latn-NE'],
    ]) {
      assert.deepEqual(checkLanguageTag(input as string), { ok: true, tag }, input);
    }
  });

  it('refuses malformed and unknown tags with the reason', () => {
    for (const input of ['', 'x', 'english', 'fa--IR', '<script>', 'a'.repeat(40), 'zz', 'qqq', 'son']) {
      const check = checkLanguageTag(input);
      assert.equal(check.ok, false, input);
      if (!check.ok) assert.match(check.reason, /tag|unknown/, input);
    }
    const son = checkLanguageTag('son');
    assert.ok(!son.ok && son.reason.includes('unknown to CLDR'));
  });

  it('every ready choice is a valid tag', () => {
    for (const l of READY_LANGUAGES) assert.deepEqual(checkLanguageTag(l.tag), { ok: true, tag: l.tag });
  });
});

describe('writing direction from the script', () => {
  it('is right-to-left for the Arabic, Hebrew and Adlam scripts, left-to-right otherwise', () => {
    const expected: Record<string, 'rtl' | 'ltr'> = {
      fa: 'rtl',
      ur: 'rtl',
      ps: 'rtl',
      ckb: 'rtl',
      ar: 'rtl',
      he: 'rtl',
      'ff-Adlm': 'rtl',
      'ha-Arab': 'rtl',
      ha: 'ltr',
      'ha-Latn': 'ltr',
      bm: 'ltr',
      ff: 'ltr',
      tmh: 'ltr',
      ses: 'ltr',
      fr: 'ltr',
      en: 'ltr',
      ja: 'ltr',
      'fa-IR': 'rtl',
    };
    for (const [tag, dir] of Object.entries(expected)) assert.equal(directionOf(tag), dir, tag);
  });
});

describe('interface fallback', () => {
  it('is the language itself for ar/fr/en, the chosen one otherwise', () => {
    assert.equal(suggestedFallback('fr-ML'), 'fr');
    assert.equal(suggestedFallback('bm'), 'fr');
    assert.equal(suggestedFallback('ja'), 'en');
    assert.equal(interfaceLangOf('fa', [{ tag: 'fa', fallback: 'ar' }]), 'ar');
    assert.equal(interfaceLangOf('fa-IR', [{ tag: 'fa', fallback: 'fr' }]), 'fr');
  });
});

describe('scripts', () => {
  it('tells Arabic, Persian and Urdu apart by their letters', () => {
    assert.equal(arabicScriptLanguage('کشاورزان از کمبود آب در تابستان گلایه دارند'), 'fa');
    assert.equal(arabicScriptLanguage('يشكو المزارعون من نقص المياه في الصيف'), 'ar');
    assert.equal(arabicScriptLanguage('کسان گرمیوں میں پانی کی کمی کی شکایت کرتے ہیں'), 'ur');
    assert.equal(arabicScriptLanguage('من'), null);
  });

  it('counts kana with kanji as Japanese', () => {
    assert.equal(dominantScript('東京の天気は晴れです').script, 'Jpan');
  });
});

describe('detection on short texts', () => {
  const texts: [string, string, string][] = [
    // [declared, text, expected]
    ['en-US', 'شورای شهر امروز بودجهٔ سال آینده را تصویب کرد و کتابخانهٔ محله دوباره باز شد.', 'fa'],
    ['en', 'وافق المجلس البلدي اليوم على ميزانية العام المقبل وأعيد افتتاح مكتبة الحي.', 'ar'],
    ['fa', 'سٹی کونسل نے آج اگلے سال کا بجٹ منظور کر لیا اور لائبریری دوبارہ کھل گئی۔', 'ur'],
    ['ar', 'Le conseil municipal a voté aujourd’hui le budget de l’an prochain.', 'fr'],
    ['ar', '東京の天気は晴れです。明日は雨が降るでしょう。', 'ja'],
    [
      'fr',
      'The city council approved next year’s budget today, and the neighbourhood library reopens after two years of repairs.',
      'en',
    ],
    [
      'en',
      'Le conseil municipal a voté le budget de l’an prochain et la bibliothèque du quartier rouvre après deux ans de travaux.',
      'fr',
    ],
  ];
  for (const [declared, text, expected] of texts) {
    it(`${declared} declared, ${expected} written → ${expected}`, async () => {
      const d = await detectLanguage(text, declared);
      assert.equal(d.lang, expected);
      assert.equal(d.outcome, 'changed');
      assert.ok(d.why);
    });
  }

  it('keeps the declared tag (with its region) when the text agrees', async () => {
    assert.deepEqual(
      await detectLanguage('کشاورزان از کمبود آب در تابستان گلایه دارند و قیمت نان پایین آمد', 'fa-IR'),
      {
        lang: 'fa-IR',
        outcome: 'kept',
      },
    );
  });

  it('keeps the declared language of a text too short to tell', async () => {
    for (const text of ['', 'OK', 'سلام', '2026', 'Bonjour à tous']) {
      assert.deepEqual(await detectLanguage(text, 'en-US'), { lang: 'en-US', outcome: 'too_short' }, text);
    }
  });

  it('trusts a declared Arabic-script language it cannot tell from Persian', async () => {
    const d = await detectLanguage(
      'ښار شورا نن د راتلونکي کال بودیجه تصویب کړه او کتابتون بیا پرانیستل شو',
      'ps',
    );
    assert.equal(d.lang, 'ps');
  });
});
