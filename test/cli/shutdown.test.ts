// `midad serve` stopped as a service manager stops it: SIGTERM while a request is still
// arriving lets that request finish and be answered, refuses new connections, then exits 0;
// a request that never finishes does not hold the process past the grace period. Both as one
// process and as a primary with two workers, where the primary asks the workers to drain.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort } from '../support/site.ts';

const BIN = path.resolve('bin/midad.js');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function startServer(
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-stop-'));
  dirs.push(dir);
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, [BIN, 'serve', '--no-demo'], {
    env: { ...base, LOG_LEVEL: 'warn', MIDAD_DATA_DIR: dir, PORT: String(port), ...extraEnv },
  });
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout}`)), 120_000);
    child.stdout?.on('data', () => {
      if (stdout.includes('Midad is serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stdout}`)));
  });
  return { child, port };
}

/** Opens a connection and sends a form POST whose body stops halfway. */
async function halfSentPost(
  port: number,
  body: string,
): Promise<{ socket: net.Socket; reply: Promise<string> }> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let received = '';
  const reply = new Promise<string>((resolve) => {
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('close', () => resolve(received));
  });
  socket.write(
    'POST /newsroom/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      'Content-Type: application/x-www-form-urlencoded\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n` +
      body.slice(0, body.length / 2),
  );
  return { socket, reply };
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const workers of ['1', '2']) {
  describe(`stopping midad serve with ${workers} worker(s)`, () => {
    it('finishes a request in flight after SIGTERM, refuses new ones, and exits 0', async () => {
      const { child, port } = await startServer({ MIDAD_WORKERS: workers });
      const exited = exitOf(child);
      const body = 'email=awa%40midad.example&password=river+season+2026+ok&next=%2Fnewsroom';
      const { socket, reply } = await halfSentPost(port, body);
      await sleep(300);
      child.kill('SIGTERM');
      await sleep(700);
      assert.equal(child.exitCode, null, 'still running while a request is in flight');
      await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'new connections are refused');
      socket.write(body.slice(body.length / 2));
      const answer = await reply;
      assert.match(answer, /^HTTP\/1\.1 \d{3} /, 'the request in flight got its answer');
      assert.deepEqual(await exited, { code: 0, signal: null });
    });

    it('does not wait past the grace period for a request that never ends', async () => {
      const { child, port } = await startServer({ MIDAD_SHUTDOWN_GRACE: '1', MIDAD_WORKERS: workers });
      const exited = exitOf(child);
      const { socket } = await halfSentPost(port, 'email=x&password=never+finished+body');
      await sleep(300);
      const started = Date.now();
      child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null });
      const waited = Date.now() - started;
      assert.ok(waited >= 900 && waited < 8000, `exited after ${waited} ms`);
      socket.destroy();
    });
  });
}
