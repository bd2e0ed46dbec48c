// Text of the newsroom's subscriber list, in the three newsroom languages.
import type { Lang } from '../../../core/types.ts';

const ar = {
  nav: 'المشتركون',
  title: 'مشتركو النشرة البريدية',
  intro:
    'القراء الذين طلبوا النشرة البريدية. لا يُحفظ عنهم إلا العنوان واللغة والاختيارات والتواريخ؛ ومن ألغى اشتراكه حُذف ولا يبقى منه إلا العدد.',
  search: 'ابحث في العناوين',
  searchButton: 'بحث',
  all: 'الكل',
  status_pending: 'بانتظار التأكيد',
  status_confirmed: 'مؤكَّد',
  status_bounced: 'عنوان مرتد',
  status_complained: 'شكوى',
  unsubscribed: 'ألغوا اشتراكهم',
  email: 'البريد الإلكتروني',
  language: 'اللغة',
  choices: 'الاختيارات',
  status: 'الحالة',
  since: 'منذ',
  daily: 'موجز يومي',
  weekly: 'موجز أسبوعي',
  alerts: 'عاجل',
  allSections: 'كل الأقسام',
  sectionsCount: '{n} أقسام',
  remove: 'احذف',
  removed: 'حُذف المشترك.',
  exportCsv: 'تنزيل CSV',
  empty: 'لا مشتركين هنا.',
  next: 'الصفحة التالية',
  previous: 'الصفحة السابقة',
  sendAsAlert: 'أرسله خبرًا عاجلًا إلى المشتركين',
  alertQueued: 'ويُرسل الخبر العاجل إلى المشتركين الآن.',
};

type SubscriberMessages = typeof ar;

const fr: SubscriberMessages = {
  nav: 'Abonnés',
  title: 'Abonnés à la lettre d’information',
  intro:
    'Les lecteurs qui ont demandé la lettre. On ne garde que l’adresse, la langue, les choix et les dates ; qui se désinscrit est effacé, seul leur nombre reste.',
  search: 'Chercher une adresse',
  searchButton: 'Chercher',
  all: 'Tous',
  status_pending: 'En attente de confirmation',
  status_confirmed: 'Confirmé',
  status_bounced: 'Adresse en échec',
  status_complained: 'Plainte',
  unsubscribed: 'Désinscrits',
  email: 'E-mail',
  language: 'Langue',
  choices: 'Choix',
  status: 'Statut',
  since: 'Depuis',
  daily: 'Résumé quotidien',
  weekly: 'Résumé hebdomadaire',
  alerts: 'Alertes',
  allSections: 'Toutes les rubriques',
  sectionsCount: '{n} rubriques',
  remove: 'Supprimer',
  removed: 'L’abonné a été supprimé.',
  exportCsv: 'Télécharger en CSV',
  empty: 'Aucun abonné ici.',
  next: 'Page suivante',
  previous: 'Page précédente',
  sendAsAlert: 'Envoyer en alerte aux abonnés',
  alertQueued: 'L’alerte part maintenant vers les abonnés.',
};

const en: SubscriberMessages = {
  nav: 'Subscribers',
  title: 'Newsletter subscribers',
  intro:
    'Readers who asked for the newsletter. Only the address, language, choices and dates are kept; people who unsubscribe are deleted and only their number remains.',
  search: 'Search addresses',
  searchButton: 'Search',
  all: 'All',
  status_pending: 'Awaiting confirmation',
  status_confirmed: 'Confirmed',
  status_bounced: 'Bounced',
  status_complained: 'Complained',
  unsubscribed: 'Unsubscribed',
  email: 'E-mail',
  language: 'Language',
  choices: 'Choices',
  status: 'Status',
  since: 'Since',
  daily: 'Daily digest',
  weekly: 'Weekly digest',
  alerts: 'Alerts',
  allSections: 'All sections',
  sectionsCount: '{n} sections',
  remove: 'Remove',
  removed: 'The subscriber was removed.',
  exportCsv: 'Download CSV',
  empty: 'No subscribers here.',
  next: 'Next page',
  previous: 'Previous page',
  sendAsAlert: 'Send as an alert to subscribers',
  alertQueued: 'The alert is on its way to subscribers.',
};

const MESSAGES: Record<Lang, SubscriberMessages> = { ar, fr, en };

export function subscriberMessages(lang: Lang): SubscriberMessages {
  return MESSAGES[lang];
}
export type { SubscriberMessages };
