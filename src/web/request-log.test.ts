import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { loadConfig, type RequestLogConfig } from '../config.ts';
import { SetupError } from '../core/errors.ts';
import { type LogTarget, loggerOptions, OneLinePerRequest } from './request-log.ts';

/** Serves GET /ok and answers one request to `url`; returns the log lines written meanwhile. */
async function logOf(
  target: Omit<LogTarget, 'destination'>,
  url: string,
  settings?: RequestLogConfig,
): Promise<string[]> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const app = Fastify({
    logger: loggerOptions('info', { ...target, destination: out }),
    logController: new OneLinePerRequest(settings),
  });
  app.get('/ok', async () => 'fine');
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 60));
    return 'late';
  });
  app.get('/broken', async () => {
    throw new Error('the disk is full');
  });
  await app.inject({ method: 'GET', url });
  await app.close();
  await new Promise((resolve) => setImmediate(resolve));
  return text.split('\n').filter((line) => line !== '');
}

describe('request log', () => {
  it('is one JSON line per request when stdout is not a terminal', async () => {
    const lines = await logOf({ tty: false }, '/ok?q=1');
    assert.equal(lines.length, 1, lines.join('\n'));
    const entry = JSON.parse(lines[0] as string);
    assert.equal(entry.method, 'GET');
    assert.equal(entry.url, '/ok?q=1');
    assert.equal(entry.statusCode, 200);
    assert.equal(typeof entry.responseTime, 'number');
    assert.match(entry.msg, /^GET \/ok\?q=1 200 [\d.]+ ms$/);
  });

  it('is one readable line per request on a terminal', async () => {
    const lines = await logOf({ tty: true }, '/missing');
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0] as string, /^\[\d\d:\d\d:\d\d\] INFO: GET \/missing 404 [\d.]+ ms$/);
  });

  it('with MIDAD_REQUEST_LOG=slow, has lines only for failed and slow requests', async () => {
    const slow: RequestLogConfig = { mode: 'slow', slowMs: 40 };
    assert.deepEqual(await logOf({ tty: false }, '/ok', slow), [], 'a quick success says nothing');
    const late = await logOf({ tty: false }, '/slow', slow);
    assert.equal(late.length, 1, late.join('\n'));
    const entry = JSON.parse(late[0] as string);
    assert.equal(entry.level, 40, 'a slow request is a warning');
    assert.equal(entry.slow, true);
    assert.ok(entry.responseTime >= 40);
    const broken = await logOf({ tty: false }, '/broken', slow);
    assert.ok(
      broken.some((line) => JSON.parse(line).statusCode === 500),
      `a failure is logged: ${broken.join('\n')}`,
    );
  });

  it('with MIDAD_REQUEST_LOG=off, has lines only for failures', async () => {
    const off: RequestLogConfig = { mode: 'off', slowMs: 1 };
    assert.deepEqual(await logOf({ tty: false }, '/slow', off), []);
    const broken = await logOf({ tty: false }, '/broken', off);
    assert.ok(
      broken.some((line) => JSON.parse(line).statusCode === 500),
      broken.join('\n'),
    );
  });
});

describe('request log settings', () => {
  const requestLog = (env: Record<string, string>) => loadConfig(env).requestLog;

  it('logs every request with a 1000 ms threshold unless told otherwise', () => {
    assert.deepEqual(requestLog({}), { mode: 'all', slowMs: 1000 });
    assert.deepEqual(requestLog({ MIDAD_REQUEST_LOG: '' }), { mode: 'all', slowMs: 1000 });
  });

  it('reads MIDAD_REQUEST_LOG and MIDAD_SLOW_REQUEST_MS', () => {
    assert.deepEqual(requestLog({ MIDAD_REQUEST_LOG: 'slow', MIDAD_SLOW_REQUEST_MS: '250' }), {
      mode: 'slow',
      slowMs: 250,
    });
    assert.equal(requestLog({ MIDAD_REQUEST_LOG: ' off ' })?.mode, 'off');
  });

  it('refuses an unknown mode or threshold in one line that names the setting', () => {
    for (const [env, named] of [
      [{ MIDAD_REQUEST_LOG: 'errors' }, /^MIDAD_REQUEST_LOG must be one of all, slow, off, got "errors"\.$/],
      [{ MIDAD_REQUEST_LOG: 'SLOW' }, /^MIDAD_REQUEST_LOG must be one of/],
      [
        { MIDAD_SLOW_REQUEST_MS: '1.5' },
        /^MIDAD_SLOW_REQUEST_MS must be a whole number from 0 to 600000, got "1\.5"\.$/,
      ],
      [{ MIDAD_SLOW_REQUEST_MS: '-1' }, /^MIDAD_SLOW_REQUEST_MS must be/],
      [{ MIDAD_SLOW_REQUEST_MS: '600001' }, /^MIDAD_SLOW_REQUEST_MS must be/],
    ] as const) {
      assert.throws(
        () => requestLog(env),
        (err: unknown) => err instanceof SetupError && named.test(err.message),
        JSON.stringify(env),
      );
    }
  });
});
