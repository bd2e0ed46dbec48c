// Abuse over HTTP: clients that trickle their headers or never finish their body, bodies past the
// limits, a gzip bomb as a request body, a flood of comments from one address, an image whose
// header claims a gigantic canvas, and XML bombs (billion laughs, external entities) in a
// WordPress export uploaded through the newsroom. Each must end in a refusal with nothing stored.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIN_FILL_MS } from '../../../src/services/comment-guard.ts';
import { HttpClient } from '../../support/http-client.ts';
import { csrfFrom } from '../../support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../support/site.ts';
import { AttackReport } from '../support/report.ts';
import { cookieHeader, dataHash, filesUnder, multipartBody, rawRequest } from '../support/attack-site.ts';

const report = new AttackReport('abuse');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a socket, sends `first`, then one byte of `rest` every `everyMs`; resolves when the server closes it. */
function trickle(
  port: number,
  first: string,
  rest: string,
  everyMs: number,
): Promise<{ ms: number; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(first);
      let i = 0;
      timer = setInterval(() => {
        if (i < rest.length && !socket.destroyed) socket.write(rest[i++] ?? '');
      }, everyMs);
    });
    socket.on('data', (d) => {
      answer += d.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, answer });
    });
    // The test's own limit: a server that never closes fails the case, not the run.
    setTimeout(() => socket.destroy(), 15_000).unref();
  });
}

