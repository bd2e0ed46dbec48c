// The worker count (flag, environment, refusals, the warning past the core count), the
// backoff of a worker that keeps dying, and the eviction bus between a worker and its primary.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { SetupError } from '../../core/errors.ts';
import type { Invalidation } from '../cache/store.ts';
import { ipcCacheBus } from './ipc-bus.ts';
import { DEFAULT_BACKOFF, restartDelay } from './primary.ts';
import { parseWorkerCount } from './worker-count.ts';

describe('the worker count', () => {
  it('defaults to the available cores, and takes --workers before MIDAD_WORKERS', () => {
    assert.deepEqual(parseWorkerCount(undefined, undefined, 4), { count: 4 });
    assert.deepEqual(parseWorkerCount(undefined, '', 4), { count: 4 });
    assert.deepEqual(parseWorkerCount(undefined, '3', 4), { count: 3 });
    assert.deepEqual(parseWorkerCount('1', '3', 4), { count: 1 });
    assert.deepEqual(parseWorkerCount(' 2 ', undefined, 4), { count: 2 });
  });

  it('refuses zero, negative, fractional and non-numeric values in one line naming the source', () => {
    for (const [flag, env, source] of [
      ['0', undefined, '--workers'],
      ['-1', undefined, '--workers'],
      ['1.5', undefined, '--workers'],
      ['two', undefined, '--workers'],
      [undefined, '0', 'MIDAD_WORKERS'],
      [undefined, 'many', 'MIDAD_WORKERS'],
      ['65', undefined, '--workers'],
    ] as const) {
      assert.throws(
        () => parseWorkerCount(flag, env, 2),
        (err: unknown) =>
          err instanceof SetupError && err.message.startsWith(source) && !err.message.includes('\n'),
        `${flag ?? env} is refused`,
      );
    }
  });

  it('allows more workers than cores, with a warning', () => {
    const many = parseWorkerCount('3', undefined, 2);
    assert.equal(many.count, 3);
    assert.match(many.warning ?? '', /3 workers on 2 cores/);
    assert.equal(parseWorkerCount('2', undefined, 2).warning, undefined);
  });
});

describe('replacing a worker that dies', () => {
  it('starts the first replacement at once, then backs off doubling up to the maximum', () => {
    const delays = [1, 2, 3, 4, 5, 10].map((deaths) => restartDelay(deaths, DEFAULT_BACKOFF));
    assert.deepEqual(delays, [0, 1000, 2000, 4000, 8000, 60_000]);
  });
});

class FakeChannel extends EventEmitter {
  sent: unknown[] = [];
  connected = true;
  send = (message: unknown) => {
    this.sent.push(message);
    return true;
  };
}

describe('page-cache evictions between workers', () => {
  it('applies its own evictions at once and sends them to the primary', async () => {
    const channel = new FakeChannel();
    const bus = ipcCacheBus(channel);
    const applied: Invalidation[] = [];
    bus.subscribe((i) => applied.push(i));
    await bus.publish({ tags: ['article:7'] });
    assert.deepEqual(applied, [{ tags: ['article:7'] }]);
    assert.deepEqual(channel.sent, [{ midad: 'evict', invalidation: { tags: ['article:7'] } }]);
  });

  it("applies the other workers' evictions passed on by the primary, and ignores other messages", async () => {
    const channel = new FakeChannel();
    const bus = ipcCacheBus(channel);
    const applied: Invalidation[] = [];
    bus.subscribe((i) => applied.push(i));
    channel.emit('message', { midad: 'evict', invalidation: { all: true } });
    channel.emit('message', { cmd: 'NODE_CLUSTER' });
    channel.emit('message', 'text');
    assert.deepEqual(applied, [{ all: true }]);
    assert.deepEqual(channel.sent, [], 'nothing is sent back');
    await bus.close();
    channel.emit('message', { midad: 'evict', invalidation: { all: true } });
    assert.equal(applied.length, 1, 'nothing is applied once closed');
  });
});
