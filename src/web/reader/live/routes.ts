// Live updates for readers' open pages. Two ways, one content: an event stream
// (/live/:id/stream?after=N, Server-Sent Events) pushing each entry as it is added, and a small
// JSON (/live/:id/updates.json?after=N) that the page cache keeps and evicts with the article,
// for browsers or networks where the stream does not hold. Entries come rendered as on the page.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Malformed } from '../../../core/errors.ts';
import type { LiveEntry } from '../../../core/live.ts';
import { liveChangesSince, liveCoverage, liveStamps, liveUpdates } from '../../../services/live/queries.ts';
import { loadPublishedArticle } from '../../../services/reader.ts';
import type { CacheBus } from '../../cache/bus.ts';
import { dependsOn } from '../../cache/dependencies.ts';
import { tags } from '../../cache/tags.ts';
import { type ReaderDeps, readerContext } from '../context.ts';
import { parseOr404 } from '../schema.ts';
import { type LiveFrame, LiveHub, sseFrame } from './hub.ts';
import { type EntryContext, liveLabels, presentEntry } from './present.ts';
import { entryHtml } from './view.tsx';

const Params = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
const After = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);
const Query = z.object({ after: After.optional() });

export interface LiveRouteOptions {
  bus: CacheBus;
  maxStreams?: number;
  heartbeatMs?: number;
}

/** The entry as open pages insert it. */
interface EntryPayload {
  id: number;
  pinned: boolean;
  html: string;
}

function afterOf(query: unknown, lastEventId: string | string[] | undefined): number {
  const parsed = Query.safeParse(query ?? {});
  if (!parsed.success) throw new Malformed('`after` must be an entry id (digits).', { after: 'invalid' });
  // A reconnecting stream says where it got to; the id it names wins over the page's.
  if (typeof lastEventId === 'string' && /^\d{1,12}$/.test(lastEventId)) return Number(lastEventId);
  return parsed.data.after ?? 0;
}

/** MIDAD_LIVE_MAX_STREAMS: a positive whole number; anything else leaves the default. */
export function maxStreamsFrom(value: string | undefined): number {
  return value && /^\d{1,7}$/.test(value.trim()) && Number(value) > 0 ? Number(value) : 5000;
}

export function registerLiveRoutes(
  app: FastifyInstance,
  deps: ReaderDeps,
  options: LiveRouteOptions,
): LiveHub {
  const { services } = deps;

  async function contextFor(articleId: number): Promise<EntryContext> {
    const article = await loadPublishedArticle(services, articleId);
    return (await readerContext(deps, article.lang, { anyLanguage: true })).present;
  }
  const payloadOf = (entry: LiveEntry, ctx: EntryContext): EntryPayload => ({
    id: entry.id,
    pinned: entry.pinned,
    html: entryHtml(presentEntry(entry, ctx), liveLabels(ctx.ui)),
  });
  const endedFrame = (ctx: EntryContext): LiveFrame => ({
    event: 'state',
    data: { state: 'ended', label: liveLabels(ctx.ui).ended },
  });

  const hub = new LiveHub({
    maxStreams: options.maxStreams ?? maxStreamsFrom(process.env.MIDAD_LIVE_MAX_STREAMS),
    heartbeatMs: options.heartbeatMs ?? 25_000,
    onError: (err) => app.log.error({ err }, 'a live channel could not read its changes'),
    source: {
      stamps: (articleId) => liveStamps(services, articleId),
      async framesSince(articleId, since, known) {
        const [ctx, coverage] = await Promise.all([
          contextFor(articleId).catch(() => null),
          liveCoverage(services, articleId),
        ]);
        if (!ctx || !coverage) return null;
        const frames: LiveFrame[] = [];
        for (const entry of await liveChangesSince(services, articleId, since)) {
          const before = known.get(entry.id);
          if (before === entry.updatedAt) continue;
          known.set(entry.id, entry.updatedAt);
          if (before === undefined) {
            if (!entry.deleted) frames.push({ event: 'entry', id: entry.id, data: payloadOf(entry, ctx) });
          } else {
            frames.push({
              event: 'change',
              data: entry.deleted ? { id: entry.id, deleted: true } : payloadOf(entry, ctx),
            });
          }
        }
        const ended = coverage.state === 'ended';
        if (ended) frames.push(endedFrame(ctx));
        return { frames, ended };
      },
    },
  });

  // Wake-ups: this process's own changes at once, and every eviction of an article page heard
  // on the cache bus (other workers' changes arrive that way).
  const offEvents = services.events.on((event) => {
    if (event.type === 'article') hub.wake(event.after.id);
  });
  const offBus = options.bus.subscribe((invalidation) => {
    if ('all' in invalidation) return hub.wake(null);
    for (const tag of invalidation.tags) {
      const m = /^article:(\d+)$/.exec(tag);
      if (m) hub.wake(Number(m[1]));
    }
  });
  // Before the server waits for its connections: open streams would keep it from closing.
  app.addHook('preClose', async () => {
    offEvents();
    offBus();
    hub.close();
  });

  app.get('/live/:id/updates.json', async (request, reply) => {
    const { id } = parseOr404(Params, request.params);
    const after = afterOf(request.query, undefined);
    const updates = await liveUpdates(services, id, after);
    const ctx = (await readerContext(deps, updates.article.lang, { anyLanguage: true })).present;
    dependsOn(reply, tags.article(id));
    const body = JSON.stringify({
      state: updates.coverage.state,
      latestId: updates.latestId,
      entries: updates.entries.map((e) => payloadOf(e, ctx)),
      ...(updates.coverage.state === 'ended' ? { endedLabel: liveLabels(ctx.ui).ended } : {}),
    });
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    reply
      .header('cache-control', 'public, max-age=5, s-maxage=5')
      .header('etag', etag)
      .type('application/json; charset=utf-8');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return body;
  });

  app.get('/live/:id/stream', async (request, reply) => {
    const { id } = parseOr404(Params, request.params);
    const after = afterOf(request.query, request.headers['last-event-id']);
    const article = await loadPublishedArticle(services, id);
    const coverage = await liveCoverage(services, article.id);
    if (!coverage) return parseOr404(z.never(), null);
    if (!hub.accepts()) {
      // The page then asks the JSON every few seconds instead.
      return reply
        .code(503)
        .header('retry-after', '30')
        .header('cache-control', 'no-store')
        .send({ error: { code: 'busy', message: 'Too many open live streams here; poll updates.json.' } });
    }
    // A HEAD asks what the stream is, not to hold one open.
    if (request.method === 'HEAD')
      return reply.header('cache-control', 'no-store').type('text/event-stream; charset=utf-8').send('');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Proxies that buffer (nginx) would hold the frames back.
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n\n');
    try {
      await hub.join(article.id, res, async () => {
        const updates = await liveUpdates(services, article.id, after);
        const ctx = (await readerContext(deps, article.lang, { anyLanguage: true })).present;
        const frames = updates.entries.map((e) =>
          sseFrame({ event: 'entry', id: e.id, data: payloadOf(e, ctx) }),
        );
        if (updates.coverage.state === 'ended') res.end(frames.join('') + sseFrame(endedFrame(ctx)));
        else if (frames.length > 0) res.write(frames.join(''));
      });
    } catch (err) {
      request.log.error({ err }, 'a live stream failed to start');
      res.end();
    }
  });

  return hub;
}
