// Fifty queries as readers type them (without hamza, with ه for ة, with harakat, with
// Eastern digits, in French, with a Latin spelling of an Arabic name…) and their graded
// judgments: 3 exactly what was asked, 2 clearly about it, 1 related, 0 not relevant.
// Grades come from the facts each article was written from.
import type { Facts } from './corpus.ts';

export interface QualityQuery {
  text: string;
  /** What the query exercises, for the report. */
  kind: string;
  grade(facts: Facts & { lang: string }): number;
}

const topicIn =
  (topic: string, where?: { place?: string; city?: string; year?: number; lang?: string }) =>
  (f: Facts & { lang: string }): number => {
    if (f.topic !== topic) return 0;
    if (where?.lang && f.lang !== where.lang) return 1;
    if (where?.place && f.place !== where.place) return 1;
    if (where?.city && f.city !== where.city) return 1;
    if (where?.year && f.year !== where.year) return 1;
    return 3;
  };
const about = (topic: string) => (f: Facts) => (f.topic === topic ? 3 : 0);
const placeIs = (place: string) => (f: Facts) => (f.place === place ? 2 : 0);
const cityIs = (city: string) => (f: Facts) => (f.city === city ? 2 : 0);
const personIs =
  (...ids: string[]) =>
  (f: Facts) =>
    f.person !== null && ids.includes(f.person) ? 3 : 0;

export const QUERIES: QualityQuery[] = [
  { text: 'انتخابات مالي', kind: 'prefix', grade: topicIn('elections', { place: 'mali' }) },
  { text: 'الانتخابات في النيجر', kind: 'stopword', grade: topicIn('elections', { place: 'niger' }) },
  { text: 'انتخابات موريتانيا', kind: 'name', grade: topicIn('elections', { place: 'mauritania' }) },
  { text: 'الإنتخابات لبنان', kind: 'hamza', grade: topicIn('elections', { place: 'lebanon' }) },
  { text: 'الـــانتخابات', kind: 'tatweel', grade: topicIn('elections', { lang: 'ar' }) },
  { text: 'المرشحين', kind: 'suffix', grade: about('elections') },
  { text: 'فيضانات نيامي', kind: 'plain', grade: topicIn('floods', { city: 'niamey' }) },
  { text: 'فيضان', kind: 'suffix', grade: topicIn('floods', { lang: 'ar' }) },
  { text: 'اجلاء الاسر', kind: 'hamza', grade: topicIn('floods', { lang: 'ar' }) },
  { text: 'مستشفي نواكشوط', kind: 'alef maqsura', grade: topicIn('hospital', { city: 'nouakchott' }) },
  { text: 'مستشفيات', kind: 'suffix', grade: topicIn('hospital', { lang: 'ar' }) },
  { text: 'المستشفى الجديد في غاو', kind: 'prefix', grade: topicIn('hospital', { city: 'gao' }) },
  { text: 'الطوارئ', kind: 'hamza', grade: topicIn('hospital', { lang: 'ar' }) },
  { text: 'جامعه باماكو', kind: 'taa marbuta', grade: topicIn('university', { city: 'bamako' }) },
  { text: 'طلاب الجامعات', kind: 'suffix', grade: topicIn('university', { lang: 'ar' }) },
  { text: 'وزير الخارجيه', kind: 'taa marbuta', grade: about('minister') },
  { text: 'وزير الخارجية مالي', kind: 'prefix', grade: topicIn('minister', { place: 'mali' }) },
  { text: 'زير الماء', kind: 'must not match', grade: about('jar') },
  { text: 'زير', kind: 'must not match', grade: about('jar') },
  { text: 'اللبن', kind: 'must not match', grade: about('milk') },
  { text: 'لبنان', kind: 'must not match', grade: placeIs('lebanon') },
  { text: 'اسعار اللبن', kind: 'hamza', grade: about('milk') },
  { text: 'اسلام', kind: 'hamza', grade: about('islam') },
  { text: 'الإسلام', kind: 'plain', grade: about('islam') },
  { text: 'الاسلامي', kind: 'suffix', grade: about('islam') },
  { text: 'ميزانية ٢٠٢٤', kind: 'digits', grade: topicIn('budget', { year: 2024 }) },
  { text: 'ميزانية 2025', kind: 'digits', grade: topicIn('budget', { year: 2025 }) },
  { text: 'ميزانيه', kind: 'taa marbuta', grade: about('budget') },
  { text: 'عبد الله ولد أحمد', kind: 'compound', grade: personIs('abdallah') },
  { text: 'عبدالرحمن', kind: 'compound', grade: personIs('abdrahman') },
  { text: 'ولد محمد', kind: 'compound', grade: personIs('abdrahman') },
  { text: 'منت محمد', kind: 'compound', grade: personIs('salka') },
  { text: 'ديوان شعر', kind: 'plain', grade: about('literature') },
  { text: 'جائزه الروايه', kind: 'taa marbuta', grade: about('literature') },
  { text: 'Nouakchott', kind: 'alias', grade: cityIs('nouakchott') },
  { text: 'Tombouctou', kind: 'alias', grade: cityIs('timbuktu') },
  { text: 'élections', kind: 'accents', grade: topicIn('elections', { lang: 'fr' }) },
  { text: 'election', kind: 'plural', grade: topicIn('elections', { lang: 'fr' }) },
  { text: 'hopital', kind: 'accents', grade: topicIn('hospital', { lang: 'fr' }) },
  { text: 'Université', kind: 'accents', grade: topicIn('university', { lang: 'fr' }) },
  { text: 'inondations Niamey', kind: 'plain', grade: topicIn('floods', { city: 'niamey', lang: 'fr' }) },
  { text: 'فلسطين', kind: 'name', grade: about('palestine') },
  { text: 'الفلسطينيين', kind: 'suffix', grade: about('palestine') },
  { text: 'هجوم الساحل', kind: 'plain', grade: about('security') },
  { text: 'الأمن في مالي', kind: 'stopword', grade: topicIn('security', { place: 'mali' }) },
  { text: 'مَالِي', kind: 'harakat', grade: placeIs('mali') },
  { text: 'بموريتانيا', kind: 'prefix', grade: placeIs('mauritania') },
  { text: 'نواكشوط', kind: 'name', grade: cityIs('nouakchott') },
  { text: 'مخطوطات تمبكتو', kind: 'plain', grade: about('manuscripts') },
  { text: 'مخطوطه', kind: 'taa marbuta', grade: about('manuscripts') },
];
