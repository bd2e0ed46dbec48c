// Storage for newsletter subscribers, digest editions and the count of people who left.
import type { DigestChoice, DigestKind, Subscriber, SubscriberStatus } from '../../core/newsletters.ts';
import type { IsoDate, Lang } from '../../core/types.ts';

export interface SubscriberChoices {
  lang: Lang;
  sections: number[];
  digest: DigestChoice;
  alerts: boolean;
}

/** A digest edition, or a breaking alert ('alert', its edition being the article's id). */
export type EditionKind = DigestKind | 'alert';

export interface NewsletterEdition {
  kind: EditionKind;
  lang: Lang;
  edition: string;
  since: IsoDate;
  until: IsoDate;
  doneAt: IsoDate | null;
}

/** A published article as a digest or an alert lists it. */
export interface NewsletterArticle {
  id: number;
  lang: Lang;
  slug: string;
  title: string;
  dek: string;
  sectionId: number | null;
  publishedAt: IsoDate;
}

export interface NewsletterRepository {
  byEmail(email: string): Promise<Subscriber | null>;
  byId(id: number): Promise<Subscriber | null>;
  byUnsubscribeToken(token: string): Promise<Subscriber | null>;
  byConfirmHash(hash: string): Promise<Subscriber | null>;
  /** A new pending subscriber; null if the address is taken (another request won). */
  insertPending(
    input: SubscriberChoices & {
      email: string;
      confirmHash: string;
      confirmExpiresAt: IsoDate;
      unsubscribeToken: string;
    },
    now: IsoDate,
  ): Promise<Subscriber | null>;
  /** Replaces the choices and the confirmation link of a subscriber who is not confirmed. */
  renewPending(
    id: number,
    input: SubscriberChoices & { confirmHash: string; confirmExpiresAt: IsoDate },
    now: IsoDate,
  ): Promise<void>;
  /** Marks a pending subscriber confirmed and forgets the link; false if it was not pending. */
  confirm(id: number, now: IsoDate): Promise<boolean>;
  setStatus(email: string, status: SubscriberStatus, now: IsoDate): Promise<boolean>;
  /** Deletes the row for good and counts one more departure; false if it was already gone. */
  remove(id: number): Promise<boolean>;
  /** Newest first; `search` matches part of the address. */
  list(options: {
    search?: string;
    status?: SubscriberStatus;
    limit: number;
    offset?: number;
  }): Promise<Subscriber[]>;
  counts(): Promise<Record<SubscriberStatus, number> & { unsubscribed: number }>;
  /** Confirmed subscribers of one language after `afterId`, by id (for batches). */
  confirmedBatch(
    filter: { lang: Lang; digest?: DigestKind; alerts?: boolean },
    afterId: number,
    limit: number,
  ): Promise<Subscriber[]>;
  /** The edition's row, inserted with this period if there was none (the first caller fixes it). */
  claimEdition(
    kind: EditionKind,
    lang: Lang,
    edition: string,
    since: IsoDate,
    until: IsoDate,
  ): Promise<NewsletterEdition>;
  /** The latest edition of a kind and language before `edition`. */
  previousEdition(kind: DigestKind, lang: Lang, edition: string): Promise<NewsletterEdition | null>;
  markEditionDone(kind: EditionKind, lang: Lang, edition: string, now: IsoDate): Promise<void>;
  /** Alerts whose mails were not all queued (the process stopped), recorded before `before`. */
  unfinishedAlerts(before: IsoDate): Promise<NewsletterEdition[]>;
  /** Articles of a language published in (since, until], oldest first. */
  publishedBetween(lang: Lang, since: IsoDate, until: IsoDate, limit: number): Promise<NewsletterArticle[]>;
  publishedArticle(id: number): Promise<NewsletterArticle | null>;
}
