// Sections of the demo site. "sahel" is the regional section; Mali and Niger sit under it.
import type { DemoSection, DemoTag } from './types.ts';

export const sections: DemoSection[] = [
  { slug: 'sahel', names: { ar: 'الساحل', fr: 'Sahel', en: 'Sahel' }, position: 1 },
  {
    slug: 'mali',
    names: { ar: 'أخبار مالي', fr: 'Actualités du Mali', en: 'Mali news' },
    parent: 'sahel',
    position: 2,
  },
  {
    slug: 'niger',
    names: { ar: 'أخبار النيجر', fr: 'Actualités du Niger', en: 'Niger news' },
    parent: 'sahel',
    position: 3,
  },
  { slug: 'economy', names: { ar: 'اقتصاد', fr: 'Économie', en: 'Economy' }, position: 4 },
  { slug: 'society', names: { ar: 'مجتمع', fr: 'Société', en: 'Society' }, position: 5 },
  { slug: 'culture', names: { ar: 'ثقافة', fr: 'Culture', en: 'Culture' }, position: 6 },
  { slug: 'sport', names: { ar: 'رياضة', fr: 'Sport', en: 'Sport' }, position: 7 },
];

export const tags: DemoTag[] = [
  { slug: 'باماكو', name: 'باماكو' },
  { slug: 'نيامي', name: 'نيامي' },
  { slug: 'تمبكتو', name: 'تمبكتو' },
  { slug: 'نهر-النيجر', name: 'نهر النيجر' },
  { slug: 'الحكم-المحلي', name: 'الحكم المحلي' },
  { slug: 'الزراعة', name: 'الزراعة' },
  { slug: 'الطاقة', name: 'الطاقة' },
  { slug: 'التعليم', name: 'التعليم' },
  { slug: 'التعدين', name: 'التعدين' },
  { slug: 'الموسيقى', name: 'الموسيقى' },
  { slug: 'السينما', name: 'السينما' },
  { slug: 'كرة-القدم', name: 'كرة القدم' },
  { slug: 'المناخ', name: 'المناخ والطقس' },
  { slug: 'التراث', name: 'التراث' },
  { slug: 'women', name: 'المرأة' },
];
