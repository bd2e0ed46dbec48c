// Corrections and updates readers are told about on an article: a correction says the article
// was wrong and how; an update says something new was added. Each is dated and signed by a
// person of the newsroom; both show on the article, in its feeds' entries and in JSON-LD.
import type { IsoDate, Lang } from './types.ts';

export const CORRECTION_KINDS = ['correction', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Short on purpose: a note, not a second article. */
export const CORRECTION_MAX_LENGTH = 1000;

export interface Correction {
  id: number;
  articleId: number;
  kind: CorrectionKind;
  /** Plain text, shown as written (escaped, never HTML). */
  body: string;
  /** Who wrote it; null once that person is gone. */
  personId: number | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** The reader's words for each kind, and the public list's, in every language. */
export const CORRECTION_TEXT: Record<
  Lang,
  Record<CorrectionKind, string> & {
    heading: Record<CorrectionKind, string>;
    pageTitle: string;
    pageIntro: string;
    empty: string;
    footerLink: string;
    onArticle: string;
  }
> = {
  ar: {
    correction: 'تصحيح',
    update: 'تحديث',
    heading: { correction: 'تصحيحات', update: 'تحديثات' },
    pageTitle: 'التصحيحات',
    pageIntro: 'نصحّح أخطاءنا علنًا. هذه أحدث التصحيحات التي أضفناها إلى مقالاتنا.',
    empty: 'لا توجد تصحيحات منشورة.',
    footerLink: 'التصحيحات',
    onArticle: 'في مقال',
  },
  fr: {
    correction: 'Correctif',
    update: 'Mise à jour',
    heading: { correction: 'Correctifs', update: 'Mises à jour' },
    pageTitle: 'Correctifs',
    pageIntro:
      'Nous corrigeons nos erreurs en public. Voici les derniers correctifs apportés à nos articles.',
    empty: 'Aucun correctif publié.',
    footerLink: 'Correctifs',
    onArticle: 'Article',
  },
  en: {
    correction: 'Correction',
    update: 'Update',
    heading: { correction: 'Corrections', update: 'Updates' },
    pageTitle: 'Corrections',
    pageIntro: 'We correct our mistakes in public. These are the latest corrections made to our articles.',
    empty: 'No corrections have been published.',
    footerLink: 'Corrections',
    onArticle: 'Article',
  },
};

/** Newest first, as readers see them. */
export function newestFirst<T extends { createdAt: IsoDate; id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) =>
    a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1,
  );
}
