// Counting a view from a page's beacon, at almost no cost to anyone: each beacon is checked
// (counting on, address within its budget, well formed, a browser rather than a bot, not seen
// on this page within the window) and added to counters in memory; a timer writes them every
// few seconds as upserts and, at most once a minute, tells the pages showing the most-read
// list when it moved. Nothing of the reader is kept: see dedupe.ts for the one hash, held in
// memory for the window.
import { isbot } from 'isbot';
import { type Edition, LANGUAGES, type Lang } from '../../core/types.ts';
import type { DeviceClass } from '../../db/repositories/readership-contract.ts';
import type { Services } from '../context.ts';
import { memoryRateLimiter, type RateLimiter } from '../rate-limit.ts';
import type { RedisClient } from '../redis/client.ts';
import { redisRateLimiter } from '../redis/limits.ts';
import { loadSiteSettings, servedLanguages } from '../settings.ts';
import { parseBeacon } from './beacon.ts';
import { articleIdsOf, batchOf, ReadershipBuffer } from './buffer.ts';
import { memorySeenWindow, redisSeenWindow, type SeenWindow } from './dedupe.ts';
import { deviceClass } from './device.ts';
import { forgetMostRead, mostReadIds } from './most-read.ts';

export interface ReadershipOptions {
  /** How often counts are written (ms). */
  flushMs?: number;
  /** Repeated views of a page by one reader within this long count once (ms). */
  windowMs?: number;
  /** Beacons taken from one address per minute; the rest are dropped. */
  perAddressPerMinute?: number;
  /** The most-read lists are compared (and pages showing them refreshed) at most this often (ms). */
  listCheckMs?: number;
  /** Shares the window's salt and hashes, and the address budgets, between processes. */
  redis?: RedisClient;
  onError?: (err: unknown) => void;
}

export interface Hit {
  /** The request body as received (text or parsed JSON). */
  body: unknown;
  /** The client's address, used only inside the budget and the window's hash, never stored. */
  address: string;
  userAgent: string | undefined;
  /** The Sec-Fetch-Site header: a browser sends "same-origin" for the site's own beacon. */
  fetchSite: string | undefined;
  now?: number;
}

/** Why a beacon was not counted (for tests and debugging; the answer is 204 either way). */
export type Outcome = 'counted' | 'off' | 'flood' | 'malformed' | 'bot' | 'foreign' | 'repeat';

export interface ReadershipCounter {
  /** The `readership.enabled` setting, read at most every few seconds. */
  enabled(): Promise<boolean>;
  record(hit: Hit): Promise<Outcome>;
  /** Writes what is held; with `lists`, compares the most-read lists now rather than when due. */
  flush(options?: { lists?: boolean }): Promise<void>;
  /** Stops the timer and writes what is held. */
  close(): Promise<void>;
}

const SETTING_MS = 5_000;
const MAX_UA = 512;
/** User agents whose verdict (bot, device class) is remembered: readers share a few hundred. */
const UA_VERDICTS = 2_000;

type Verdict = DeviceClass | 'bot';

