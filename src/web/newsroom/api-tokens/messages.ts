// Interface text of the API tokens page. Paths inside Arabic text are isolated (U+2066…U+2069)
// so their slashes stay where they are written.
import type { Lang } from '../../../core/types.ts';

const ar = {
  tokens: 'مفاتيح الواجهة البرمجية',
  intro:
    'يتيح المفتاح لتطبيق أو أداة أتمتة أو نظام شريك أن يكتب في الموقع باسمك عبر الواجهة البرمجية (\u2066/api/v1/admin\u2069). يملك المفتاح صلاحياتك أنت لحظة كل طلب: إن تغيّر دورك أو عُطّل حسابك تبعه المفتاح. لا تشاركه، وألغِه إن تسرّب.',
  newToken: 'مفتاح جديد',
  name: 'الاسم',
  nameHelp: 'ما يذكّرك بمستعمله، مثل «تطبيق الهاتف».',
  expires: 'مدة الصلاحية',
  days30: '30 يومًا',
  days90: '90 يومًا',
  days365: 'سنة',
  never: 'بلا انتهاء',
  create: 'أنشئ المفتاح',
  createdTitle: 'انسخ المفتاح الآن',
  createdHelp:
    'هذه هي المرة الوحيدة التي يظهر فيها المفتاح كاملًا؛ لا يحفظ الموقع إلا بصمته. إن ضاع فألغِه وأنشئ غيره.',
  yourTokens: 'مفاتيحك',
  none: 'لا مفاتيح بعد.',
  hint: 'يبدأ بـ',
  created: 'أُنشئ',
  lastUsed: 'آخر استعمال',
  expiry: 'ينتهي',
  status: 'الحالة',
  neverUsed: 'لم يُستعمل',
  noExpiry: 'لا ينتهي',
  live: 'صالح',
  revoked: 'ملغى',
  expired: 'منتهٍ',
  revoke: 'ألغِ',
  revokedDone: 'أُلغي المفتاح؛ لم يعد يعمل.',
  nameMissing: 'اكتب اسمًا للمفتاح.',
  nameTooLong: 'الاسم ثمانون حرفًا على الأكثر.',
  tooMany: 'بلغتَ الحد الأقصى للمفاتيح الصالحة؛ ألغِ مفتاحًا قبل إنشاء غيره.',
  twoFactorFirst: 'يشترط الموقع التحقق بخطوتين: فعّله في صفحة حسابك قبل إنشاء المفاتيح أو استعمالها.',
};
export type ApiTokenMessages = typeof ar;

const fr: ApiTokenMessages = {
  tokens: "Jetons d'API",
  intro:
    "Un jeton permet à une application, un outil d'automatisation ou le système d'un partenaire d'écrire sur le site en votre nom par l'API (/api/v1/admin). Il a exactement vos droits au moment de chaque requête : si votre rôle change ou si votre compte est désactivé, le jeton suit. Ne le partagez pas ; révoquez-le s'il a fuité.",
  newToken: 'Nouveau jeton',
  name: 'Nom',
  nameHelp: "Ce qui vous rappelle qui l'utilise, par exemple « Application mobile ».",
  expires: 'Validité',
  days30: '30 jours',
  days90: '90 jours',
  days365: 'Un an',
  never: 'Sans expiration',
  create: 'Créer le jeton',
  createdTitle: 'Copiez le jeton maintenant',
  createdHelp:
    "C'est la seule fois où le jeton s'affiche en entier : le site n'en garde qu'une empreinte. S'il est perdu, révoquez-le et créez-en un autre.",
  yourTokens: 'Vos jetons',
  none: 'Aucun jeton pour le moment.',
  hint: 'Commence par',
  created: 'Créé',
  lastUsed: 'Dernière utilisation',
  expiry: 'Expire',
  status: 'État',
  neverUsed: 'Jamais utilisé',
  noExpiry: "N'expire pas",
  live: 'Actif',
  revoked: 'Révoqué',
  expired: 'Expiré',
  revoke: 'Révoquer',
  revokedDone: 'Jeton révoqué : il ne fonctionne plus.',
  nameMissing: 'Donnez un nom au jeton.',
  nameTooLong: 'Le nom fait 80 caractères au plus.',
  tooMany: "Vous avez atteint le nombre maximal de jetons actifs ; révoquez-en un avant d'en créer un autre.",
  twoFactorFirst:
    "Le site exige la vérification en deux étapes : activez-la sur la page de votre compte avant de créer ou d'utiliser des jetons.",
};

const en: ApiTokenMessages = {
  tokens: 'API tokens',
  intro:
    'A token lets an app, an automation tool or a partner’s system write to the site in your name through the API (/api/v1/admin). It has exactly your rights at the time of each request: if your role changes or your account is disabled, the token follows. Do not share it; revoke it if it leaks.',
  newToken: 'New token',
  name: 'Name',
  nameHelp: 'Something that reminds you who uses it, such as “Mobile app”.',
  expires: 'Valid for',
  days30: '30 days',
  days90: '90 days',
  days365: 'One year',
  never: 'No expiry',
  create: 'Create token',
  createdTitle: 'Copy the token now',
  createdHelp:
    'This is the only time the whole token is shown: the site keeps only a fingerprint of it. If it is lost, revoke it and create another.',
  yourTokens: 'Your tokens',
  none: 'No tokens yet.',
  hint: 'Starts with',
  created: 'Created',
  lastUsed: 'Last used',
  expiry: 'Expires',
  status: 'Status',
  neverUsed: 'Never used',
  noExpiry: 'Does not expire',
  live: 'Active',
  revoked: 'Revoked',
  expired: 'Expired',
  revoke: 'Revoke',
  revokedDone: 'Token revoked: it no longer works.',
  nameMissing: 'Give the token a name.',
  nameTooLong: 'The name is 80 characters at most.',
  tooMany: 'You have reached the maximum number of active tokens; revoke one before creating another.',
  twoFactorFirst:
    'This site requires two-step verification: turn it on in your account page before creating or using tokens.',
};

export function apiTokenMessages(lang: Lang): ApiTokenMessages {
  return { ar, fr, en }[lang];
}
