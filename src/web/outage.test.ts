// A PostgreSQL outage, for real: the site talks to PostgreSQL through a TCP proxy that the test
// stops (connections refused, open ones cut), turns into a black hole (connections accepted,
// never answered) and starts again. Cached pages keep being served, a page changed just before
// is served from its old copy, anything else gets the 503 page with Retry-After, /readyz says
// not ready within its short timeout, and the site recovers by itself.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startTestSite, type TestSite } from '../../test/support/site.ts';
import { TEST_POSTGRES_URL } from '../db/test-databases.ts';
import { articlePath } from './reader/urls.ts';

class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  /** Accept connections but never pass anything on, like a host that stopped answering. */
  blackHole = false;

  constructor(private readonly target: { host: string; port: number }) {}

  start(port = 0): Promise<number> {
    const server = net.createServer((client) => {
      this.track(client);
      if (this.blackHole) return;
      const upstream = net.connect(this.target.port, this.target.host);
      this.track(upstream);
      client.pipe(upstream).pipe(client);
      const cut = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', cut).on('close', cut);
      upstream.on('error', cut).on('close', cut);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  }

  /** Stops listening and cuts every open connection. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.cutAll();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  cutAll(): void {
    for (const s of this.sockets) s.destroy();
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
  }
}

const target = new URL(TEST_POSTGRES_URL);
const database = `midad_outage_${randomBytes(5).toString('hex')}`;
let admin: pg.Client | null = null;
let unreachable: string | null = null;

before(async () => {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    admin = client;
  } catch (err) {
    unreachable = (err as Error).message;
    await client.end().catch(() => {});
  }
});

after(async () => {
  if (!admin) return;
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

/** In CI an unreachable PostgreSQL fails the test; elsewhere it is skipped with the reason. */
function postgres(t: { skip(message: string): void }): boolean {
  if (admin) return true;
  if (process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unreachable}`);
  t.skip(`PostgreSQL unreachable (set MIDAD_TEST_POSTGRES_URL to test it): ${unreachable}`);
  return false;
}

describe('PostgreSQL outage', () => {
  let site: TestSite;
  let proxy: TcpProxy;
  let port: number;

  before(async () => {
    if (!admin) return;
    proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    port = await proxy.start();
    const url = new URL(TEST_POSTGRES_URL);
    url.host = `127.0.0.1:${port}`;
    url.pathname = `/${database}`;
    site = await startTestSite({ databaseUrl: url.toString() });
  });

  after(async () => {
    await site?.close();
    await proxy?.stop();
  });

  it('serves what is cached, 503 for the rest, and recovers when the database is back', async (t) => {
    if (!postgres(t)) return;
    const { items } = await site.services.repos.articles.listPublished({ lang: 'ar', limit: 2 });
    const [cached, changed] = items.map(articlePath);
    assert.ok(cached && changed);
    for (const url of [cached, changed, cached, changed]) await site.app.inject(url);
    assert.equal((await site.app.inject(cached)).headers['x-cache'], 'HIT');
    await site.services.events.emit({
      type: 'comment',
      change: 'shown',
      articleId: items[1]!.id,
      commentId: 1,
    });

    await proxy.stop();

    const hit = await site.app.inject({ url: cached, headers: { 'accept-encoding': 'br' } });
    assert.equal(hit.statusCode, 200);
    assert.equal(hit.headers['x-cache'], 'HIT');
    const stale = await site.app.inject(changed);
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.headers['x-cache'], 'STALE', 'the old copy stands in for the failed render');
    assert.equal(stale.headers['retry-after'], undefined);

    const down = await site.app.inject('/fr/');
    assert.equal(down.statusCode, 503);
    assert.equal(down.headers['retry-after'], '30');
    assert.match(down.body, /<html lang="fr" dir="ltr"/);
    assert.ok(down.body.includes('Site momentanément indisponible'));
    assert.ok(!down.body.includes('    at '), 'no stack trace');
    const api = await site.app.inject('/api/v1/tags');
    assert.equal(api.statusCode, 503);
    assert.equal(api.json().error.code, 'unavailable');
    const ready = await site.app.inject('/readyz');
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.json().database, 'unreachable');
    assert.equal((await site.app.inject('/healthz')).statusCode, 200);

    await proxy.start(port);
    const back = await site.app.inject('/fr/');
    assert.equal(back.statusCode, 200, 'the pool reconnects by itself');
    assert.equal((await site.app.inject('/readyz')).statusCode, 200);
    assert.equal((await site.app.inject(changed)).headers['x-cache'], 'MISS', 'rendered afresh');
  });

  it('is reported not ready within its short timeout when the database stops answering', async (t) => {
    if (!postgres(t)) return;
    proxy.blackHole = true;
    proxy.cutAll();
    // Let the pool see its connections close, so the probe has to open a new one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      const started = Date.now();
      const ready = await site.app.inject('/readyz');
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json().database, 'timeout');
      assert.ok(Date.now() - started < 4000, `answered after ${Date.now() - started} ms`);
    } finally {
      proxy.blackHole = false;
      proxy.cutAll();
    }
  });
});
