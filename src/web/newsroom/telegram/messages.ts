// Text of the Telegram channels page, in the three newsroom languages.
import type { Lang } from '../../../core/types.ts';

const ar = {
  title: 'قنوات تيليغرام',
  link: 'قنوات تيليغرام: نشر المقالات تلقائيًا',
  intro:
    'لكل لغة قناة: عند نشر مقال بهذه اللغة يُرسل إلى قناتها منشور واحد فيه العنوان والمقدمة والرابط (والصورة الرئيسية حين يكون عنوان الموقع العام متاحًا على الإنترنت). أنشئ بوتًا عند @BotFather، واجعله مشرفًا في القناة يحق له النشر، ثم الصق رمزه هنا.',
  lang_ar: 'العربية',
  lang_fr: 'الفرنسية',
  lang_en: 'الإنجليزية',
  chatId: 'القناة',
  chatIdHelp: '@اسم_القناة أو معرّفها الرقمي (يبدأ بـ ‎-100).',
  token: 'رمز البوت',
  tokenSet: 'الرمز محفوظ. اتركه فارغًا للإبقاء عليه، أو الصق رمزًا جديدًا لاستبداله.',
  tokenUnset: 'لا رمز محفوظ.',
  save: 'احفظ وجرّب',
  remove: 'احذف القناة والرمز',
  saved: 'حُفظت القناة: تعرّف تيليغرام على البوت والقناة.',
  removed: 'حُذفت القناة ورمزها: لن يُنشر فيها شيء بعد الآن.',
  fixErrors: 'لم تُحفظ القناة. راجع الحقول المشار إليها.',
  errTokenFormat: 'هذا لا يشبه رمز بوت (أرقام ثم نقطتان ثم حروف وأرقام).',
  errTokenRefused: 'رفض تيليغرام هذا الرمز: تحقق منه عند @BotFather.',
  errTokenMissing: 'الصق رمز البوت.',
  errChatFormat: 'اكتب اسم القناة بالصيغة ‎@name أو معرّفها الرقمي.',
  errChatNotFound: 'لا يرى البوت هذه القناة: تحقق من اسمها ومن أن البوت مشرف فيها.',
  errUnreachable: 'تعذّر الاتصال بتيليغرام الآن، فلم يُحفظ شيء. أعد المحاولة بعد قليل.',
  outbox: 'المنشورات المرسلة وأخطاؤها في صندوق الصادر.',
};

export type TelegramMessages = typeof ar;

const fr: TelegramMessages = {
  title: 'Chaînes Telegram',
  link: 'Chaînes Telegram : publier les articles automatiquement',
  intro:
    'Une chaîne par langue : à la publication d’un article dans cette langue, un message part sur sa chaîne avec le titre, le chapeau et le lien (et l’image principale quand l’adresse publique du site est accessible depuis Internet). Créez un bot avec @BotFather, nommez-le administrateur de la chaîne avec le droit de publier, puis collez son jeton ici.',
  lang_ar: 'Arabe',
  lang_fr: 'Français',
  lang_en: 'Anglais',
  chatId: 'Chaîne',
  chatIdHelp: '@nom_de_la_chaine ou son identifiant numérique (commençant par -100).',
  token: 'Jeton du bot',
  tokenSet:
    'Un jeton est enregistré. Laissez vide pour le garder, ou collez-en un nouveau pour le remplacer.',
  tokenUnset: 'Aucun jeton enregistré.',
  save: 'Enregistrer et essayer',
  remove: 'Supprimer la chaîne et le jeton',
  saved: 'Chaîne enregistrée : Telegram reconnaît le bot et la chaîne.',
  removed: 'Chaîne et jeton supprimés : plus rien n’y sera publié.',
  fixErrors: 'La chaîne n’a pas été enregistrée. Voyez les champs signalés.',
  errTokenFormat:
    'Ceci ne ressemble pas à un jeton de bot (des chiffres, deux-points, puis lettres et chiffres).',
  errTokenRefused: 'Telegram refuse ce jeton : vérifiez-le auprès de @BotFather.',
  errTokenMissing: 'Collez le jeton du bot.',
  errChatFormat: 'Écrivez la chaîne sous la forme @nom ou son identifiant numérique.',
  errChatNotFound: 'Le bot ne voit pas cette chaîne : vérifiez son nom et que le bot en est administrateur.',
  errUnreachable:
    'Telegram est injoignable pour l’instant ; rien n’a été enregistré. Réessayez dans un moment.',
  outbox: 'Les messages envoyés et leurs erreurs sont dans la boîte d’envoi.',
};

const en: TelegramMessages = {
  title: 'Telegram channels',
  link: 'Telegram channels: post articles automatically',
  intro:
    'One channel per language: when an article in that language is published, one post goes to its channel with the title, dek and link (and the featured image when the site’s public address can be reached from the internet). Create a bot with @BotFather, make it an administrator of the channel allowed to post, then paste its token here.',
  lang_ar: 'Arabic',
  lang_fr: 'French',
  lang_en: 'English',
  chatId: 'Channel',
  chatIdHelp: '@channel_name or its numeric id (starting with -100).',
  token: 'Bot token',
  tokenSet: 'A token is saved. Leave this empty to keep it, or paste a new one to replace it.',
  tokenUnset: 'No token saved.',
  save: 'Save and test',
  remove: 'Remove the channel and token',
  saved: 'Channel saved: Telegram knows the bot and the channel.',
  removed: 'Channel and token removed: nothing more will be posted there.',
  fixErrors: 'The channel was not saved. See the fields marked.',
  errTokenFormat: 'This does not look like a bot token (digits, a colon, then letters and digits).',
  errTokenRefused: 'Telegram refused this token: check it with @BotFather.',
  errTokenMissing: 'Paste the bot token.',
  errChatFormat: 'Write the channel as @name or its numeric id.',
  errChatNotFound:
    'The bot cannot see this channel: check its name and that the bot is one of its administrators.',
  errUnreachable: 'Telegram cannot be reached right now, so nothing was saved. Try again in a moment.',
  outbox: 'Posts sent and their errors are in the outbox.',
};

export function telegramMessages(lang: Lang): TelegramMessages {
  return lang === 'fr' ? fr : lang === 'en' ? en : ar;
}
