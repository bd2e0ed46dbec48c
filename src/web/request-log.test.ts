import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { type LogTarget, loggerOptions, OneLinePerRequest } from './request-log.ts';

/** Serves GET /ok and answers one request to `url`; returns the log lines written meanwhile. */
async function logOf(target: Omit<LogTarget, 'destination'>, url: string): Promise<string[]> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const app = Fastify({
    logger: loggerOptions('info', { ...target, destination: out }),
    logController: new OneLinePerRequest(),
  });
  app.get('/ok', async () => 'fine');
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
});
