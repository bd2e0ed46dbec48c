// One broadcaster per live article per process. Readers' event streams join their article's
// channel; a change (an entry added, edited, pinned, deleted, the coverage ended) wakes the
// channel, which reads what changed once and writes the same bytes to every stream. Nothing is
// held per stream but the response itself and its one close listener: one heartbeat timer
// serves every stream, slow readers whose unsent bytes pile up are dropped (they reconnect and
// catch up from their last event id), and the number of streams is capped so the process keeps
// connections for pages. Wake-ups come from this process's change events and from the page
// cache's invalidations, which reach every worker (over Redis when there are several).
import type { ServerResponse } from 'node:http';

/** One change of an article's live coverage, as the channel writes it to its streams. */
export interface LiveFrame {
  event: 'entry' | 'change' | 'state';
  /** The entry id for `entry` frames: the stream's Last-Event-ID on reconnect. */
  id?: number;
  data: unknown;
}

/** Where a channel reads what changed (the routes give it the services and the rendering). */
export interface LiveSource {
  /** Every entry's id and last change, when a channel starts. */
  stamps(articleId: number): Promise<{ id: number; updatedAt: string }[]>;
  /**
   * Frames for entries changed since a moment, given what the channel already sent (id → last
   * change); the source updates `known`. Returns null when the article is no longer shown.
   */
  framesSince(
    articleId: number,
    since: string,
    known: Map<number, string>,
  ): Promise<{ frames: LiveFrame[]; ended: boolean } | null>;
}

export interface LiveHubOptions {
  source: LiveSource;
  /** Streams this process holds at most; more are refused (503) and those pages poll instead. */
  maxStreams: number;
  heartbeatMs: number;
  /** Unsent bytes a stream may pile up before it is dropped. */
  maxBufferedBytes?: number;
  onError?: (err: unknown) => void;
}

/** Entries committed out of order (two writers on PostgreSQL) are caught by looking back this far. */
const LOOKBACK_MS = 5000;

interface Channel {
  articleId: number;
  streams: Set<ServerResponse>;
  /** Entry id → the last change the streams were told of; null until the channel has started. */
  known: Map<number, string> | null;
  cursor: string;
  running: Promise<void> | null;
  again: boolean;
}

export function sseFrame(frame: LiveFrame): string {
  const id = frame.id === undefined ? '' : `id: ${frame.id}\n`;
  return `${id}event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`;
}

export class LiveHub {
  private readonly channels = new Map<number, Channel>();
  private readonly timer: NodeJS.Timeout;
  private streamCount = 0;
  private closed = false;
  private readonly maxBuffered: number;

  constructor(private readonly options: LiveHubOptions) {
    this.maxBuffered = options.maxBufferedBytes ?? 256 * 1024;
    this.timer = setInterval(() => this.broadcastAll(': \n\n'), options.heartbeatMs);
    this.timer.unref();
  }

  get streams(): number {
    return this.streamCount;
  }

  get channelCount(): number {
    return this.channels.size;
  }

  /** Whether one more stream may open now. */
  accepts(): boolean {
    return !this.closed && this.streamCount < this.options.maxStreams;
  }

  /**
   * Starts the article's channel if needed (so nothing committed from now on is missed), then
   * runs `catchUp` (the stream's backlog) and adds the stream.
   */
  async join(articleId: number, res: ServerResponse, catchUp: () => Promise<void>): Promise<void> {
    const channel = this.channelOf(articleId);
    // Counted before any wait, so the cap holds against a burst of connections.
    channel.streams.add(res);
    this.streamCount++;
    res.once('close', () => this.leave(channel, res));
    if (channel.known === null) await this.refresh(channel);
    await catchUp();
  }

  /** Something changed on this article (or on every page, for `null`): its channel looks. */
  wake(articleId: number | null): void {
    if (articleId === null) {
      for (const channel of this.channels.values()) void this.refresh(channel);
      return;
    }
    const channel = this.channels.get(articleId);
    if (channel) void this.refresh(channel);
  }

  /** Ends every stream (the server is stopping): their pages reconnect to another process. */
  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    for (const channel of this.channels.values())
      for (const res of channel.streams) if (!res.writableEnded) res.end();
    this.channels.clear();
  }

  private channelOf(articleId: number): Channel {
    let channel = this.channels.get(articleId);
    if (!channel) {
      channel = { articleId, streams: new Set(), known: null, cursor: '', running: null, again: false };
      this.channels.set(articleId, channel);
    }
    return channel;
  }

  private leave(channel: Channel, res: ServerResponse): void {
    if (!channel.streams.delete(res)) return;
    this.streamCount--;
    if (channel.streams.size === 0 && this.channels.get(channel.articleId) === channel)
      this.channels.delete(channel.articleId);
  }

  /** One read at a time per channel; changes arriving meanwhile make it read once more after. */
  private refresh(channel: Channel): Promise<void> {
    if (channel.running) {
      channel.again = true;
      return channel.running;
    }
    channel.running = (async () => {
      do {
        channel.again = false;
        try {
          await this.readChanges(channel);
        } catch (err) {
          this.options.onError?.(err);
        }
      } while (channel.again && !this.closed);
      channel.running = null;
    })();
    return channel.running;
  }

  private async readChanges(channel: Channel): Promise<void> {
    const { source } = this.options;
    if (channel.known === null) {
      const stamps = await source.stamps(channel.articleId);
      channel.known = new Map(stamps.map((s) => [s.id, s.updatedAt]));
      // ISO strings of one form order like the moments they name.
      channel.cursor =
        stamps
          .map((s) => s.updatedAt)
          .sort()
          .at(-1) ?? '';
      return;
    }
    const since = channel.cursor
      ? new Date(Date.parse(channel.cursor) - LOOKBACK_MS).toISOString()
      : new Date(0).toISOString();
    const found = await source.framesSince(channel.articleId, since, channel.known);
    for (const stamp of channel.known.values()) if (stamp > channel.cursor) channel.cursor = stamp;
    if (found === null) {
      this.endChannel(channel, '');
      return;
    }
    const bytes = found.frames.map(sseFrame).join('');
    if (found.ended) this.endChannel(channel, bytes);
    else if (bytes) this.write(channel, bytes);
  }

  private endChannel(channel: Channel, bytes: string): void {
    for (const res of channel.streams) if (!res.writableEnded) res.end(bytes);
  }

  private write(channel: Channel, bytes: string): void {
    for (const res of channel.streams) this.send(res, bytes);
  }

  private send(res: ServerResponse, bytes: string): void {
    if (res.writableEnded || res.destroyed) return;
    // A reader whose connection does not drain would make the process hold every frame for it.
    if (res.writableLength > this.maxBuffered) {
      res.destroy();
      return;
    }
    res.write(bytes);
  }

  private broadcastAll(bytes: string): void {
    for (const channel of this.channels.values()) this.write(channel, bytes);
  }
}
