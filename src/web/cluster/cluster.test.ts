// The worker count (flag, environment, refusals, the warning past the core count), the
// backoff of a worker that keeps dying, and the eviction bus between a worker and its primary.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:cluster';
import { describe, it, mock } from 'node:test';
import { SetupError } from '../../core/errors.ts';
import type { Invalidation } from '../cache/store.ts';
import { ipcCacheBus } from './ipc-bus.ts';
import { DEFAULT_BACKOFF, restartDelay, runPrimary } from './primary.ts';
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

/** A worker process as the primary sees it, driven by the test. */
class FakeWorker extends EventEmitter {
  static nextPid = 1000;
  readonly received: unknown[] = [];
  connected = true;
  readonly process = { pid: FakeWorker.nextPid++, kill: (_signal?: string) => this.die(null, 'SIGKILL') };
  constructor(readonly env: Record<string, string>) {
    super();
  }
  isConnected(): boolean {
    return this.connected;
  }
  /** Killed, but its channel not yet closed: sends fail as node's do (EPIPE). */
  killed = false;
  send(
    message: unknown,
    _handle?: unknown,
    _options?: unknown,
    callback?: (err: Error | null) => void,
  ): boolean {
    if (this.killed) {
      const err = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      // Node hands the failure to the callback when there is one, else emits it as 'error'.
      if (callback) queueMicrotask(() => callback(err));
      else queueMicrotask(() => this.emit('error', err));
      return false;
    }
    this.received.push(message);
    return true;
  }
  listen(): void {
    this.emit('message', { midad: 'listening', address: 'http://127.0.0.1:3000' });
  }
  die(code: number | null, signal: string | null = null): void {
    this.connected = false;
    this.emit('exit', code, signal);
  }
}

describe('the primary', () => {
  function start(count: number) {
    const workers: FakeWorker[] = [];
    const lines: string[] = [];
    const exits: number[] = [];
    let serving = 0;
    const signal = runPrimary({
      count,
      graceMs: 1000,
      log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
      onServing: () => serving++,
      exit: (code) => exits.push(code),
      signals: false,
      fork: (env) => {
        const worker = new FakeWorker(env);
        workers.push(worker);
        return worker as unknown as Worker;
      },
    });
    return { workers, lines, exits, signal, serving: () => serving };
  }

  it('says it is serving once every worker listens, and passes evictions to the others only', () => {
    const p = start(3);
    assert.deepEqual(
      p.workers.map((w) => w.env.MIDAD_WORKER_SLOT),
      ['0', '1', '2'],
    );
    p.workers[0]?.listen();
    p.workers[1]?.listen();
    assert.equal(p.serving(), 0);
    p.workers[2]?.listen();
    assert.equal(p.serving(), 1);
    p.workers[1]?.emit('message', { midad: 'evict', invalidation: { tags: ['home:ar'] } });
    const evict = { midad: 'evict', invalidation: { tags: ['home:ar'] } };
    assert.deepEqual(p.workers[0]?.received, [evict]);
    assert.deepEqual(p.workers[1]?.received, [], 'not back to the worker that made it');
    assert.deepEqual(p.workers[2]?.received, [evict]);
    p.signal('SIGTERM');
  });

  it('keeps running when an eviction goes to a worker killed a moment ago (its channel refuses the write)', async () => {
    const p = start(2);
    for (const w of p.workers) w.listen();
    p.workers[0]!.killed = true;
    p.workers[1]?.emit('message', { midad: 'evict', invalidation: { tags: ['home:ar'] } });
    // The refused write is reported after the send returns, as node does.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(p.exits, [], 'the primary did not stop');
    p.workers[0]?.emit('error', new Error('channel closed'));
    assert.match(p.lines.at(-1) ?? '', /worker 0 \(pid \d+\): channel closed/);
    p.workers[0]?.die(null, 'SIGKILL');
    assert.match(p.lines.at(-1) ?? '', /worker 0 \(pid \d+\) died \(SIGKILL\)/);
    p.signal('SIGTERM');
  });

  it('replaces a dying worker at once, then backs off while it keeps dying young, keeping the slot', () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      const p = start(2);
      for (const w of p.workers) w.listen();
      mock.timers.tick(60_000);
      p.workers[1]?.die(1);
      assert.match(
        p.lines.at(-1) ?? '',
        /worker 1 \(pid \d+\) died \(exit code 1\) after 60 s: starting another now/,
      );
      mock.timers.tick(0);
      assert.equal(p.workers.length, 3, 'replaced at once');
      assert.equal(p.workers[2]?.env.MIDAD_WORKER_SLOT, '1', 'in the same slot');
      p.workers[2]?.die(1);
      assert.match(
        p.lines.at(-1) ?? '',
        /died 2 times in a row .*starting another in 1 s; the other workers keep serving/,
      );
      mock.timers.tick(999);
      assert.equal(p.workers.length, 3, 'not before the wait');
      mock.timers.tick(1);
      assert.equal(p.workers.length, 4);
      p.workers[3]?.die(1);
      assert.match(p.lines.at(-1) ?? '', /died 3 times in a row .*in 2 s/);
      mock.timers.tick(2000);
      assert.equal(p.workers.length, 5);
      assert.equal(p.workers[0]?.isConnected(), true, 'the other worker was left alone');
      assert.deepEqual(p.exits, []);
      p.signal('SIGTERM');
    } finally {
      mock.timers.reset();
    }
  });

  it('on a signal asks every worker to drain and exits 0 once all have stopped; a failing start stops all', () => {
    const p = start(2);
    for (const w of p.workers) w.listen();
    p.signal('SIGTERM');
    assert.deepEqual(p.workers[0]?.received, [{ midad: 'shutdown' }]);
    assert.deepEqual(p.workers[1]?.received, [{ midad: 'shutdown' }]);
    p.workers[0]?.die(0);
    assert.deepEqual(p.exits, [], 'waits for the other');
    p.workers[1]?.die(0);
    assert.deepEqual(p.exits, [0]);
    assert.equal(p.workers.length, 2, 'nobody is replaced while stopping');

    const failing = start(2);
    failing.workers[0]?.listen();
    failing.workers[1]?.die(1);
    assert.match(failing.lines.at(-1) ?? '', /stopped \(1\) while starting: stopping/);
    assert.deepEqual(failing.workers[0]?.received, [{ midad: 'shutdown' }]);
    failing.workers[0]?.die(0);
    assert.deepEqual(failing.exits, [1], 'the start failed');
  });
});
