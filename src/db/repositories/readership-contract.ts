// Storage for readership counts (issue 21): aggregates added in batches, and the most-read
// list. Nothing stored names a reader (see the comment of migration 012_readership).

/** Views of one article (0 = a reader page that is not an article) in one UTC hour and language. */
export interface HourCount {
  articleId: number;
  /** 'YYYY-MM-DDTHH', UTC. */
  hour: string;
  lang: string;
  views: number;
}

/** Views of one article in one UTC day from one referring domain ('' = none or the site itself). */
export interface ReferrerCount {
  articleId: number;
  /** 'YYYY-MM-DD', UTC. */
  day: string;
  domain: string;
  views: number;
}

export type DeviceClass = 'phone' | 'tablet' | 'desktop';

/** Views of one article in one UTC day from one device class. */
export interface DeviceCount {
  articleId: number;
  day: string;
  device: DeviceClass;
  views: number;
}

/** One batch of counts, as the in-memory buffer hands it over. */
export interface ReadershipBatch {
  hours: HourCount[];
  referrers: ReferrerCount[];
  devices: DeviceCount[];
}

export interface MostReadQuery {
  lang: string;
  /** First hour counted, 'YYYY-MM-DDTHH' (inclusive). */
  sinceHour: string;
  /** ISO time: only articles live at this moment (published, not dated in the future). */
  now: string;
  limit: number;
}

export interface ReadershipRepository {
  /** Adds every count of the batch to the stored ones (upserts adding to `views`). */
  add(batch: ReadershipBatch): Promise<void>;
  /** Of these ids, the articles readers can see now, with their language (to count only those). */
  liveArticleLangs(ids: readonly number[], now: string): Promise<Map<number, string>>;
  /** Live articles of a language by views since an hour, most first (ties: newer id first). */
  mostRead(q: MostReadQuery): Promise<{ articleId: number; views: number }[]>;
}
