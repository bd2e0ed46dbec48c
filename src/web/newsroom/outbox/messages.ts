// Text of the outbox page, in the three newsroom languages.
import type { Lang } from '../../../core/types.ts';

const ar = {
  nav: 'صندوق الصادر',
  title: 'صندوق الصادر',
  intro:
    'الرسائل التي يرسلها الموقع إلى الخارج: رسائل البريد (الدعوات) ومنشورات قنوات تيليغرام. تُكتب مع التغيير الذي يستدعيها، وتُعاد محاولة إرسالها بفواصل متزايدة عند الفشل، ولا يُرسل شيء منها مرتين.',
  all: 'الكل',
  status_queued: 'في الانتظار',
  status_sending: 'قيد الإرسال',
  status_sent: 'أُرسلت',
  status_failed: 'فشلت',
  channel_mail: 'بريد',
  channel_telegram: 'تيليغرام',
  created: 'أُنشئت',
  message: 'الرسالة',
  status: 'الحالة',
  attempts: 'المحاولات',
  lastError: 'آخر خطأ',
  nextAttempt: 'المحاولة التالية: {when}',
  sentAt: 'أُرسلت في {when}',
  retry: 'أعد المحاولة الآن',
  retried: 'ستُرسل الرسالة في الحال.',
  notRetried: 'لم يعد بالإمكان إعادة هذه الرسالة: إنها تُرسل الآن أو أُرسلت.',
  empty: 'لا رسائل هنا.',
  next: 'الصفحة التالية',
  previous: 'الصفحة السابقة',
  noMail: 'لم يُضبط خادم بريد (MIDAD_SMTP_URL): تبقى روابط الدعوات معروضة لك لتنقلها بنفسك.',
};

export type OutboxMessages = typeof ar;

const fr: OutboxMessages = {
  nav: 'Boîte d’envoi',
  title: 'Boîte d’envoi',
  intro:
    'Ce que le site envoie au-dehors : courriels (invitations) et publications des chaînes Telegram. Chaque message est écrit avec le changement qui l’appelle, réessayé à intervalles croissants en cas d’échec, et jamais envoyé deux fois.',
  all: 'Tous',
  status_queued: 'En attente',
  status_sending: 'En cours d’envoi',
  status_sent: 'Envoyé',
  status_failed: 'Échec',
  channel_mail: 'Courriel',
  channel_telegram: 'Telegram',
  created: 'Créé',
  message: 'Message',
  status: 'État',
  attempts: 'Tentatives',
  lastError: 'Dernière erreur',
  nextAttempt: 'Prochaine tentative : {when}',
  sentAt: 'Envoyé le {when}',
  retry: 'Réessayer maintenant',
  retried: 'Le message part tout de suite.',
  notRetried: 'Ce message ne peut plus être relancé : il est en cours d’envoi ou déjà envoyé.',
  empty: 'Aucun message ici.',
  next: 'Page suivante',
  previous: 'Page précédente',
  noMail:
    'Aucun serveur de courriel n’est configuré (MIDAD_SMTP_URL) : les liens d’invitation vous restent affichés pour que vous les transmettiez.',
};

const en: OutboxMessages = {
  nav: 'Outbox',
  title: 'Outbox',
  intro:
    'What the site sends out: e-mails (invitations) and Telegram channel posts. Each is written together with the change that calls for it, retried with growing waits when it fails, and never sent twice.',
  all: 'All',
  status_queued: 'Waiting',
  status_sending: 'Sending',
  status_sent: 'Sent',
  status_failed: 'Failed',
  channel_mail: 'E-mail',
  channel_telegram: 'Telegram',
  created: 'Created',
  message: 'Message',
  status: 'Status',
  attempts: 'Attempts',
  lastError: 'Last error',
  nextAttempt: 'Next attempt: {when}',
  sentAt: 'Sent {when}',
  retry: 'Retry now',
  retried: 'The message goes out right away.',
  notRetried: 'This message can no longer be retried: it is being sent or was sent.',
  empty: 'No messages here.',
  next: 'Next page',
  previous: 'Previous page',
  noMail: 'No mail server is set (MIDAD_SMTP_URL): invitation links are still shown to you to pass on.',
};

export function outboxMessages(lang: Lang): OutboxMessages {
  return lang === 'fr' ? fr : lang === 'en' ? en : ar;
}
