// Newsletter subscribers as the rest of Midad sees them, and the choices a reader makes.
import type { IsoDate, Lang } from './types.ts';

export const DIGEST_KINDS = ['daily', 'weekly'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];
export const DIGEST_CHOICES = ['daily', 'weekly', 'none'] as const;
export type DigestChoice = (typeof DIGEST_CHOICES)[number];
export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'bounced', 'complained'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export interface Subscriber {
  id: number;
  email: string;
  lang: Lang;
  /** Section ids; empty for every section. */
  sections: number[];
  digest: DigestChoice;
  alerts: boolean;
  status: SubscriberStatus;
  confirmHash: string | null;
  confirmExpiresAt: IsoDate | null;
  confirmSentAt: IsoDate | null;
  unsubscribeToken: string;
  createdAt: IsoDate;
  confirmedAt: IsoDate | null;
  updatedAt: IsoDate;
}

/** How long a confirmation link works. */
export const CONFIRM_LINK_HOURS = 48;
/** At most one confirmation mail per address in this long. */
export const CONFIRM_RESEND_MINUTES = 60;
