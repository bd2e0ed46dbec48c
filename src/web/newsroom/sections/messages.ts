// Interface text of the sections page.
import type { Lang } from '../../../core/types.ts';

const ar = {
  sections: 'الأقسام',
  newSection: 'قسم جديد',
  slug: 'الرابط المختصر',
  nameAr: 'الاسم بالعربية',
  nameFr: 'الاسم بالفرنسية',
  nameEn: 'الاسم بالإنجليزية',
  nameOther: 'الاسم في نسخة {language} (إن تُرك فارغًا فاسم لغة واجهتها)',
  parent: 'القسم الأب',
  noParent: '— قسم رئيسي —',
  position: 'الترتيب',
  save: 'حفظ',
  create: 'أضف القسم',
  delete: 'احذف',
  done: 'حُدّثت الأقسام.',
  invalid:
    'تحقق من الحقول: الرابط المختصر حروف وأرقام بينها شرطات وغير مستعمل، والاسم بالعربية مطلوب، ولا يكون القسم أبًا لنفسه.',
};
export type SectionMessages = typeof ar;

const fr: SectionMessages = {
  sections: 'Rubriques',
  newSection: 'Nouvelle rubrique',
  slug: 'Identifiant',
  nameAr: 'Nom en arabe',
  nameFr: 'Nom en français',
  nameEn: 'Nom en anglais',
  nameOther: 'Nom dans l’édition {language} (vide : celui de sa langue d’interface)',
  parent: 'Rubrique parente',
  noParent: '— rubrique principale —',
  position: 'Ordre',
  save: 'Enregistrer',
  create: 'Ajouter la rubrique',
  delete: 'Supprimer',
  done: 'Rubriques mises à jour.',
  invalid:
    'Vérifiez les champs : identifiant en lettres et chiffres séparés par des tirets et libre, nom arabe requis, une rubrique ne peut être sa propre parente.',
};

const en: SectionMessages = {
  sections: 'Sections',
  newSection: 'New section',
  slug: 'Slug',
  nameAr: 'Name in Arabic',
  nameFr: 'Name in French',
  nameEn: 'Name in English',
  nameOther: 'Name in the {language} edition (empty: its interface language’s)',
  parent: 'Parent section',
  noParent: '— top level —',
  position: 'Order',
  save: 'Save',
  create: 'Add section',
  delete: 'Delete',
  done: 'Sections updated.',
  invalid:
    'Check the fields: the slug is letters and digits joined by hyphens and unused, the Arabic name is required, and a section cannot be its own parent.',
};

export function sectionMessages(lang: Lang): SectionMessages {
  return { ar, fr, en }[lang];
}
