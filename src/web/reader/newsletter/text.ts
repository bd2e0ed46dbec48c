// Reader text of the newsletter form and pages, in the three site languages.
import type { Lang } from '../../../core/types.ts';

export interface NewsletterText {
  title: string;
  intro: string;
  email: string;
  language: string;
  sections: string;
  sectionsHint: string;
  frequency: string;
  daily: string;
  weekly: string;
  noDigest: string;
  alerts: string;
  submit: string;
  refused: string;
  badEmail: string;
  chooseSomething: string;
  checkMailTitle: string;
  checkMail: string;
  confirmedTitle: string;
  confirmed: string;
  expiredTitle: string;
  expired: string;
  invalidTitle: string;
  invalid: string;
  unsubscribeTitle: string;
  unsubscribeAsk: string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribed: string;
  backHome: string;
}

export const NEWSLETTER_TEXT: Record<Lang, NewsletterText> = {
  ar: {
    title: 'النشرة البريدية',
    intro: 'تصلك أهم الأخبار على بريدك الإلكتروني.',
    email: 'البريد الإلكتروني',
    language: 'اللغة',
    sections: 'الأقسام',
    sectionsHint: 'اتركها كلها فارغة لتصلك كل الأقسام.',
    frequency: 'الموجز',
    daily: 'يومي',
    weekly: 'أسبوعي',
    noDigest: 'بلا موجز',
    alerts: 'الأخبار العاجلة أيضًا',
    submit: 'اشترك',
    refused: 'لم يتم الاشتراك. صحّح ما يلي ثم أعد المحاولة.',
    badEmail: 'اكتب عنوان بريد إلكتروني صحيحًا، مثل name@example.com.',
    chooseSomething: 'اختر موجزًا يوميًا أو أسبوعيًا، أو الأخبار العاجلة.',
    checkMailTitle: 'تحقق من بريدك',
    checkMail:
      'أرسلنا رسالة تأكيد إلى هذا العنوان إن لم يكن مشتركًا. اضغط على الرابط الذي فيها خلال 48 ساعة لتأكيد الاشتراك.',
    confirmedTitle: 'تأكّد اشتراكك',
    confirmed: 'شكرًا لك. ستصلك نشرتنا على بريدك الإلكتروني، وفي كل رسالة رابط لإلغاء الاشتراك.',
    expiredTitle: 'انتهت صلاحية الرابط',
    expired: 'مرّ على هذا الرابط أكثر من 48 ساعة فلم يعد يعمل. اشترك مرة أخرى لتصلك رسالة تأكيد جديدة.',
    invalidTitle: 'الرابط غير صالح',
    invalid: 'هذا الرابط غير صالح أو استُعمل من قبل. لم يتغير شيء.',
    unsubscribeTitle: 'إلغاء الاشتراك',
    unsubscribeAsk: 'هل تريد التوقف عن تلقي نشرتنا؟ سيُحذف عنوانك من قائمتنا.',
    unsubscribeButton: 'ألغِ اشتراكي',
    unsubscribedTitle: 'أُلغي اشتراكك',
    unsubscribed: 'حُذف عنوانك من قائمتنا ولن تصلك منا رسائل بعد الآن.',
    backHome: 'العودة إلى الرئيسية',
  },
  fr: {
    title: 'La lettre d’information',
    intro: 'L’essentiel de l’actualité dans votre boîte mail.',
    email: 'Adresse e-mail',
    language: 'Langue',
    sections: 'Rubriques',
    sectionsHint: 'Ne cochez rien pour recevoir toutes les rubriques.',
    frequency: 'Résumé',
    daily: 'Quotidien',
    weekly: 'Hebdomadaire',
    noDigest: 'Aucun',
    alerts: 'Les alertes aussi',
    submit: 'S’inscrire',
    refused: 'Inscription non faite. Corrigez ce qui suit puis réessayez.',
    badEmail: 'Saisissez une adresse e-mail valide, par exemple nom@example.com.',
    chooseSomething: 'Choisissez un résumé quotidien ou hebdomadaire, ou les alertes.',
    checkMailTitle: 'Consultez votre boîte mail',
    checkMail:
      'Si cette adresse n’est pas déjà inscrite, nous venons d’y envoyer un message de confirmation. Cliquez sur son lien dans les 48 heures.',
    confirmedTitle: 'Inscription confirmée',
    confirmed: 'Merci. Vous recevrez notre lettre ; chaque message contient un lien de désinscription.',
    expiredTitle: 'Lien expiré',
    expired:
      'Ce lien a plus de 48 heures et ne fonctionne plus. Inscrivez-vous à nouveau pour recevoir un nouveau lien.',
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien n’est pas valide ou a déjà servi. Rien n’a changé.',
    unsubscribeTitle: 'Désinscription',
    unsubscribeAsk: 'Voulez-vous ne plus recevoir notre lettre ? Votre adresse sera effacée de notre liste.',
    unsubscribeButton: 'Me désinscrire',
    unsubscribedTitle: 'Vous êtes désinscrit·e',
    unsubscribed: 'Votre adresse a été effacée de notre liste ; vous ne recevrez plus rien de notre part.',
    backHome: 'Retour à l’accueil',
  },
  en: {
    title: 'Newsletter',
    intro: 'The news that matters, in your inbox.',
    email: 'E-mail address',
    language: 'Language',
    sections: 'Sections',
    sectionsHint: 'Tick none to get every section.',
    frequency: 'Digest',
    daily: 'Daily',
    weekly: 'Weekly',
    noDigest: 'None',
    alerts: 'Breaking news alerts too',
    submit: 'Subscribe',
    refused: 'Not subscribed. Correct the following and try again.',
    badEmail: 'Enter a valid e-mail address, such as name@example.com.',
    chooseSomething: 'Choose a daily or weekly digest, or breaking news alerts.',
    checkMailTitle: 'Check your inbox',
    checkMail:
      'If this address is not subscribed yet, we have sent it a confirmation message. Follow its link within 48 hours to confirm.',
    confirmedTitle: 'Subscription confirmed',
    confirmed: 'Thank you. Our newsletter will reach your inbox; every message has a link to unsubscribe.',
    expiredTitle: 'Link expired',
    expired: 'This link is more than 48 hours old and no longer works. Subscribe again to get a new one.',
    invalidTitle: 'Invalid link',
    invalid: 'This link is not valid or was already used. Nothing was changed.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeAsk: 'Stop receiving our newsletter? Your address will be deleted from our list.',
    unsubscribeButton: 'Unsubscribe me',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribed: 'Your address has been deleted from our list; you will get nothing more from us.',
    backHome: 'Back to the home page',
  },
};
