// The page store: whole responses in memory, least recently used first out once the byte budget
// is spent, found by key and by the dependency tags each page declared. Invalidating a tag does
// not drop its pages: it marks them stale, so that while the database is down they can still
// stand in for a fresh render (stale-if-error); a stale page is never served otherwise, and the
// next render replaces it.

export interface CachedPage {
  key: string;
  /** Headers replayed on every hit (content type, last-modified, cache-control, surrogate keys). */
  headers: Record<string, string>;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  /** Opaque part of the strong ETag; each encoding adds its own suffix. */
  hash: string;
  tags: readonly string[];
  storedAt: number;
  freshUntil: number;
  /** When an event (or the end of its lifetime) made the page stale; null while fresh. */
  staleSince: number | null;
}

export interface Lookup {
  page: CachedPage;
  fresh: boolean;
}

/**
 * What a store is told: the pages with some tags, or every page (a settings change), are out of
 * date. With `drop`, their old copies are deleted rather than kept for stale-if-error: what was
 * taken off the site must not come back while the database is down.
 */
export type Invalidation = { tags: readonly string[]; drop?: boolean } | { all: true };

/** Invalidations remembered for renders still in flight (see `set`). */
const LOG_SIZE = 512;
/** A rough allowance for the Map slots, header strings and key of each page. */
const OVERHEAD_BYTES = 512;

export class PageStore {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly log: { generation: number; tags: ReadonlySet<string> | 'all' }[] = [];
  private bytes = 0;
  private gen = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.pages.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  /** Increases with every invalidation; a render notes it when it starts. */
  get generation(): number {
    return this.gen;
  }

  get(key: string, now = Date.now()): Lookup | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.staleSince === null && now >= page.freshUntil) this.markStale(page, page.freshUntil);
    if (page.staleSince !== null) return { page, fresh: false };
    // Map keeps insertion order: re-inserting moves the page to the most recently used end.
    this.pages.delete(key);
    this.pages.set(key, page);
    return { page, fresh: true };
  }

  /**
   * Stores a page rendered from data read after `startedAt` (a generation). If any of its tags
   * was invalidated since, the render may show the old state: it is not stored, and false is
   * returned.
   */
  set(page: CachedPage, startedAt: number): boolean {
    if (this.changedSince(page.tags, startedAt)) return false;
    const bytes = sizeOf(page);
    if (bytes > this.maxBytes / 4) return false;
    this.remove(page.key);
    this.pages.set(page.key, page);
    this.bytes += bytes;
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.byTag.set(tag, keys);
      }
      keys.add(page.key);
    }
    for (const oldest of this.pages.values()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest.key);
    }
    return true;
  }

  /** Marks stale every page that declared one of the tags (or every page); returns how many. */
  invalidate(what: Invalidation, now = Date.now()): number {
    this.gen++;
    this.log.push({ generation: this.gen, tags: 'all' in what ? 'all' : new Set(what.tags) });
    if (this.log.length > LOG_SIZE) this.log.shift();
    let count = 0;
    if ('all' in what) {
      for (const page of this.pages.values()) {
        if (page.staleSince === null) count++;
        this.markStale(page, now);
      }
      return count;
    }
    for (const tag of what.tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        const page = this.pages.get(key);
        if (!page) continue;
        if (what.drop) this.remove(key);
        else if (page.staleSince !== null) continue;
        else this.markStale(page, now);
        count++;
      }
    }
    return count;
  }

  remove(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(page);
    this.unindex(page);
  }

  clear(): void {
    this.pages.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  private changedSince(tags: readonly string[], startedAt: number): boolean {
    if (startedAt === this.gen) return false;
    const oldest = this.log[0];
    // The log no longer reaches back to the render's start: assume the worst.
    if (!oldest || oldest.generation > startedAt + 1) return true;
    for (const entry of this.log) {
      if (entry.generation <= startedAt) continue;
      if (entry.tags === 'all' || tags.some((t) => (entry.tags as ReadonlySet<string>).has(t))) return true;
    }
    return false;
  }

  /** A stale page keeps its place, bytes and tags: a later `drop` must still reach it. */
  private markStale(page: CachedPage, when: number): void {
    if (page.staleSince === null) page.staleSince = when;
  }

  private unindex(page: CachedPage): void {
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(page.key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }
}

function sizeOf(page: CachedPage): number {
  let bytes = OVERHEAD_BYTES + page.identity.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0);
  bytes += page.key.length * 2;
  for (const tag of page.tags) bytes += tag.length * 2 + 16;
  for (const [name, value] of Object.entries(page.headers)) bytes += (name.length + value.length) * 2;
  return bytes;
}
