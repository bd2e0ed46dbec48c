// The words of newsletter mails in the three site languages (Arabic first).
import type { Lang } from '../../core/types.ts';

export interface NewsletterMailText {
  confirmSubject: (site: string) => string;
  confirmHeading: string;
  confirmBody: (site: string) => string;
  confirmAction: string;
  confirmFooter: (hours: number) => string;
  dailySubject: (site: string, n: number) => string;
  weeklySubject: (site: string, n: number) => string;
  dailyHeading: string;
  weeklyHeading: string;
  alertSubject: (site: string, title: string) => string;
  alertHeading: string;
  readArticle: string;
  unsubscribeFooter: string;
}

export const NEWSLETTER_MAIL_TEXT: Record<Lang, NewsletterMailText> = {
  ar: {
    confirmSubject: (site) => `أكّد اشتراكك في نشرة ${site}`,
    confirmHeading: 'أكّد اشتراكك',
    confirmBody: (site) =>
      `طلب أحدهم، ولعله أنت، تلقي نشرة ${site} على هذا العنوان. اضغط على الزر أدناه لتأكيد الاشتراك.`,
    confirmAction: 'تأكيد الاشتراك',
    confirmFooter: (hours) =>
      `يصلح هذا الرابط مدة ${hours} ساعة. إن لم تطلب الاشتراك فتجاهل هذه الرسالة ولن يصلك منا شيء.`,
    dailySubject: (site, n) => `${site}: موجز اليوم (${n})`,
    weeklySubject: (site, n) => `${site}: موجز الأسبوع (${n})`,
    dailyHeading: 'موجز اليوم',
    weeklyHeading: 'موجز الأسبوع',
    alertSubject: (site, title) => `عاجل – ${site}: ${title}`,
    alertHeading: 'عاجل',
    readArticle: 'اقرأ المقال',
    unsubscribeFooter: 'وصلتك هذه الرسالة لأنك اشتركت في نشرتنا. لإلغاء الاشتراك:',
  },
  fr: {
    confirmSubject: (site) => `Confirmez votre inscription à la lettre de ${site}`,
    confirmHeading: 'Confirmez votre inscription',
    confirmBody: (site) =>
      `Quelqu’un, sans doute vous, a demandé à recevoir la lettre de ${site} à cette adresse. Cliquez sur le bouton ci-dessous pour confirmer.`,
    confirmAction: 'Confirmer mon inscription',
    confirmFooter: (hours) =>
      `Ce lien reste valable ${hours} heures. Si vous n’avez rien demandé, ignorez ce message : vous ne recevrez rien.`,
    dailySubject: (site, n) => `${site} : l’essentiel du jour (${n})`,
    weeklySubject: (site, n) => `${site} : l’essentiel de la semaine (${n})`,
    dailyHeading: 'L’essentiel du jour',
    weeklyHeading: 'L’essentiel de la semaine',
    alertSubject: (site, title) => `Alerte – ${site} : ${title}`,
    alertHeading: 'Alerte',
    readArticle: 'Lire l’article',
    unsubscribeFooter:
      'Vous recevez ce message parce que vous êtes inscrit·e à notre lettre. Pour vous désinscrire :',
  },
  en: {
    confirmSubject: (site) => `Confirm your ${site} newsletter subscription`,
    confirmHeading: 'Confirm your subscription',
    confirmBody: (site) =>
      `Someone, probably you, asked for the ${site} newsletter at this address. Press the button below to confirm.`,
    confirmAction: 'Confirm my subscription',
    confirmFooter: (hours) =>
      `This link works for ${hours} hours. If you did not ask for this, ignore this message and you will get nothing more.`,
    dailySubject: (site, n) => `${site}: today's digest (${n})`,
    weeklySubject: (site, n) => `${site}: this week's digest (${n})`,
    dailyHeading: "Today's digest",
    weeklyHeading: "This week's digest",
    alertSubject: (site, title) => `Breaking – ${site}: ${title}`,
    alertHeading: 'Breaking news',
    readArticle: 'Read the article',
    unsubscribeFooter: 'You are receiving this because you subscribed to our newsletter. To unsubscribe:',
  },
};
