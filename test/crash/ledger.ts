// What the crash test's clients wrote, as they know it: a write is acknowledged once its whole
// answer (2xx or 3xx) was received, and unknown while it was in flight when the server was killed
// (it may or may not have been kept). Each write carries a marker found nowhere else, so the
// check after a restart can look for it in the database.

export interface CommentWrite {
  marker: string;
  articleId: number;
  acknowledged: boolean;
}

/** One article an editor created (its draft was acknowledged, so its id is known). */
export interface ArticleHistory {
  id: number;
  /** The marker of the last acknowledged save (or save-and-publish), if any. */
  lastAcknowledged: string | null;
  /** A save sent after it whose answer never came: the article may hold this one instead. */
  inFlight: string | null;
  /** An acknowledged publish: the article must be published. */
  published: boolean;
  /** Markers of acknowledged saves made while it was published: each one is a revision. */
  revisions: string[];
}

export interface LedgerCounts {
  comments: number;
  saves: number;
  publishes: number;
  drafts: number;
  /** Writes in flight when a server was killed. */
  unknown: number;
}

export class Ledger {
  readonly comments: CommentWrite[] = [];
  readonly articles = new Map<number, ArticleHistory>();
  private nextMarker = 1;
  private readonly counts: LedgerCounts = { comments: 0, saves: 0, publishes: 0, drafts: 0, unknown: 0 };

  constructor(private readonly prefix: string) {}

  /** A marker no other write uses (letters and digits only, so no filter changes it). */
  marker(kind: 'c' | 's' | 'p'): string {
    return `${this.prefix}${kind}${this.nextMarker++}x`;
  }

  commentSent(marker: string, articleId: number): CommentWrite {
    const write = { marker, articleId, acknowledged: false };
    this.comments.push(write);
    return write;
  }

  commentAcknowledged(write: CommentWrite): void {
    write.acknowledged = true;
    this.counts.comments++;
  }

  draftAcknowledged(id: number): ArticleHistory {
    const history: ArticleHistory = {
      id,
      lastAcknowledged: null,
      inFlight: null,
      published: false,
      revisions: [],
    };
    this.articles.set(id, history);
    this.counts.drafts++;
    return history;
  }

  saveSent(history: ArticleHistory, marker: string): void {
    history.inFlight = marker;
  }

  saveAcknowledged(history: ArticleHistory, marker: string, publish: boolean): void {
    // A save of an article already published is recorded as a revision of its own.
    if (history.published) history.revisions.push(marker);
    history.lastAcknowledged = marker;
    history.inFlight = null;
    if (publish) {
      history.published = true;
      this.counts.publishes++;
    } else {
      this.counts.saves++;
    }
  }

  /** Called once per kill with the number of requests that were cut off. */
  cutOff(requests: number): void {
    this.counts.unknown += requests;
  }

  totals(): LedgerCounts {
    return { ...this.counts };
  }

  acknowledged(): number {
    const c = this.counts;
    return c.comments + c.saves + c.publishes + c.drafts;
  }
}
