// Interface text of the translation desk.
import type { Lang } from '../../../core/types.ts';

const ar = {
  title: 'الترجمات',
  titleOf: 'الترجمات: {title}',
  help: 'نسخ القصة نفسها بلغات الموقع. تُربط النسخ فيعرف القرّاء ومحركات البحث أنها قصة واحدة.',
  versions: 'نسخ هذه القصة',
  language: 'اللغة',
  headline: 'العنوان',
  status: 'الحالة',
  from: 'مترجم من',
  original: 'الأصل',
  thisOne: 'هذه النسخة',
  untitled: '(بلا عنوان)',
  open: 'افتح في المحرّر',
  sourceChanged: 'تغيّر الأصل بعد نشر هذه الترجمة',
  sourceChangedHelp: 'عُدّل الأصل أو صُحّح بعد نشر الترجمة: راجعها ثم علّمها مراجَعة.',
  markReviewed: 'علّمها مراجَعة',
  upToDate: 'مطابقة للأصل',
  unlink: 'افصلها عن القصة',
  translateInto: 'ترجم إلى…',
  translateHelp: 'تُنشأ مسودة بهذه اللغة، فيها العنوان والمقدمة والنص منسوخة من هذه النسخة لتترجمها.',
  start: 'ابدأ الترجمة',
  noMissing: 'للقصة نسخة بكل لغات الموقع.',
  linkExisting: 'اربط مقالًا موجودًا',
  linkHelp: 'مقال كُتب بلغة أخرى عن القصة نفسها: يصير ترجمة لهذه النسخة.',
  article: 'المقال',
  link: 'اربط',
  noCandidates: 'لا مقالات بلغات أخرى يمكن ربطها.',
  sourceTitle: 'الأصل ({lang})',
  sourceHelp: 'نص الأصل كما هو الآن، للقراءة بجانب الترجمة.',
  backToEditor: 'العودة إلى المحرّر',
  manage: 'الترجمات ({n})',
  started: 'أُنشئت مسودة الترجمة.',
  linked: 'رُبط المقال بالقصة.',
  unlinked: 'فُصل المقال عن القصة.',
  reviewed: 'عُلّمت الترجمة مراجَعة.',
  exists: 'للقصة نسخة بهذه اللغة من قبل: «{title}».',
  refused: 'لم يتغير شيء.',
  sameLanguage: 'المقالان باللغة نفسها.',
  reversed: 'ذلك المقال ترجمة لهذا أصلًا.',
  notLinked: 'هذا المقال غير مربوط بأي ترجمة.',
  notEnabled: 'الموقع لا ينشر بهذه اللغة.',
  invalidLanguage: 'هذا ليس رمز لغة معروفًا.',
  sameEdition: 'لكل طبعة نسخة واحدة من القصة، وهذه النسخة في طبعة تلك اللغة.',
  inEdition: '{lang} (تُنشر في طبعة {edition})',
  translateEditionHelp: 'لغة ليست لغة طبعة تُنشر في الطبعة المذكورة بجانبها، ويُكتب نصها بلغتها واتجاهها.',
};
export type TranslationMessages = typeof ar;

