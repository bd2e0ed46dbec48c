// Interface text of an article's corrections and updates in the newsroom.
import type { Lang } from '../../../core/types.ts';

const ar = {
  title: 'التصحيحات والتحديثات',
  titleOf: 'التصحيحات والتحديثات: {title}',
  help: 'يظهر التصحيح أو التحديث في أعلى المقال بتاريخه، وفي الخلاصات، ويُعدّ تعديلًا للمقال.',
  onlyPublished: 'تُضاف التصحيحات والتحديثات إلى المقالات المنشورة فقط.',
  kind: 'النوع',
  correction: 'تصحيح',
  update: 'تحديث',
  text: 'النص',
  textHelp: 'نص قصير، حتى ١٠٠٠ حرف.',
  add: 'أضف',
  save: 'احفظ التعديل',
  delete: 'احذف',
  manage: 'إدارة التصحيحات والتحديثات ({n})',
  backToEditor: 'العودة إلى المحرّر',
  none: 'لا تصحيحات ولا تحديثات بعد.',
  added: 'أُضيف، وهو ظاهر الآن على المقال.',
  edited: 'حُفظ التعديل.',
  deleted: 'حُذف.',
  by: 'كتبه {name}، {date}',
  refused: 'لم يُحفظ شيء.',
  errCorrectionEmpty: 'اكتب نص التصحيح أو التحديث.',
  errCorrectionTooLong: 'النص أطول من ١٠٠٠ حرف؛ اختصره.',
  errCorrectionNotPublished: 'هذا المقال غير منشور: عدّل نصه مباشرة بدل إضافة تصحيح.',
};
export type CorrectionMessages = typeof ar;

const fr: CorrectionMessages = {
  title: 'Correctifs et mises à jour',
  titleOf: 'Correctifs et mises à jour : {title}',
  help: "Un correctif ou une mise à jour s'affiche daté en haut de l'article et dans les flux, et compte comme une modification de l'article.",
  onlyPublished: "Les correctifs et mises à jour s'ajoutent aux articles publiés seulement.",
  kind: 'Type',
  correction: 'Correctif',
  update: 'Mise à jour',
  text: 'Texte',
  textHelp: "Un texte court, jusqu'à 1 000 caractères.",
  add: 'Ajouter',
  save: 'Enregistrer',
  delete: 'Supprimer',
  manage: 'Gérer les correctifs et mises à jour ({n})',
  backToEditor: "Retour à l'éditeur",
  none: 'Aucun correctif ni mise à jour.',
  added: "Ajouté : c'est visible sur l'article.",
  edited: 'Modification enregistrée.',
  deleted: 'Supprimé.',
  by: 'Par {name}, {date}',
  refused: "Rien n'a été enregistré.",
  errCorrectionEmpty: 'Écrivez le texte du correctif ou de la mise à jour.',
  errCorrectionTooLong: 'Le texte dépasse 1 000 caractères : raccourcissez-le.',
  errCorrectionNotPublished:
    "Cet article n'est pas publié : modifiez son texte au lieu d'ajouter un correctif.",
};

const en: CorrectionMessages = {
  title: 'Corrections and updates',
  titleOf: 'Corrections and updates: {title}',
  help: 'A correction or update shows, dated, at the top of the article and in the feeds, and counts as a change of the article.',
  onlyPublished: 'Corrections and updates are added to published articles only.',
  kind: 'Kind',
  correction: 'Correction',
  update: 'Update',
  text: 'Text',
  textHelp: 'A short text, up to 1,000 characters.',
  add: 'Add',
  save: 'Save',
  delete: 'Delete',
  manage: 'Manage corrections and updates ({n})',
  backToEditor: 'Back to the editor',
  none: 'No corrections or updates yet.',
  added: 'Added: it is on the article now.',
  edited: 'Saved.',
  deleted: 'Deleted.',
  by: 'By {name}, {date}',
  refused: 'Nothing was saved.',
  errCorrectionEmpty: 'Write the text of the correction or update.',
  errCorrectionTooLong: 'The text is longer than 1,000 characters: shorten it.',
  errCorrectionNotPublished: 'This article is not published: edit its text instead of adding a correction.',
};

const ALL: Record<Lang, CorrectionMessages> = { ar, fr, en };

export function correctionMessages(lang: Lang): CorrectionMessages {
  return ALL[lang];
}