describe('attack suite: abuse', { timeout: 120_000 }, () => {
  let site: TestSite;
  let admin: HttpClient;
  let port = 0;

  before(async () => {
    site = await startTestSite({ listen: true, config: { timeouts: { headers: 1, request: 2 } } });
    port = Number(new URL(site.baseUrl).port);
    admin = new HttpClient(site.baseUrl);
    assert.equal((await admin.signIn(site.admin.email, site.admin.password)).status, 303);
  });

  after(async () => {
    report.print();
    await site?.close();
  });

  it('slow clients lose their connection after the timeouts', async () => {
    const headers = await trickle(
      port,
      'GET / HTTP/1.1\r\n',
      'Host: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n',
      200,
    );
    report.record(
      'headers sent one byte every 200 ms',
      headers.ms < 4000 && !headers.answer.startsWith('HTTP/1.1 200'),
      `closed after ${headers.ms} ms: ${headers.answer.split('\r\n')[0]}`,
    );
    const body = await trickle(
      port,
      'POST /newsroom/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nemail=a',
      'b'.repeat(1000),
      100,
    );
    report.record(
      'a body that never ends',
      body.ms < 5000 && /^HTTP\/1\.1 408/.test(body.answer),
      `closed after ${body.ms} ms: ${body.answer.split('\r\n')[0]}`,
    );
    const idle = await trickle(port, '', '', 1000);
    report.record('a connection that sends nothing', idle.ms < 5000, `closed after ${idle.ms} ms`);
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('bodies past the limits are refused with 413', async () => {
    const before = await dataHash(site.services);
    const cookie = cookieHeader(admin.cookies);
    const token = csrfFrom((await admin.get('/newsroom/account')).body);
    const big = `_csrf=${token}&title=${'x'.repeat(2 * 1024 * 1024)}`;
    const article = site.mainArticle;
    for (const [name, path, body, headers] of [
      ['a 2 MB newsroom form', '/newsroom/tags/1', big, { cookie }],
      ['a 2 MB comment', `/article/${article.id}/comments`, `body=${'y'.repeat(2 * 1024 * 1024)}`, {}],
      ['a 100 KB sign-in form', '/newsroom/sign-in', `email=${'z'.repeat(100 * 1024)}`, {}],
      [
        'a 2 MB JSON body',
        '/newsroom/sign-in',
        JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
        { 'content-type': 'application/json' },
      ],
    ] as const) {
      const res = await rawRequest(site.baseUrl, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      }).catch((err: Error) => ({ status: 0, body: err.message, headers: {} }));
      report.record(
        name,
        // Refused with the error page, worded in the path's language (Arabic here).
        res.status === 413 && /كبير جدًا|too large/i.test(res.body),
        `${res.status} ${res.body.slice(0, 60)}`,
      );
    }
    report.record('nothing stored after the large bodies', (await dataHash(site.services)) === before);
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('a gzip bomb as a request body is not inflated', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(200 * 1024 * 1024, 'a'), { level: 9 });
    assert.ok(bomb.length < 400 * 1024, `${bomb.length} bytes on the wire`);
    const rss = process.memoryUsage().rss;
    const res = await rawRequest(site.baseUrl, {
      method: 'POST',
      path: '/newsroom/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' },
      body: bomb,
    });
    const grew = process.memoryUsage().rss - rss;
    report.record(
      '200 MB of gzip in 200 KB',
      [400, 413, 415].includes(res.status) && grew < 100 * 1024 * 1024,
      `${res.status}, memory +${Math.round(grew / 1048576)} MB`,
    );
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('a comment flood from one address stops at the limit', async () => {
    const article = site.mainArticle;
    const reader = new HttpClient(site.baseUrl);
    const page = await reader.get(`/article/${article.id}/${encodeURIComponent(article.slug)}`);
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(token, 'the article has a comment form');
    await sleep(Math.max(0, Number(token.split('.')[1]) + MIN_FILL_MS + 250 - Date.now()));
    const count = async () =>
      (
        await site.services.db.kysely
          .selectFrom('comments')
          .select('id')
          .where('article_id', '=', article.id)
          .execute()
      ).length;
    const start = await count();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await reader.post(`/article/${article.id}/comments`, {
        name: 'Lecteur de Ségou',
        email: `lecteur${i}@example.org`,
        body: `Merci pour ce reportage sur le fleuve Niger, message ${i}.`,
        parent_id: '',
        token,
        website: '',
      });
      statuses.push(res.status);
    }
    const stored = (await count()) - start;
    report.record(
      'twelve comments in a row from one address',
      statuses.filter((s) => s === 429).length >= 7 && stored <= 5,
      `${statuses.join(',')}; ${stored} stored`,
    );
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('an image claiming a gigantic canvas is refused without being decoded', async () => {
    // A PNG header saying 100000 × 100000 pixels, followed by a few bytes of data.
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32 ? zlib.crc32(Buffer.concat([Buffer.from(type), data])) : 0);
      return Buffer.concat([len, Buffer.from(type), data, crc]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const before = await dataHash(site.services);
    const files = filesUnder(site.services.config.mediaRoot);
    const token = csrfFrom((await admin.get('/newsroom/media')).body);
    const { body, contentType } = multipartBody(
      { _csrf: token, alt: 'Vue du fleuve' },
      { field: 'file', name: 'huge.png', type: 'image/png', data: png },
    );
    const res = await rawRequest(site.baseUrl, {
      method: 'POST',
      path: '/newsroom/media',
      headers: { cookie: cookieHeader(admin.cookies), 'content-type': contentType },
      body,
    });
    report.record(
      'a PNG of 100000 × 100000 pixels in 1 KB',
      res.status === 422 &&
        (await dataHash(site.services)) === before &&
        JSON.stringify(filesUnder(site.services.config.mediaRoot)) === JSON.stringify(files),
      String(res.status),
    );
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('XML bombs in a WordPress export uploaded through the newsroom', async () => {
    const exports = xmlBombs();
    for (const [name, xml] of exports) {
      const articlesBefore = await site.services.repos.articles.count({});
      const token = csrfFrom((await admin.get('/newsroom/import')).body);
      const { body, contentType } = multipartBody(
        { _csrf: token },
        { field: 'file', name: 'export.xml', type: 'text/xml', data: Buffer.from(xml) },
      );
      const res = await rawRequest(site.baseUrl, {
        method: 'POST',
        path: '/newsroom/import',
        headers: { cookie: cookieHeader(admin.cookies), 'content-type': contentType },
        body,
      });
      const runId = /\/newsroom\/import\/(\d+)/.exec(String(res.headers.location ?? ''))?.[1];
      let run: { status: string; report: string | null; error: string | null } | undefined;
      for (let i = 0; i < 100 && runId; i++) {
        run = await site.services.db.kysely
          .selectFrom('import_runs')
          .select(['status', 'report', 'error'])
          .where('id', '=', Number(runId))
          .executeTakeFirst();
        if (run && !['queued', 'running'].includes(run.status)) break;
        await sleep(100);
      }
      const titles = (await site.services.db.kysely.selectFrom('articles').select('title').execute())
        .map((a) => a.title)
        .join('\n');
      const leaked = /root:x:0|lollollol/.test(`${titles}${run?.report ?? ''}${run?.error ?? ''}`);
      const page = runId ? await admin.get(`/newsroom/import/${runId}`) : { body: '' };
      report.record(
        name,
        !leaked &&
          !/root:x:0|lollollol/.test(page.body) &&
          (res.status === 303 || res.status === 422) &&
          (await site.services.repos.articles.count({})) - articlesBefore <= 1,
        `${res.status}, run ${run?.status ?? 'none'}${run?.error ? `: ${run.error.slice(0, 80)}` : ''}`,
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('XML bombs in a WordPress export given to `midad import` on the command line', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bomb-'));
    try {
      const { DATABASE_URL: _ignored, ...base } = process.env;
      const midad = (args: string[]) =>
        spawnSync(process.execPath, [path.resolve('bin/midad.js'), ...args], {
          env: { ...base, MIDAD_DATA_DIR: dataDir },
          encoding: 'utf8',
          timeout: 120_000,
        });
      assert.equal(midad(['init', '--no-demo']).status, 0);
      for (const [name, xml] of xmlBombs()) {
        const file = path.join(dataDir, 'export.xml');
        fs.writeFileSync(file, xml);
        const r = midad(['import', 'wordpress', file]);
        const db = new Database(path.join(dataDir, 'midad.db'), { readonly: true });
        const titles = db.prepare('SELECT title FROM articles').all() as { title: string }[];
        db.close();
        const said = `${r.stdout}${r.stderr}${titles.map((t) => t.title).join('\n')}`;
        report.record(
          `${name} (midad import)`,
          r.status !== null &&
            !/root:x:0|lollollol/.test(said) &&
            !/unexpected failure|\n\s+at /.test(r.stderr),
          `exit ${r.status}${r.stderr ? `: ${r.stderr.trim().split('\n')[0]?.slice(0, 80)}` : ''}`,
        );
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });
});

/** WordPress exports that try to expand entities or read files. */
function xmlBombs(): [string, string][] {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const channel = (title: string) =>
    `<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Site</title><wp:wxr_version>1.2</wp:wxr_version>` +
    `<item><title>${title}</title><dc:creator>admin</dc:creator><content:encoded><![CDATA[<p>Texte</p>]]></content:encoded><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name>bombe</wp:post_name></item></channel></rss>`;
  const laughs =
    `${head}<!DOCTYPE rss [<!ENTITY lol "lol">` +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('') +
    ']>' +
    channel('&lol9;');
  return [
    ['billion laughs', laughs],
    [
      'external entity to /etc/passwd',
      `${head}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${channel('&xxe;')}`,
    ],
    ['external DTD', `${head}<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd">${channel('Titre')}`],
    [
      'parameter entity',
      `${head}<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>${channel('Titre')}`,
    ],
  ];
}
