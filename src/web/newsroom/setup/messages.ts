// Text of the first-run setup page (the one-time link that makes the first admin), in the
// three newsroom languages. Password rule texts come from core/i18n, as on every password form.
import type { Lang } from '../../../core/types.ts';

const ar = {
  title: 'إعداد الموقع',
  intro:
    'أنشئ حساب المدير الأول لهذا الموقع. يصلح هذا الرابط مرة واحدة فقط، ثم تدير الفريق وكل شيء آخر من غرفة التحرير.',
  name: 'الاسم',
  nameHelp: 'كما يظهر في غرفة التحرير وفي توقيع مقالاتك.',
  email: 'البريد الإلكتروني',
  emailHelp: 'تدخل به إلى غرفة التحرير.',
  password: 'كلمة المرور',
  passwordHelp: '12 حرفًا على الأقل؛ جملة تتذكرها خيار جيد. لا تستعمل فيها اسمك أو بريدك.',
  confirmPassword: 'أعد كتابة كلمة المرور',
  create: 'أنشئ الحساب وادخل',
  fixErrors: 'لم يُنشأ أي حساب. صحّح الحقول المشار إليها.',
  errName: 'اكتب الاسم (120 حرفًا على الأكثر).',
  errEmail: 'اكتب بريدًا إلكترونيًا صحيحًا.',
  errEmailTaken: 'هذا البريد لحساب موجود له كلمة مرور. اختر بريدًا آخر.',
  errConfirm: 'كلمتا المرور غير متطابقتين.',
  deadTitle: 'رابط الإعداد لا يعمل',
  dead: 'رابط الإعداد هذا لا يعمل: إما أنه غير معروف أو استُعمل من قبل أو انتهت مدته، وإما أن للموقع مديرًا بالفعل. لم يُنشأ أي حساب.',
  deadSignIn: 'إن كان لك حساب فادخل به:',
  deadNewLink: 'وإن لم يكن للموقع مدير بعد، فشغّل الأمر التالي على الخادم ليطبع رابطًا جديدًا:',
  throttled: 'محاولات كثيرة غير ناجحة من هذا العنوان. انتظر ربع ساعة ثم حاول مجددًا.',
  language: 'اللغة',
  noAdminYet:
    'لا مدير لهذا الموقع بعد. افتح رابط الإعداد الذي طبعه الخادم عند تشغيله أول مرة، أو شغّل `midad init` على الخادم ليطبع رابطًا جديدًا.',
};

export type SetupMessages = typeof ar;

const fr: SetupMessages = {
  title: 'Configuration du site',
  intro:
    "Créez le compte du premier administrateur de ce site. Ce lien ne sert qu'une fois ; ensuite, l'équipe et tout le reste se gèrent depuis la rédaction.",
  name: 'Nom',
  nameHelp: 'Tel qu’il apparaît dans la rédaction et en signature de vos articles.',
  email: 'E-mail',
  emailHelp: 'Il sert à vous connecter à la rédaction.',
  password: 'Mot de passe',
  passwordHelp:
    '12 caractères au moins ; une phrase dont vous vous souviendrez convient bien. Sans votre nom ni votre e-mail.',
  confirmPassword: 'Retapez le mot de passe',
  create: 'Créer le compte et entrer',
  fixErrors: "Aucun compte n'a été créé. Corrigez les champs signalés.",
  errName: 'Indiquez un nom (120 caractères au plus).',
  errEmail: 'Indiquez une adresse e-mail valide.',
  errEmailTaken: 'Cette adresse appartient déjà à un compte qui a un mot de passe. Choisissez-en une autre.',
  errConfirm: 'Les deux mots de passe diffèrent.',
  deadTitle: 'Ce lien de configuration ne fonctionne pas',
  dead: "Ce lien de configuration ne fonctionne pas : il est inconnu, déjà utilisé ou expiré, ou bien le site a déjà un administrateur. Aucun compte n'a été créé.",
  deadSignIn: 'Si vous avez un compte :',
  deadNewLink:
    "Si le site n'a pas encore d'administrateur, lancez cette commande sur le serveur : elle affiche un nouveau lien.",
  throttled: 'Trop de tentatives infructueuses depuis cette adresse. Attendez un quart d’heure et réessayez.',
  language: 'Langue',
  noAdminYet:
    "Ce site n'a pas encore d'administrateur. Ouvrez le lien de configuration affiché par le serveur à son premier démarrage, ou lancez `midad init` sur le serveur pour en obtenir un nouveau.",
};

const en: SetupMessages = {
  title: 'Set up the site',
  intro:
    "Create the account of this site's first admin. This link works once; after that, the team and everything else are managed from the newsroom.",
  name: 'Name',
  nameHelp: 'As shown in the newsroom and in the byline of your articles.',
  email: 'E-mail',
  emailHelp: 'You sign in to the newsroom with it.',
  password: 'Password',
  passwordHelp: 'At least 12 characters; a sentence you will remember works well. Not your name or e-mail.',
  confirmPassword: 'Type the password again',
  create: 'Create the account and sign in',
  fixErrors: 'No account was created. Correct the fields marked below.',
  errName: 'Enter a name (at most 120 characters).',
  errEmail: 'Enter a valid e-mail address.',
  errEmailTaken: 'This address belongs to an account that already has a password. Choose another.',
  errConfirm: 'The two passwords differ.',
  deadTitle: 'This setup link does not work',
  dead: 'This setup link does not work: it is unknown, already used or expired, or the site already has an admin. No account was created.',
  deadSignIn: 'If you have an account:',
  deadNewLink: 'If the site has no admin yet, run this command on the server: it prints a new link.',
  throttled: 'Too many failed attempts from this address. Wait a quarter of an hour and try again.',
  language: 'Language',
  noAdminYet:
    'This site has no admin yet. Open the setup link the server printed when it first started, or run `midad init` on the server to print a new one.',
};

const ALL: Record<Lang, SetupMessages> = { ar, fr, en };

export function setupMessages(lang: Lang): SetupMessages {
  return ALL[lang];
}
