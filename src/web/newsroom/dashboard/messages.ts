// Text of the newsroom dashboard, in the newsroom languages.
import type { Lang } from '../../../core/types.ts';

const ar = {
  myDrafts: 'مسوداتي',
  waitingReview: 'بانتظار المراجعة',
  myWaiting: 'ما أرسلتُه للمراجعة',
  scheduled: 'المجدول للنشر',
  published: 'نُشر مؤخرًا',
  myPublished: 'ما نُشر لي مؤخرًا',
  comments: 'تعليقات تنتظر المراجعة',
  mostRead: 'الأكثر قراءة في الأسبوع',
  noDrafts: 'لا مسودات لك. ابدأ مقالًا جديدًا.',
  noWaiting: 'لا شيء ينتظر المراجعة.',
  noScheduled: 'لا مقالات مجدولة.',
  noPublished: 'لم يُنشر شيء بعد.',
  noComments: 'لا تعليقات تنتظر.',
  noReads: 'لا قراءات مسجلة هذا الأسبوع.',
  seeAll: 'عرض الكل ({n})',
  moderate: 'راجع التعليقات',
  onArticle: 'على «{title}»',
  views: '{n} قراءة',
  figures: 'الأرقام',
  updated: 'عُدّل {when}',
  publishesAt: 'يُنشر {when}',
  publishedAt: 'نُشر {when}',
  by: 'بقلم {names}',
};

export type DashboardMessages = typeof ar;

const fr: DashboardMessages = {
  myDrafts: 'Mes brouillons',
  waitingReview: 'En attente de relecture',
  myWaiting: 'Envoyés en relecture',
  scheduled: 'Programmés',
  published: 'Publiés récemment',
  myPublished: 'Mes derniers publiés',
  comments: 'Commentaires en attente',
  mostRead: 'Les plus lus de la semaine',
  noDrafts: 'Aucun brouillon. Commencez un nouvel article.',
  noWaiting: 'Rien n’attend de relecture.',
  noScheduled: 'Aucun article programmé.',
  noPublished: 'Rien de publié pour l’instant.',
  noComments: 'Aucun commentaire en attente.',
  noReads: 'Aucune lecture comptée cette semaine.',
  seeAll: 'Tout voir ({n})',
  moderate: 'Modérer les commentaires',
  onArticle: 'sur « {title} »',
  views: '{n} lectures',
  figures: 'Chiffres',
  updated: 'modifié {when}',
  publishesAt: 'publication {when}',
  publishedAt: 'publié {when}',
  by: 'par {names}',
};

const en: DashboardMessages = {
  myDrafts: 'My drafts',
  waitingReview: 'Waiting for review',
  myWaiting: 'Sent for review',
  scheduled: 'Scheduled',
  published: 'Recently published',
  myPublished: 'My recently published',
  comments: 'Comments waiting',
  mostRead: 'Most read this week',
  noDrafts: 'No drafts. Start a new article.',
  noWaiting: 'Nothing is waiting for review.',
  noScheduled: 'Nothing is scheduled.',
  noPublished: 'Nothing published yet.',
  noComments: 'No comments waiting.',
  noReads: 'No reads counted this week.',
  seeAll: 'See all ({n})',
  moderate: 'Moderate comments',
  onArticle: 'on “{title}”',
  views: '{n} reads',
  figures: 'Figures',
  updated: 'updated {when}',
  publishesAt: 'publishes {when}',
  publishedAt: 'published {when}',
  by: 'by {names}',
};

const ALL: Record<Lang, DashboardMessages> = { ar, fr, en };

export function dashboardMessages(lang: Lang): DashboardMessages {
  return ALL[lang] ?? ar;
}
