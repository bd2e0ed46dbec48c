// The broadcaster alone, with stand-in responses: one read per wake-up whatever the number of
// streams, the same bytes to each, new entries as `entry` frames and later changes as `change`,
// the cap on streams, one heartbeat for all, a reader that does not drain dropped, and close
// ending every stream.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { type LiveFrame, LiveHub, type LiveSource } from './hub.ts';

class FakeResponse extends EventEmitter {
  chunks: string[] = [];
  writableEnded = false;
  destroyed = false;
  writableLength = 0;
  write(bytes: string): boolean {
    this.chunks.push(bytes);
    return true;
  }
  end(bytes?: string): void {
    if (bytes) this.chunks.push(bytes);
    this.writableEnded = true;
    this.emit('close');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

function source(): LiveSource & {
  reads: number;
  rows: { id: number; updatedAt: string; ended?: boolean }[];
} {
  const s = {
    reads: 0,
    rows: [{ id: 1, updatedAt: '2026-01-01T00:00:00.000Z' }] as {
      id: number;
      updatedAt: string;
      ended?: boolean;
    }[],
    async stamps() {
      return s.rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt }));
    },
    async framesSince(_articleId: number, since: string, known: Map<number, string>) {
      s.reads++;
      const frames: LiveFrame[] = [];
      let ended = false;
      for (const row of s.rows) {
        if (row.updatedAt < since || known.get(row.id) === row.updatedAt) continue;
        const before = known.get(row.id);
        known.set(row.id, row.updatedAt);
        frames.push(
          before === undefined
            ? { event: 'entry', id: row.id, data: { id: row.id } }
            : { event: 'change', data: { id: row.id } },
        );
        if (row.ended) ended = true;
      }
      return { frames, ended };
    },
  };
  return s;
}

const asRes = (r: FakeResponse) => r as unknown as ServerResponse;
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('live broadcaster', () => {
  it('reads once per wake-up and sends the same frames to every stream', async () => {
    const src = source();
    const hub = new LiveHub({ source: src, maxStreams: 10, heartbeatMs: 60_000 });
    const streams = Array.from({ length: 5 }, () => new FakeResponse());
    for (const s of streams) await hub.join(7, asRes(s), async () => {});
    assert.equal(hub.streams, 5);
    assert.equal(hub.channelCount, 1);
    src.rows.push({ id: 2, updatedAt: '2026-01-01T00:01:00.000Z' });
    hub.wake(7);
    hub.wake(99);
    await tick();
    assert.equal(src.reads, 1);
    for (const s of streams) assert.deepEqual(s.chunks, ['id: 2\nevent: entry\ndata: {"id":2}\n\n']);
    src.rows[0]!.updatedAt = '2026-01-01T00:02:00.000Z';
    hub.wake(null);
    await tick();
    assert.equal(streams[0]!.chunks[1], 'event: change\ndata: {"id":1}\n\n');
    hub.close();
    assert.ok(streams.every((s) => s.writableEnded));
  });

  it('caps streams, drops a reader that does not drain, sends one heartbeat to all, forgets empty channels', async () => {
    const hub = new LiveHub({ source: source(), maxStreams: 2, heartbeatMs: 30, maxBufferedBytes: 100 });
    const a = new FakeResponse();
    const b = new FakeResponse();
    await hub.join(1, asRes(a), async () => {});
    await hub.join(2, asRes(b), async () => {});
    assert.equal(hub.accepts(), false, 'full');
    await new Promise((r) => setTimeout(r, 80));
    assert.ok(a.chunks.includes(': \n\n') && b.chunks.includes(': \n\n'), 'heartbeat');
    b.writableLength = 1000;
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(b.destroyed, true, 'a reader that does not drain is dropped');
    assert.equal(hub.streams, 1);
    assert.equal(hub.channelCount, 1, 'its channel went with it');
    assert.equal(hub.accepts(), true);
    a.emit('close');
    assert.equal(hub.streams, 0);
    hub.close();
    assert.equal(hub.accepts(), false, 'a closed hub takes no stream');
  });

  it('ends the streams when the coverage ends', async () => {
    const src = source();
    const hub = new LiveHub({ source: src, maxStreams: 5, heartbeatMs: 60_000 });
    const s = new FakeResponse();
    await hub.join(3, asRes(s), async () => {});
    src.rows.push({ id: 5, updatedAt: '2026-01-01T00:05:00.000Z', ended: true });
    hub.wake(3);
    await tick();
    assert.equal(s.writableEnded, true);
    assert.match(s.chunks.join(''), /id: 5/);
    assert.equal(hub.streams, 0);
    hub.close();
  });
});
