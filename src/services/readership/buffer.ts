// Views waiting to be written: summed in memory per (article, hour, language), (article, day,
// domain) and (article, day, device), and handed over as one batch every few seconds. Bounded:
// past MAX_KEYS distinct counters (only forged ids spread that wide) new counters are dropped
// until the next flush, while counters already held keep adding.
import type { Edition } from '../../core/types.ts';
import type { DeviceClass, ReadershipBatch } from '../../db/repositories/readership-contract.ts';

const MAX_KEYS = 20_000;

export interface BufferedView {
  articleId: number;
  lang: Edition;
  domain: string;
  device: DeviceClass;
  /** Time of the view. */
  at: Date;
}

/** Counts held for the next flush; article languages are settled then, from the database. */
export interface PendingCounts {
  /** key: `${articleId}|${hour}|${pageLang}` (the page language matters only for id 0). */
  hours: Map<string, number>;
  /** key: `${articleId}|${day}|${domain}` */
  referrers: Map<string, number>;
  /** key: `${articleId}|${day}|${device}` */
  devices: Map<string, number>;
}

export class ReadershipBuffer {
  private pending: PendingCounts = empty();
  private keys = 0;

  get size(): number {
    return this.keys;
  }

  add(view: BufferedView, times = 1): void {
    const iso = view.at.toISOString();
    const hour = iso.slice(0, 13);
    const day = iso.slice(0, 10);
    // An article's hour row is keyed without the page language: the article's own is used.
    const hourKey = view.articleId === 0 ? `0|${hour}|${view.lang}` : `${view.articleId}|${hour}|`;
    this.bump(this.pending.hours, hourKey, times);
    this.bump(this.pending.referrers, `${view.articleId}|${day}|${view.domain}`, times);
    this.bump(this.pending.devices, `${view.articleId}|${day}|${view.device}`, times);
  }

  /** Hands over everything held and starts afresh. */
  take(): PendingCounts {
    const out = this.pending;
    this.pending = empty();
    this.keys = 0;
    return out;
  }

  /** Puts back counts a failed flush could not write (within the same bound). */
  restore(counts: PendingCounts): void {
    for (const [name, map] of Object.entries(counts) as [keyof PendingCounts, Map<string, number>][]) {
      for (const [key, n] of map) this.bump(this.pending[name], key, n);
    }
  }

  private bump(map: Map<string, number>, key: string, n: number): void {
    const had = map.get(key);
    if (had !== undefined) {
      map.set(key, had + n);
    } else if (this.keys < MAX_KEYS) {
      map.set(key, n);
      this.keys++;
    }
  }
}

function empty(): PendingCounts {
  return { hours: new Map(), referrers: new Map(), devices: new Map() };
}

/** The article ids the counts name (0 excluded), to check against the articles readers see. */
export function articleIdsOf(counts: PendingCounts): number[] {
  const ids = new Set<number>();
  for (const key of counts.devices.keys()) {
    const id = Number(key.slice(0, key.indexOf('|')));
    if (id > 0) ids.add(id);
  }
  return [...ids];
}

/**
 * The batch to store: counts of live articles (with their own language) and of other pages;
 * counts naming an id that is not a live article are left out, so they are never stored.
 */
export function batchOf(counts: PendingCounts, live: ReadonlyMap<number, string>): ReadershipBatch {
  const batch: ReadershipBatch = { hours: [], referrers: [], devices: [] };
  const known = (id: number) => id === 0 || live.has(id);
  for (const [key, views] of counts.hours) {
    const [id, hour, pageLang] = split(key);
    if (!known(id)) continue;
    batch.hours.push({ articleId: id, hour, lang: id === 0 ? pageLang : live.get(id)!, views });
  }
  for (const [key, views] of counts.referrers) {
    const [id, day, domain] = split(key);
    if (known(id)) batch.referrers.push({ articleId: id, day, domain, views });
  }
  for (const [key, views] of counts.devices) {
    const [id, day, device] = split(key);
    if (known(id)) batch.devices.push({ articleId: id, day, device: device as DeviceClass, views });
  }
  return batch;
}

function split(key: string): [number, string, string] {
  const first = key.indexOf('|');
  const second = key.indexOf('|', first + 1);
  return [Number(key.slice(0, first)), key.slice(first + 1, second), key.slice(second + 1)];
}
