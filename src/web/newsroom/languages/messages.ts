// Interface text of the languages page.
import type { Lang } from '../../../core/types.ts';

const ar = {
  title: 'لغات المقالات',
  intro:
    'اللغات التي تُكتب بها مقالات الموقع: أي وسم BCP 47 (مثل fa وur وha وff-Adlm). يُؤخذ اتجاه كل لغة من خطها، وتظهر صفحاتها بواجهة إحدى لغات الواجهة الثلاث.',
  tag: 'الوسم',
  fallback: 'لغة الواجهة',
  articles: 'المقالات',
  add: 'أضف لغة (اتركه فارغًا إن لم تُرد)',
  ready: 'جاهزة للاختيار',
  removeHint: 'لإيقاف لغة امسح وسمها؛ لا تُوقف لغة ما دامت بها مقالات.',
  save: 'احفظ اللغات',
  saved: 'حُفظت اللغات.',
  elsewhere: 'عدد المقالات المكتوبة بـ{language} والمنشورة في نسخ أخرى: {n}',
  moveHere: 'انقلها إلى {path}',
  moved: 'نُقل {moved} إلى نسخة {language}؛ بقي {left} لأن لقصصها نسخة فيها أصلًا.',
  refusedInvalidTag: '«{tag}» ليس وسم لغة معروفًا (BCP 47)، مثل fa أو ur أو ha-Latn. لم يُحفظ شيء.',
  refusedDuplicate: 'اللغة {tag} مذكورة مرتين. لم يُحفظ شيء.',
  refusedReserved: 'العنوان {path} تستعمله صفحات الموقع نفسه، فلا تكون فيه نسخة {tag}. لم يُحفظ شيء.',
  refusedHasArticles: 'لا تُوقف اللغة {tag} ما دامت بها مقالات ({n}). لم يُحفظ شيء.',
  refusedEditionHasArticles:
    'في نسخة {tag} مقالات منشورة ({n})؛ انقلها إلى نسخة أخرى قبل إلغاء النسخة. لم يُحفظ شيء.',
  refusedMainEdition:
    '{tag} هي اللغة الأساسية للموقع؛ اختر لغة أساسية أخرى في الإعدادات قبل إلغاء نسختها. لم يُحفظ شيء.',
  link: 'لغات المقالات',
  edition: 'النسخة',
  ownEdition: 'نسخة خاصة بها: {path}',
  inFallback: 'ضمن نسخة لغة الواجهة',
  builtInEdition: 'نسخة الموقع: {path}',
  editionHint:
    'للغة بنسخة خاصة عنوانها وتواريخها واتجاهها، ونصوص واجهتها من ملف ترجمتها إن وُجد ومن لغة الواجهة لما ينقصه.',
};
export type LanguagesMessages = typeof ar;

const fr: LanguagesMessages = {
  title: 'Langues des articles',
  intro:
    'Les langues dans lesquelles les articles du site sont écrits : toute étiquette BCP 47 (fa, ur, ha, ff-Adlm…). Le sens d’écriture vient de l’écriture de la langue ; ses pages ont l’interface d’une des trois langues d’interface.',
  tag: 'Étiquette',
  fallback: 'Interface',
  articles: 'Articles',
  add: 'Ajouter une langue (laisser vide sinon)',
  ready: 'Prêtes à choisir',
  removeHint:
    'Pour désactiver une langue, effacez son étiquette ; une langue qui a des articles reste active.',
  save: 'Enregistrer les langues',
  saved: 'Langues enregistrées.',
  elsewhere: 'Articles écrits en {language} publiés dans d’autres éditions : {n}',
  moveHere: 'Les déplacer vers {path}',
  moved:
    '{moved} déplacé(s) vers l’édition {language} ; {left} laissé(s), leur histoire y ayant déjà une version.',
  refusedInvalidTag:
    '« {tag} » n’est pas une étiquette de langue connue (BCP 47), comme fa, ur ou ha-Latn. Rien n’a été enregistré.',
  refusedDuplicate: 'La langue {tag} figure deux fois. Rien n’a été enregistré.',
  refusedReserved:
    'L’adresse {path} sert aux pages du site lui-même : l’édition {tag} ne peut pas y être. Rien n’a été enregistré.',
  refusedHasArticles:
    'La langue {tag} a des articles ({n}) : elle ne peut pas être désactivée. Rien n’a été enregistré.',
  refusedEditionHasArticles:
    'L’édition {tag} a des articles publiés ({n}) : déplacez-les vers une autre édition avant de la retirer. Rien n’a été enregistré.',
  refusedMainEdition:
    '{tag} est la langue principale du site : choisissez-en une autre dans les réglages avant de retirer son édition. Rien n’a été enregistré.',
  link: 'Langues des articles',
  edition: 'Édition',
  ownEdition: 'Édition propre : {path}',
  inFallback: 'Dans l’édition de l’interface',
  builtInEdition: 'Édition du site : {path}',
  editionHint:
    'Une langue à édition propre a son adresse, ses dates et son sens d’écriture ; les textes de son interface viennent de son catalogue s’il existe, et de la langue d’interface pour ce qui manque.',
};

const en: LanguagesMessages = {
  title: 'Article languages',
  intro:
    'The languages the site’s articles are written in: any BCP 47 tag (fa, ur, ha, ff-Adlm…). Each one’s direction comes from its script; its pages have the interface of one of the three interface languages.',
  tag: 'Tag',
  fallback: 'Interface',
  articles: 'Articles',
  add: 'Add a language (leave empty otherwise)',
  ready: 'Ready to choose',
  removeHint: 'To switch a language off, clear its tag; a language that has articles stays on.',
  save: 'Save languages',
  saved: 'Languages saved.',
  elsewhere: 'Articles written in {language} published in other editions: {n}',
  moveHere: 'Move them to {path}',
  moved:
    '{moved} moved to the {language} edition; {left} left where they were, their story already having a version there.',
  refusedInvalidTag:
    '“{tag}” is not a known language tag (BCP 47), such as fa, ur or ha-Latn. Nothing was saved.',
  refusedDuplicate: 'The language {tag} is listed twice. Nothing was saved.',
  refusedReserved:
    'The address {path} is used by the site’s own pages, so the {tag} edition cannot be there. Nothing was saved.',
  refusedHasArticles:
    'The language {tag} has articles ({n}), so it cannot be switched off. Nothing was saved.',
  refusedEditionHasArticles:
    'The {tag} edition has published articles ({n}): move them to another edition before taking it away. Nothing was saved.',
  refusedMainEdition:
    '{tag} is the site’s main language: choose another one in the settings before taking its edition away. Nothing was saved.',
  link: 'Article languages',
  edition: 'Edition',
  ownEdition: 'Own edition: {path}',
  inFallback: 'In the interface language’s edition',
  builtInEdition: 'Site edition: {path}',
  editionHint:
    'A language with its own edition has its own address, dates and direction; its interface text comes from its catalogue where there is one, and from the interface language for the rest.',
};

export function languagesMessages(lang: Lang): LanguagesMessages {
  return { ar, fr, en }[lang];
}
