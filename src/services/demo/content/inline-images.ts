// Pictures placed inside article bodies as {{image:key}}.
import type { DemoInlineImage } from './types.ts';

export const inlineImages: DemoInlineImage[] = [
  {
    key: 'manuscripts',
    scene: 'manuscript',
    palette: 'culture',
    alt: 'رسم لمخطوط عربي مفتوح على صفحتين متقابلتين',
    caption: 'مخطوط مفتوح على طاولة الترميم',
  },
  {
    key: 'river',
    scene: 'river',
    palette: 'niger',
    alt: 'رسم لقارب خشبي صغير على نهر واسع تحيط به الأعشاب',
    caption: 'قارب صيد على نهر النيجر',
  },
  {
    key: 'solar',
    scene: 'solar',
    palette: 'economy',
    alt: 'رسم لصفين من الألواح الشمسية قرب مبنى صغير',
    caption: 'محطة شمسية صغيرة تغذي قرية',
  },
];
