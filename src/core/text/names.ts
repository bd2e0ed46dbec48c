// Words that are never stemmed: the names of the site's tags and people, and a short list of
// places whose names look like a word plus a suffix (لبنان is not لبن + ان, السودان is not
// سود + ان, فلسطين is not فلسط + ين). Each name word is kept in its exact and base forms.
import { stripArticle } from './stem.ts';
import { words } from './tokenize.ts';

/** Places in the news of the region whose names a light stemmer would otherwise cut. */
export const PLACE_NAMES: readonly string[] = [
  'فلسطين',
  'لبنان',
  'موريتانيا',
  'السودان',
  'عمان',
  'عمّان',
  'اليمن',
  'البحرين',
  'إيران',
  'اليونان',
  'الفاتيكان',
  'باكستان',
  'أفغانستان',
  'كازاخستان',
  'الشيشان',
  'تطوان',
  'وهران',
  'أسوان',
  'حلوان',
  'بنزرت',
  'نواكشوط',
  'نواذيبو',
  'تمبكتو',
  'غاو',
  'كيدال',
  'موبتي',
  'النيجر',
  'نيامي',
  'باماكو',
  'مالي',
  'واغادوغو',
  'بوركينا',
  'تشاد',
  'انجامينا',
  'الجزائر',
  'تونس',
  'ليبيا',
  'المغرب',
  'مصر',
  'سوريا',
  'العراق',
  'الأردن',
  'الكويت',
  'قطر',
  'الإمارات',
  'السعودية',
  'الرياض',
  'بيروت',
  'دمشق',
  'بغداد',
  'القاهرة',
  'غزة',
  'القدس',
  'رام الله',
  'الخرطوم',
  'دارفور',
  'الساحل',
  'الصحراء',
  'أزواد',
  'Sahel',
  'Mauritanie',
];

export function protectedWords(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    for (const word of words(name)) {
      out.add(word);
      out.add(stripArticle(word));
    }
  }
  return out;
}