const fr: TranslationMessages = {
  title: 'Traductions',
  titleOf: 'Traductions : {title}',
  help: 'Les versions de la même histoire dans les langues du site. Liées, elles sont reconnues comme une seule histoire par les lecteurs et les moteurs de recherche.',
  versions: 'Versions de cette histoire',
  language: 'Langue',
  headline: 'Titre',
  status: 'État',
  from: 'Traduit de',
  original: 'Original',
  thisOne: 'Cette version',
  untitled: '(sans titre)',
  open: "Ouvrir dans l'éditeur",
  sourceChanged: "L'original a changé depuis la publication de cette traduction",
  sourceChangedHelp:
    "L'original a été modifié ou corrigé après la publication de la traduction : relisez-la puis marquez-la relue.",
  markReviewed: 'Marquer relue',
  upToDate: "À jour avec l'original",
  unlink: "Détacher de l'histoire",
  translateInto: 'Traduire en…',
  translateHelp:
    'Crée un brouillon dans cette langue, avec le titre, le chapeau et le texte de cette version copiés pour la traduction.',
  start: 'Commencer la traduction',
  noMissing: "L'histoire existe dans toutes les langues du site.",
  linkExisting: 'Lier un article existant',
  linkHelp:
    'Un article écrit dans une autre langue sur la même histoire : il devient une traduction de cette version.',
  article: 'Article',
  link: 'Lier',
  noCandidates: 'Aucun article dans une autre langue à lier.',
  sourceTitle: 'Original ({lang})',
  sourceHelp: "Le texte de l'original tel qu'il est maintenant, à lire à côté de la traduction.",
  backToEditor: "Retour à l'éditeur",
  manage: 'Traductions ({n})',
  started: 'Le brouillon de traduction est créé.',
  linked: "L'article est lié à l'histoire.",
  unlinked: "L'article est détaché de l'histoire.",
  reviewed: 'La traduction est marquée relue.',
  exists: "L'histoire a déjà une version dans cette langue : « {title} ».",
  refused: "Rien n'a changé.",
  sameLanguage: 'Les deux articles sont dans la même langue.',
  reversed: 'Cet article est déjà une traduction de celui-ci.',
  notLinked: "Cet article n'est lié à aucune traduction.",
  notEnabled: 'Le site ne publie pas dans cette langue.',
  invalidLanguage: "Ce n'est pas un code de langue connu.",
  sameEdition: "L'histoire a une version par édition, et cette version est dans l'édition de cette langue.",
  inEdition: '{lang} (publié dans l’édition {edition})',
  translateEditionHelp:
    "Une langue qui n'a pas d'édition est publiée dans l'édition indiquée à côté ; son texte garde sa langue et son sens d'écriture.",
};

const en: TranslationMessages = {
  title: 'Translations',
  titleOf: 'Translations: {title}',
  help: "Versions of the same story in the site's languages. Linked, readers and search engines know they are one story.",
  versions: 'Versions of this story',
  language: 'Language',
  headline: 'Title',
  status: 'Status',
  from: 'Translated from',
  original: 'Original',
  thisOne: 'This version',
  untitled: '(untitled)',
  open: 'Open in the editor',
  sourceChanged: 'The original changed after this translation was published',
  sourceChangedHelp:
    'The original was edited or corrected after the translation was published: check it, then mark it reviewed.',
  markReviewed: 'Mark reviewed',
  upToDate: 'Matches the original',
  unlink: 'Unlink from the story',
  translateInto: 'Translate into…',
  translateHelp:
    "Makes a draft in that language with this version's title, standfirst and text copied for translating.",
  start: 'Start the translation',
  noMissing: 'The story exists in every language of the site.',
  linkExisting: 'Link an existing article',
  linkHelp:
    'An article written in another language about the same story: it becomes a translation of this version.',
  article: 'Article',
  link: 'Link',
  noCandidates: 'No articles in other languages to link.',
  sourceTitle: 'Original ({lang})',
  sourceHelp: 'The original as it is now, to read beside the translation.',
  backToEditor: 'Back to the editor',
  manage: 'Translations ({n})',
  started: 'The translation draft was made.',
  linked: 'The article is linked to the story.',
  unlinked: 'The article was unlinked from the story.',
  reviewed: 'The translation is marked reviewed.',
  exists: 'The story already has a version in that language: “{title}”.',
  refused: 'Nothing changed.',
  sameLanguage: 'Both articles are in the same language.',
  reversed: 'That article is already a translation of this one.',
  notLinked: 'This article is not linked to any translation.',
  notEnabled: 'The site does not publish in that language.',
  invalidLanguage: 'That is not a known language code.',
  sameEdition: 'A story has one version per edition, and this version is in that language’s edition.',
  inEdition: '{lang} (published in the {edition} edition)',
  translateEditionHelp:
    'A language without an edition of its own is published in the edition named beside it; its text keeps its language and direction.',
};

const CATALOGUE: Record<Lang, TranslationMessages> = { ar, fr, en };

export function translationMessages(lang: Lang): TranslationMessages {
  return CATALOGUE[lang];
}

/** A language's name in the interface language, from CLDR (Intl), not a hand-kept list. */
export function languageName(tag: string, uiLang: Lang): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
