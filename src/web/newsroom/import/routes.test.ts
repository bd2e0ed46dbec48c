// The WordPress import in the newsroom over HTTP: upload with options, a run followed to its
// summary, a dry run that writes nothing, refusals that leave nothing behind, one run at a time,
// and a run cut short offered again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { postMultipart } from '../../../../test/support/media-library.ts';

const EXPORT = path.join(import.meta.dirname, '../../../../test/fixtures/wxr/rubrique-pingbacks.xml');

let site: TestSite;
let admin: NewsroomClient;
let csrf: string;

before(async () => {
  site = await startTestSite();
  admin = new NewsroomClient(site.app, '198.51.100.1');
  await admin.signIn(site.admin.email, site.admin.password);
  const page = await admin.get('/newsroom/import');
  assert.equal(page.status, 200);
  csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
});
after(() => site.close());

const exportFile = (data = fs.readFileSync(EXPORT), name = 'le-fleuve.xml') => ({
  name,
  type: 'text/xml',
  data,
});

async function upload(fields: Record<string, string>, file = exportFile()) {
  return postMultipart(site, admin, { _csrf: csrf, ...fields }, file, 'text/html', '/newsroom/import');
}

async function finished(id: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const run = await site.services.repos.importRuns.byId(id);
    if (run && run.status !== 'queued' && run.status !== 'running') return run;
    assert.ok(Date.now() < deadline, 'the import ends within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const runId = (location: string | undefined) =>
  Number(/\/newsroom\/import\/(\d+)$/.exec(location ?? '')?.[1]);
const articleCount = async () =>
  Number(
    (
      await site.services.db.kysely
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('importing from the newsroom', () => {
  it('a dry run reads the export, shows its summary, and writes nothing', async () => {
    const before = await articleCount();
    const res = await upload({ dry_run: 'on' });
    assert.equal(res.status, 303);
    const run = await finished(runId(res.location));
    assert.equal(run.status, 'done', run.error ?? '');
    assert.equal(await articleCount(), before);
    const page = await admin.get(res.location ?? '');
    assert.match(page.body, /تجربة: لم يُكتب شيء/);
    assert.doesNotMatch(page.body, /http-equiv="refresh"/, 'a finished run no longer refreshes');
  });

  it('imports with the options chosen, and offers the full report', async () => {
    const res = await upload({ category_base: 'rubrique', tag_base: 'sujet', skip_pingbacks: 'on' });
    const run = await finished(runId(res.location));
    assert.equal(run.status, 'done', run.error ?? '');
    assert.equal(
      (await site.services.repos.redirects.byFromPath('/rubrique/economie'))?.toPath,
      '/fr/section/economie',
    );
    const page = await admin.get(res.location ?? '');
    assert.match(page.body, /<th scope="row">المقالات<\/th><td[^>]*>1<\/td>/);
    const report = await admin.get(`/newsroom/import/${run.id}/report.json`);
    assert.equal(report.status, 200);
    const json = JSON.parse(report.body) as { counts: { comments: { imported: number; skipped: number } } };
    assert.deepEqual([json.counts.comments.imported, json.counts.comments.skipped], [1, 2]);
    const audit = await site.services.repos.audit.list({ limit: 20 });
    assert.ok(audit.some((e) => e.action === 'import.started'));
    assert.ok(audit.some((e) => e.action === 'import.finished'));
  });

  it('a file that is not an export fails with a clear message naming the file, and can be retried', async () => {
    const res = await upload(
      {},
      exportFile(Buffer.from('<html><body>not an export</body></html>'), 'page.xml'),
    );
    const run = await finished(runId(res.location));
    assert.equal(run.status, 'failed');
    const page = await admin.get(res.location ?? '');
    assert.match(page.body, /page\.xml/);
    assert.doesNotMatch(page.body, /imports\/uploads/, 'no server path in the message');
    assert.match(page.body, /action="\/newsroom\/import\/\d+\/retry"/);
  });

  it('refuses bad options before keeping anything, and keeps what was typed', async () => {
    const folder = path.join(site.dataDir, 'imports', 'uploads');
    const before = fs.existsSync(folder) ? fs.readdirSync(folder).length : 0;
    const runs = (await site.services.repos.importRuns.list(100)).length;
    const res = await upload({ uploads_dir: '/no/such/folder', category_base: 'bad base' });
    assert.equal(res.status, 422);
    assert.match(res.body, /هذا المجلد غير موجود/);
    assert.match(res.body, /value="bad base"/);
    assert.equal((await site.services.repos.importRuns.list(100)).length, runs);
    assert.equal(fs.readdirSync(folder).length, before);
    const noFile = await postMultipart(site, admin, { _csrf: csrf }, null, 'text/html', '/newsroom/import');
    assert.equal(noFile.status, 422);
    assert.match(noFile.body, /اختر ملف التصدير/);
  });

  it('refuses a field given twice as malformed, keeping nothing', async () => {
    const folder = path.join(site.dataDir, 'imports', 'uploads');
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).length : 0;
    const runs = (await site.services.repos.importRuns.list(100)).length;
    for (const [field, after] of [
      ['dry_run', false],
      ['tag_base', true],
    ] as const) {
      const form = new FormData();
      form.append('_csrf', csrf);
      if (!after) form.append(field, 'on');
      if (!after) form.append(field, 'on');
      form.append('file', new Blob([new Uint8Array(fs.readFileSync(EXPORT))], { type: 'text/xml' }), 'x.xml');
      if (after) form.append(field, 'sujet');
      if (after) form.append(field, 'theme');
      const request = new Request('http://localhost/newsroom/import', { method: 'POST', body: form });
      const res = await site.app.inject({
        method: 'POST',
        url: '/newsroom/import',
        remoteAddress: '198.51.100.1',
        headers: {
          cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': request.headers.get('content-type') ?? '',
          accept: 'text/html',
        },
        payload: Buffer.from(await request.arrayBuffer()),
      });
      assert.equal(res.statusCode, 400, `${field}: ${res.body.slice(0, 200)}`);
    }
    assert.equal((await site.services.repos.importRuns.list(100)).length, runs);
    assert.equal(fs.existsSync(folder) ? fs.readdirSync(folder).length : 0, files);
  });

  it('runs one import at a time', async () => {
    const queued = await site.services.repos.importRuns.create({
      fileName: 'other.xml',
      filePath: '/nowhere/other.xml',
      options: {},
      personId: null,
      at: new Date().toISOString(),
    });
    const res = await upload({});
    assert.equal(res.status, 409);
    assert.match(res.body, /استيراد آخر جارٍ/);
    await site.services.repos.importRuns.finish(
      queued.id,
      { status: 'failed', error: 'test' },
      new Date().toISOString(),
    );
  });

  it('shows a run left behind by a stopped process as interrupted, with a way to try again', async () => {
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    const run = await site.services.repos.importRuns.create({
      fileName: 'cut.xml',
      filePath: EXPORT,
      options: {},
      personId: null,
      at: old,
    });
    await site.services.repos.importRuns.start(run.id, old);
    const page = await admin.get(`/newsroom/import/${run.id}`);
    assert.match(page.body, /توقف الخادم أثناء الاستيراد/);
    const retry = await admin.submit(`/newsroom/import/${run.id}`, `/newsroom/import/${run.id}/retry`, {});
    assert.equal(retry.status, 303);
    assert.equal((await finished(runId(retry.location))).status, 'done');
  });

  it('shows progress without a meta refresh, and answers it as JSON for the page script', async () => {
    const now = new Date().toISOString();
    const run = await site.services.repos.importRuns.create({
      fileName: 'progress.xml',
      filePath: '/nowhere/progress.xml',
      options: {},
      personId: null,
      at: now,
    });
    await site.services.repos.importRuns.start(run.id, now);
    await site.services.repos.importRuns.progress(run.id, 40, 160, now);
    const page = await admin.get(`/newsroom/import/${run.id}`);
    assert.doesNotMatch(page.body, /http-equiv="refresh"/);
    assert.match(page.body, new RegExp(`data-import-progress="/newsroom/import/${run.id}/progress.json"`));
    assert.match(page.body, /role="status" aria-live="polite"/);
    assert.match(page.body, new RegExp(`<a href="/newsroom/import/${run.id}">حدّث الصفحة لترى التقدّم</a>`));
    assert.match(page.body, /<script src="\/assets\/import-progress\.[0-9a-f]+\.js" defer/);
    const json = await admin.get(`/newsroom/import/${run.id}/progress.json`);
    assert.equal(json.status, 200);
    const body = JSON.parse(json.body);
    assert.deepEqual(
      { status: body.status, active: body.active, done: body.done, total: body.total },
      { status: 'running', active: true, done: 40, total: 160 },
    );
    assert.equal(body.progressText, '40 من 160 عنصر');
    await site.services.repos.importRuns.progress(run.id, 160, 160, now);
    await site.services.repos.importRuns.finish(
      run.id,
      { status: 'done', report: {} },
      new Date().toISOString(),
    );
    const ended = JSON.parse((await admin.get(`/newsroom/import/${run.id}/progress.json`)).body);
    assert.equal(ended.active, false);
    assert.equal(ended.statusText, 'اكتمل');
    const editor = await staffClient(site, 'editor', '198.51.100.3');
    assert.equal((await editor.get(`/newsroom/import/${run.id}/progress.json`)).status, 403);
    assert.equal((await admin.get('/newsroom/import/99999999/progress.json')).status, 404);
  });

  it('is for admins only, and needs its CSRF token', async () => {
    const editor = await staffClient(site, 'editor', '198.51.100.2');
    assert.equal((await editor.get('/newsroom/import')).status, 403);
    const runs = (await site.services.repos.importRuns.list(100)).length;
    const res = await postMultipart(
      site,
      editor,
      { _csrf: csrf },
      exportFile(),
      'text/html',
      '/newsroom/import',
    );
    assert.equal(res.status, 403);
    const forged = await postMultipart(
      site,
      admin,
      { _csrf: 'forged' },
      exportFile(),
      'text/html',
      '/newsroom/import',
    );
    assert.equal(forged.status, 403);
    assert.equal((await site.services.repos.importRuns.list(100)).length, runs);
  });
});
