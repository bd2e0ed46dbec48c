// Interface text of the tags page.
import type { Lang } from '../../../core/types.ts';

const ar = {
  tags: 'الوسوم',
  articlesN: '{n} مقال',
  rename: 'احفظ الاسم',
  mergeInto: 'ادمج في',
  merge: 'ادمج',
  delete: 'احذف',
  done: 'حُدّثت الوسوم.',
  invalid: 'الاسم مطلوب، والرابط المختصر حروف وأرقام بينها شرطات، ولا يكون مستعملًا.',
  name: 'الاسم',
  slug: 'الرابط المختصر',
  none: 'لا وسوم بعد.',
  linkWith: 'اربط بوسم بلغة أخرى',
  link: 'اربط',
  linkedTo: 'مربوط بـ',
  unlink: 'فك الربط',
};
export type TagMessages = typeof ar;

const fr: TagMessages = {
  tags: 'Mots-clés',
  articlesN: '{n} article(s)',
  rename: 'Renommer',
  mergeInto: 'Fusionner dans',
  merge: 'Fusionner',
  delete: 'Supprimer',
  done: 'Mots-clés mis à jour.',
  invalid: "Le nom est requis ; l'identifiant : lettres et chiffres séparés par des tirets, non utilisé.",
  name: 'Nom',
  slug: 'Identifiant',
  none: 'Aucun mot-clé.',
  linkWith: 'Lier à un mot-clé d’une autre langue',
  link: 'Lier',
  linkedTo: 'Lié à',
  unlink: 'Délier',
};

const en: TagMessages = {
  tags: 'Tags',
  articlesN: '{n} article(s)',
  rename: 'Rename',
  mergeInto: 'Merge into',
  merge: 'Merge',
  delete: 'Delete',
  done: 'Tags updated.',
  invalid: 'A name is required; the slug is letters and digits joined by hyphens, not already used.',
  name: 'Name',
  slug: 'Slug',
  none: 'No tags yet.',
  linkWith: 'Link to a tag in another language',
  link: 'Link',
  linkedTo: 'Linked to',
  unlink: 'Unlink',
};

export function tagMessages(lang: Lang): TagMessages {
  return { ar, fr, en }[lang];
}
