import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayDate } from './dates.ts';
import { counted } from './plural.ts';
import { countWords, readingMinutes } from './reading-time.ts';

describe('displayDate', () => {
  it('gives the Gregorian and Umm al-Qura Hijri dates in Arabic with Western digits', () => {
    const d = displayDate('2026-11-29T06:24:33.000Z', 'ar', 'Africa/Bamako');
    assert.equal(d.iso, '2026-11-29T06:24:33.000Z');
    assert.equal(d.gregorian, '29 نوفمبر 2026');
    assert.match(d.hijri, /^19 جمادى الآخرة 1448/);
  });
  it('follows the site time zone across midnight', () => {
    assert.match(displayDate('2026-11-29T23:30:00.000Z', 'en', 'Asia/Riyadh').gregorian, /30 November 2026/);
  });
  it('speaks French and English too', () => {
    assert.equal(displayDate('2026-03-01T12:00:00Z', 'fr').gregorian, '1 mars 2026');
    assert.match(displayDate('2026-03-01T12:00:00Z', 'en').hijri, /1447 AH/);
  });
  it('refuses garbage', () => {
    assert.throws(() => displayDate('not a date', 'ar'), RangeError);
  });
});

describe('reading time', () => {
  it('counts Arabic words with attached particles as one word', () => {
    assert.equal(countWords('وقال المسؤولون في باماكو، إنّ الأمطار بدأت.'), 7);
  });
  it('reads Arabic more slowly than English', () => {
    const words = Array.from({ length: 480 }, () => 'كلمة').join(' ');
    const english = Array.from({ length: 480 }, () => 'word').join(' ');
    assert.equal(readingMinutes(words, 'ar'), 3);
    assert.equal(readingMinutes(english, 'en'), 2);
    assert.equal(readingMinutes('', 'ar'), 1);
  });
});

describe('counted', () => {
  it('uses the six Arabic plural forms', () => {
    assert.equal(counted('comments', 0, 'ar'), 'لا تعليقات');
    assert.equal(counted('comments', 1, 'ar'), 'تعليق واحد');
    assert.equal(counted('comments', 2, 'ar'), 'تعليقان');
    assert.equal(counted('comments', 5, 'ar'), '5 تعليقات');
    assert.equal(counted('comments', 11, 'ar'), '11 تعليقًا');
    assert.equal(counted('comments', 100, 'ar'), '100 تعليق');
    assert.equal(counted('minutes', 2, 'ar'), 'دقيقتان');
  });
  it('handles French and English', () => {
    assert.equal(counted('comments', 1, 'fr'), '1 commentaire');
    assert.equal(counted('comments', 3, 'en'), '3 comments');
    assert.equal(counted('minutes', 4, 'fr'), '4 min de lecture');
  });
});

describe('zonedTimeToUtc', () => {
  it('converts wall-clock times in a zone to UTC and back', async () => {
    const { zonedTimeToUtc, utcToZonedInput } = await import('./dates.ts');
    assert.equal(
      zonedTimeToUtc('2026-12-01T09:30', 'Africa/Niamey')?.toISOString(),
      '2026-12-01T08:30:00.000Z',
    );
    assert.equal(
      zonedTimeToUtc('2026-12-01T09:30', 'Africa/Bamako')?.toISOString(),
      '2026-12-01T09:30:00.000Z',
    );
    assert.equal(
      zonedTimeToUtc('2026-07-01T12:00', 'Europe/Paris')?.toISOString(),
      '2026-07-01T10:00:00.000Z',
    );
    assert.equal(utcToZonedInput('2026-12-01T08:30:00.000Z', 'Africa/Niamey'), '2026-12-01T09:30');
    assert.equal(zonedTimeToUtc('tomorrow', 'UTC'), null);
  });
});
