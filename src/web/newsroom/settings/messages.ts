// Text of the settings page beyond the basics in messages.ts: languages, dates, uploads, logo.
import type { Lang } from '../../../core/types.ts';

/** Each language named in itself, whatever the interface language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

const ar = {
  languages: 'لغات الموقع',
  languagesHelp: 'صفحات اللغات غير المختارة لا تظهر للقراء. اللغة الأساسية مختارة دائمًا.',
  languagesMissingDefault: 'اختر اللغة الأساسية ضمن لغات الموقع.',
  dates: 'عرض التواريخ',
  dateBoth: 'الميلادي والهجري معًا',
  dateGregorian: 'الميلادي فقط',
  dateHijri: 'الهجري فقط',
  maxUpload: 'أكبر حجم لملف مرفوع (ميغابايت)',
  maxUploadHelp: 'بين 1 و1024. القيمة المعتادة 20.',
  maxUploadInvalid: 'اكتب عددًا صحيحًا بين 1 و1024.',
  maxAvUpload: 'أكبر حجم لملف صوت أو فيديو (ميغابايت)',
  maxAvUploadHelp: 'بين 1 و4096. القيمة المعتادة 200. يُرفض الملف الأكبر قبل حفظه.',
  maxAvUploadInvalid: 'اكتب عددًا صحيحًا بين 1 و4096.',
  logo: 'شعار الموقع',
  logoHelp: 'يظهر في رأس الصفحات وفي نتائج محركات البحث. PNG أو SVG محوّل إلى PNG، بخلفية شفافة إن أمكن.',
  uploadLogo: 'رفع الشعار',
  removeLogo: 'إزالة الشعار',
  noLogo: 'لا شعار: يظهر اسم الموقع وحده.',
  logoSaved: 'حُفظ الشعار.',
  readership: 'عدّ القراءات',
  readershipOn: 'عُدّ مشاهدات الصفحات (قائمة «الأكثر قراءة» وأرقام غرفة الأخبار)',
  readershipHelp:
    'العدّ بلا ملفات تعريف ارتباط ولا بيانات شخصية: لا عنوان IP ولا معرّف يُحفظ، وإنما أعداد لكل مقال وساعة. عند إيقافه لا يُرسل إلى القراء أي نص برمجي للعدّ ولا يُحفظ شيء.',
  logoNotImage: 'الملف ليس صورة.',
  offlineArticles: 'عدد المقالات المحفوظة للقراءة دون اتصال',
  offlineArticlesHelp:
    'يحفظ جهاز القارئ آخر ما فتحه من مقالات بهذا العدد ليقرأها دون اتصال. بين 1 و500. القيمة المعتادة 30.',
  offlineArticlesInvalid: 'اكتب عددًا صحيحًا بين 1 و500.',
};

export type SettingsMessages = Record<keyof typeof ar, string>;

const fr: SettingsMessages = {
  languages: 'Langues du site',
  languagesHelp:
    'Les pages des langues non cochées ne sont pas publiées. La langue principale est toujours incluse.',
  languagesMissingDefault: 'Cochez la langue principale parmi les langues du site.',
  dates: 'Affichage des dates',
  dateBoth: 'Grégorienne et hégirienne',
  dateGregorian: 'Grégorienne seulement',
  dateHijri: 'Hégirienne seulement',
  maxUpload: 'Taille maximale d’un fichier envoyé (Mo)',
  maxUploadHelp: 'Entre 1 et 1024. Valeur habituelle : 20.',
  maxUploadInvalid: 'Saisissez un nombre entier entre 1 et 1024.',
  maxAvUpload: 'Taille maximale d’un fichier audio ou vidéo (Mo)',
  maxAvUploadHelp:
    'Entre 1 et 4096. Valeur habituelle : 200. Un fichier plus gros est refusé avant d’être enregistré.',
  maxAvUploadInvalid: 'Saisissez un nombre entier entre 1 et 4096.',
  logo: 'Logo du site',
  logoHelp:
    'Affiché en tête des pages et dans les résultats des moteurs de recherche. PNG, fond transparent si possible.',
  uploadLogo: 'Envoyer le logo',
  removeLogo: 'Retirer le logo',
  noLogo: 'Pas de logo : le nom du site s’affiche seul.',
  logoSaved: 'Logo enregistré.',
  readership: 'Mesure d’audience',
  readershipOn: 'Compter les pages vues (liste « Les plus lus » et chiffres de la rédaction)',
  readershipHelp:
    'Sans cookie ni donnée personnelle : aucune adresse IP ni identifiant n’est conservé, seulement des totaux par article et par heure. Désactivée, aucun script de mesure n’est envoyé aux lecteurs et rien n’est enregistré.',
  logoNotImage: "Le fichier n'est pas une image.",
  offlineArticles: 'Articles gardés pour la lecture hors ligne',
  offlineArticlesHelp:
    "L'appareil du lecteur garde ce nombre de derniers articles ouverts pour les lire sans connexion. Entre 1 et 500. Valeur habituelle : 30.",
  offlineArticlesInvalid: 'Saisissez un nombre entier entre 1 et 500.',
};

const en: SettingsMessages = {
  languages: 'Site languages',
  languagesHelp: 'Pages in languages left unticked are not published. The main language is always included.',
  languagesMissingDefault: 'Tick the main language among the site languages.',
  dates: 'Date display',
  dateBoth: 'Gregorian and Hijri',
  dateGregorian: 'Gregorian only',
  dateHijri: 'Hijri only',
  maxUpload: 'Largest upload (MB)',
  maxUploadHelp: 'Between 1 and 1024. The usual value is 20.',
  maxUploadInvalid: 'Enter a whole number between 1 and 1024.',
  maxAvUpload: 'Largest audio or video file (MB)',
  maxAvUploadHelp:
    'Between 1 and 4096. The usual value is 200. A larger file is refused before it is stored.',
  maxAvUploadInvalid: 'Enter a whole number between 1 and 4096.',
  logo: 'Site logo',
  logoHelp:
    'Shown in the page header and in search engine results. PNG, with a transparent background if possible.',
  uploadLogo: 'Upload the logo',
  removeLogo: 'Remove the logo',
  noLogo: 'No logo: the site name is shown alone.',
  logoSaved: 'Logo saved.',
  readership: 'Readership',
  readershipOn: 'Count page views (the “Most read” list and the newsroom’s figures)',
  readershipHelp:
    'No cookie and no personal data: no IP address or identifier is kept, only totals per article and hour. When off, readers are sent no counting script and nothing is stored.',
  logoNotImage: 'The file is not an image.',
  offlineArticles: 'Articles kept for offline reading',
  offlineArticlesHelp:
    "A reader's device keeps this many of the last articles opened, to read without a connection. Between 1 and 500. The usual value is 30.",
  offlineArticlesInvalid: 'Enter a whole number between 1 and 500.',
};

const ALL: Record<Lang, SettingsMessages> = { ar, fr, en };

export function settingsMessages(lang: Lang): SettingsMessages {
  return ALL[lang];
}