export function createReadershipCounter(
  services: Pick<Services, 'repos' | 'events' | 'transaction' | 'config'>,
  options: ReadershipOptions = {},
): ReadershipCounter {
  const flushMs = options.flushMs ?? 5_000;
  const windowMs = options.windowMs ?? 30 * 60_000;
  const perMinute = options.perAddressPerMinute ?? 120;
  const listCheckMs = options.listCheckMs ?? 60_000;
  const onError = options.onError ?? ((err: unknown) => console.error('midad: readership:', err));
  const ownHost = new URL(services.config.publicUrl).hostname;

  const limiter: RateLimiter = options.redis
    ? redisRateLimiter(options.redis, 'hit', perMinute, 60_000)
    : memoryRateLimiter(perMinute, 60_000);
  const seen: SeenWindow = options.redis
    ? redisSeenWindow(options.redis, windowMs, () => {})
    : memorySeenWindow(windowMs);
  const buffer = new ReadershipBuffer();
  // isbot's pattern is long; most beacons come from a few hundred browser builds.
  const verdicts = new Map<string, Verdict>();
  const verdictOf = (ua: string): Verdict => {
    let verdict = verdicts.get(ua);
    if (verdict === undefined) {
      verdict = ua.trim() === '' || isbot(ua) ? 'bot' : deviceClass(ua);
      if (verdicts.size >= UA_VERDICTS) verdicts.clear();
      verdicts.set(ua, verdict);
    }
    return verdict;
  };

  // Whether counting is on, and the editions a beacon may name (a page of another is no page here).
  let setting: { on: boolean; editions: readonly Edition[]; at: number } | null = null;
  const unsubscribe = services.events.on((event) => {
    if (event.type === 'settings') setting = null;
  });
  const enabled = async (): Promise<boolean> => {
    const now = Date.now();
    if (!setting || now - setting.at > SETTING_MS) {
      try {
        const settings = await loadSiteSettings(services.repos);
        setting = { on: settings.readership, editions: servedLanguages(settings), at: now };
      } catch {
        // The database is away: keep the last known setting (counting waits in memory); before
        // any is known, count nothing rather than fail every beacon.
        return setting?.on ?? false;
      }
    }
    return setting.on;
  };

  let lists: Map<Lang, string> | null = null;
  let listsDue = false;
  let lastListCheck = 0;
  const checkLists = async (now: number) => {
    listsDue = false;
    lastListCheck = now;
    const before = lists ?? new Map<Lang, string>();
    const after = new Map<Lang, string>();
    for (const lang of LANGUAGES) after.set(lang, (await mostReadIds(services, lang, now)).join(','));
    lists = after;
    const moved = LANGUAGES.filter((l) => before.get(l) !== after.get(l));
    if (moved.length === 0) return;
    forgetMostRead(services, moved);
    await services.events.emit({ type: 'most-read', langs: moved });
  };

  let running: Promise<void> | null = null;
  const flushOnce = async (forceLists: boolean) => {
    if (buffer.size > 0) {
      const counts = buffer.take();
      try {
        const live = await services.repos.readership.liveArticleLangs(
          articleIdsOf(counts),
          new Date().toISOString(),
        );
        const batch = batchOf(counts, live);
        if (batch.hours.length + batch.referrers.length + batch.devices.length > 0) {
          await services.transaction((repos) => repos.readership.add(batch));
        }
        if (batch.hours.some((h) => h.articleId > 0)) listsDue = true;
      } catch (err) {
        // The database is away: keep the counts for the next attempt.
        buffer.restore(counts);
        throw err;
      }
    }
    const now = Date.now();
    if (forceLists || (listsDue && now - lastListCheck >= listCheckMs)) await checkLists(now);
  };
  const flush = async (forceLists = false): Promise<void> => {
    while (running) await running;
    running = flushOnce(forceLists).finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    flush().catch(onError);
  }, flushMs);
  timer.unref();

  return {
    enabled,
    async record(hit) {
      if (!(await enabled())) return 'off';
      if (!(await limiter.hit(hit.address, hit.now))) return 'flood';
      const view = parseBeacon(hit.body, ownHost);
      if (!view || !(setting?.editions ?? LANGUAGES).includes(view.lang)) return 'malformed';
      const ua = hit.userAgent?.slice(0, MAX_UA) ?? '';
      const verdict = verdictOf(ua);
      if (verdict === 'bot') return 'bot';
      // Browsers mark the site's own beacon same-origin; a post from another site's page is not a view here.
      if (hit.fetchSite !== undefined && hit.fetchSite !== 'same-origin') return 'foreign';
      const now = hit.now ?? Date.now();
      if (!(await seen.firstSight(hit.address, ua, view.page, now))) return 'repeat';
      buffer.add({ ...view, device: verdict, at: new Date(now) });
      return 'counted';
    },
    flush: (o) => flush(o?.lists ?? false),
    async close() {
      clearInterval(timer);
      unsubscribe();
      await flush();
    },
  };
}
