// The tables as they were before the catalogue files, kept only to prove the catalogue renders the same text.
// (تعليق واحد، تعليقان، ٣ تعليقات، ١١ تعليقًا), which a "{n} items" template cannot express.
import type { Lang } from '../types.ts';

type Forms = Record<Intl.LDMLPluralRule, string>;

const rules = new Map<Lang, Intl.PluralRules>();
function rule(lang: Lang, n: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(n);
}

const COUNTED = {
  comments: {
    ar: {
      zero: 'لا تعليقات',
      one: 'تعليق واحد',
      two: 'تعليقان',
      few: '{n} تعليقات',
      many: '{n} تعليقًا',
      other: '{n} تعليق',
    },
    fr: {
      zero: '0 commentaire',
      one: '{n} commentaire',
      two: '',
      few: '',
      many: '{n} commentaires',
      other: '{n} commentaires',
    },
    en: { zero: 'No comments', one: '1 comment', two: '', few: '', many: '', other: '{n} comments' },
  },
  minutes: {
    ar: {
      zero: 'أقل من دقيقة',
      one: 'دقيقة واحدة',
      two: 'دقيقتان',
      few: '{n} دقائق',
      many: '{n} دقيقة',
      other: '{n} دقيقة',
    },
    fr: {
      zero: '1 min de lecture',
      one: '{n} min de lecture',
      two: '',
      few: '',
      many: '{n} min de lecture',
      other: '{n} min de lecture',
    },
    en: { zero: '1 min read', one: '1 min read', two: '', few: '', many: '', other: '{n} min read' },
  },
  photos: {
    ar: {
      zero: 'لا صور',
      one: 'صورة واحدة',
      two: 'صورتان',
      few: '{n} صور',
      many: '{n} صورة',
      other: '{n} صورة',
    },
    fr: { zero: '0 photo', one: '{n} photo', two: '', few: '', many: '{n} photos', other: '{n} photos' },
    en: { zero: 'No photos', one: '1 photo', two: '', few: '', many: '', other: '{n} photos' },
  },
} satisfies Record<string, Record<Lang, Forms>>;

export type Counted = keyof typeof COUNTED;

export function counted(what: Counted, n: number, lang: Lang): string {
  const forms: Forms = COUNTED[what][lang];
  const form = n === 0 ? forms.zero : forms[rule(lang, n)] || forms.other;
  return form.replace('{n}', String(n));
}
