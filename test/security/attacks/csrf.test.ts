// Cross-site request forgery against every state-changing newsroom route, listed from the
// running app's own route table: a new route is attacked as soon as it exists (and fails here
// until it is given real ids below). Each route is posted, over HTTP, as a signed-in admin's
// browser would post a forged form: without a token, with a wrong one from another site's page,
// and with a real token belonging to another person's session. Every one must be a 403 with the
// "form expired" message, and the stored data and media files must be exactly as before.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { newsroomMessages } from '../../../src/web/newsroom/messages.ts';
import { createApiToken } from '../../../src/services/api-tokens/create-token.ts';
import { hashToken } from '../../../src/services/auth/sessions.ts';
import { invitePerson } from '../../../src/services/people/invite.ts';
import { addStaff } from '../../../src/services/staff.ts';
import { HttpClient } from '../../support/http-client.ts';
import { csrfFrom } from '../../support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../support/site.ts';
import { AttackReport } from '../support/report.ts';
import {
  cookieHeader,
  dataHash,
  filesUnder,
  multipartBody,
  rawRequest,
  type Route,
  routesOf,
} from '../support/attack-site.ts';

const report = new AttackReport('csrf');
const CSRF_TEXT = newsroomMessages('ar').csrfFailed;
/** Routes whose forms are multipart (a file comes with them). */
const MULTIPART = new Set([
  '/newsroom/media',
  '/newsroom/import',
  '/newsroom/people/:id/photo',
  '/newsroom/settings/logo',
  '/newsroom/media/:id/poster/upload',
  '/newsroom/media/:id/tracks',
]);

describe('attack suite: CSRF on every state-changing newsroom route', { timeout: 120_000 }, () => {
  let site: TestSite;
  let admin: HttpClient;
  let otherToken = '';
  let routes: Route[] = [];
  const ids: Record<string, string> = {};
  let png: Buffer;

  before(async () => {
    site = await startTestSite({ listen: true });
    const { services } = site;
    const db = services.db.kysely;
    admin = new HttpClient(site.baseUrl);
    assert.equal((await admin.signIn(site.admin.email, site.admin.password)).status, 303);
    await addStaff(services, {
      email: 'editor.csrf@midad.example',
      name: 'Aminata Traoré',
      role: 'editor',
      password: 'niamey river crossing 2026',
    });
    const other = new HttpClient(site.baseUrl);
    assert.equal((await other.signIn('editor.csrf@midad.example', 'niamey river crossing 2026')).status, 303);
    otherToken = csrfFrom((await other.get('/newsroom/account')).body);

    // Real ids for every kind of route parameter.
    const now = new Date().toISOString();
    const article = site.mainArticle;
    const revision = await db
      .insertInto('revisions')
      .values({
        article_id: article.id,
        version: article.version,
        title: article.title,
        dek: article.dek,
        body_html: article.bodyHtml,
        person_id: null,
        reason: 'save',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const webhook = await db
      .insertInto('webhooks')
      .values({
        url: 'https://hooks.example/midad',
        secret: 'whsec-attack-suite',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const delivery = await db
      .insertInto('webhook_deliveries')
      .values({
        webhook_id: webhook.id,
        event: 'article.published',
        payload: '{}',
        status: 'failed',
        next_attempt_at: null,
        response_status: 500,
        duration_ms: 20,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = await db
      .insertInto('import_runs')
      .values({
        status: 'failed',
        file_name: 'export.xml',
        file_path: '/nonexistent/export.xml',
        options: '{}',
        person_id: null,
        error: 'test run',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const outboxRow = await db
      .insertInto('outbox')
      .values({
        channel: 'mail',
        dedup_key: 'csrf-attack:fixture',
        payload: '{}',
        status: 'failed',
        next_attempt_at: null,
        created_at: now,
        updated_at: now,
        sent_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const correction = await db
      .insertInto('article_corrections')
      .values({
        article_id: article.id,
        kind: 'correction',
        body: 'تصحيح لاختبار الحماية من تزوير الطلبات.',
        person_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const liveEntry = await db
      .insertInto('live_entries')
      .values({
        article_id: article.id,
        body_html: '<p>مستجد لاختبار الحماية من تزوير الطلبات.</p>',
        person_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const subscriber = await db
      .insertInto('newsletter_subscribers')
      .values({
        email: 'reader.csrf@midad.example',
        lang: 'ar',
        digest: 'weekly',
        status: 'confirmed',
        confirm_hash: null,
        confirm_expires_at: null,
        confirm_sent_at: null,
        unsubscribe_token: 'csrf-attack-fixture',
        created_at: now,
        confirmed_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An audio item with a caption track, for the track routes.
    const audioRow = await db
      .insertInto('media')
      .values({ path: 'csrf/talk.mp3', mime: 'audio/mpeg', size: 10, kind: 'audio', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const vttRow = await db
      .insertInto('media')
      .values({ path: 'csrf/talk.vtt', mime: 'text/vtt', size: 10, kind: 'captions', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const track = await db
      .insertInto('media_tracks')
      .values({
        media_id: audioRow.id,
        track_media_id: vttRow.id,
        lang: 'ar',
        label: 'العربية',
        kind: 'captions',
        position: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = async (table: 'sections' | 'tags' | 'media' | 'comments') =>
      String((await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id);
    const adminPerson = await services.repos.people.byEmail(site.admin.email);
    const invited = await invitePerson(
      services,
      { person: adminPerson!, ipHash: '' },
      {
        name: 'Moussa Diallo',
        email: 'invited.csrf@midad.example',
        role: 'author',
      },
    );
    assert.ok(
      await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', hashToken(invited.token))
        .executeTakeFirst(),
    );
    const apiToken = await createApiToken(
      services,
      { person: adminPerson!, ipHash: '' },
      { name: 'CSRF attack fixture', expiresInDays: null },
    );
    Object.assign(ids, {
      tokens: String(apiToken.token.id),
      outbox: String(outboxRow.id),
      subscribers: String(subscriber.id),
      cid: String(correction.id),
      eid: String(liveEntry.id),
      trackId: String(track.id),
      articles: String(article.id),
      rid: String(revision.id),
      webhooks: String(webhook.id),
      deliveryId: String(delivery.id),
      import: String(run.id),
      sections: await first('sections'),
      tags: await first('tags'),
      media: await first('media'),
      comments: await first('comments'),
      people: String(invited.person.id),
      token: invited.token,
    });
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a6' } })
      .png()
      .toBuffer();
    routes = routesOf(site.app).filter(
      (r) => r.url.startsWith('/newsroom') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
    );
  });

  after(async () => {
    report.print();
    await site?.close();
  });

  /** The route's URL with its parameters set to real ids, by the folder they follow. */
  const fill = (url: string): string =>
    url
      .replace(/\/([a-z-]+)\/:id\b/, (_, folder: string) => {
        const id = ids[folder];
        if (!id) throw new Error(`no real id for ${url}: add one to the CSRF attack's fixtures`);
        return `/${folder}/${id}`;
      })
      .replace(/:(rid|cid|eid|deliveryId|token|trackId)\b/g, (_, name: string) => ids[name] ?? '');

  const forge = (route: Route, token: string | null, headers: Record<string, string>) => {
    const fields: Record<string, string> = token === null ? {} : { _csrf: token };
    const path = fill(route.url);
    if (MULTIPART.has(route.url)) {
      const { body, contentType } = multipartBody(fields, {
        field: 'file',
        name: 'photo.png',
        type: 'image/png',
        data: png,
      });
      return rawRequest(site.baseUrl, {
        method: route.method,
        path,
        headers: { ...headers, 'content-type': contentType },
        body,
      });
    }
    // Fields a real form of each route would carry, so only the token is missing.
    const body = new URLSearchParams({
      ...fields,
      title: 'Forged',
      name: 'Forged',
      role: 'admin',
      url: 'https://evil.example/',
    });
    return rawRequest(site.baseUrl, {
      method: route.method,
      path,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  };

  it('finds the state-changing routes in the route table', () => {
    assert.ok(routes.length >= 40, `only ${routes.length} state-changing newsroom routes found`);
    assert.ok(routes.some((r) => r.url === '/newsroom/articles/:id'));
    assert.ok(routes.some((r) => r.url === '/newsroom/webhooks/:id/deliveries/:deliveryId/retry'));
  });

  it('refuses a forged form on each of them, with nothing changed', async () => {
    const session = () => ({ cookie: cookieHeader(admin.cookies) });
    const attempts: [string, string | null, Record<string, string>][] = [
      ['no token', null, session()],
      [
        'wrong token, posted from another site',
        'forged-token-0123456789abcdefghijkl',
        {
          ...session(),
          origin: 'https://evil.example',
          referer: 'https://evil.example/page',
        },
      ],
      ["another person's token", otherToken, session()],
    ];
    for (const route of routes) {
      for (const [label, token, headers] of attempts) {
        const name = `${route.method} ${route.url}: ${label}`;
        const before = await dataHash(site.services);
        const files = filesUnder(site.dataDir);
        const res = await forge(route, token, headers);
        const unchanged = (await dataHash(site.services)) === before;
        const noFile = JSON.stringify(filesUnder(site.dataDir)) === JSON.stringify(files);
        const refused = res.status === 403 && res.body.includes(CSRF_TEXT);
        // With a full session, the second-factor form has nothing pending to complete.
        const codeForm =
          route.url === '/newsroom/sign-in/code' &&
          res.status === 303 &&
          res.headers.location === '/newsroom/sign-in';
        report.record(
          name,
          (refused || codeForm) && unchanged && noFile,
          `${res.status}${unchanged ? '' : ', data changed'}${noFile ? '' : ', file written'}`,
        );
      }
    }
    // The admin's session survived every forged sign-out.
    assert.equal((await admin.get('/newsroom')).status, 200, 'the admin is still signed in');
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('refuses the same forms posted with no session at all', async () => {
    for (const route of routes) {
      if (route.url.startsWith('/newsroom/sign-') || route.url.startsWith('/newsroom/invite/')) continue;
      const before = await dataHash(site.services);
      const res = await forge(route, 'forged-token-0123456789abcdefghijkl', {});
      const unchanged = (await dataHash(site.services)) === before;
      report.record(
        `${route.method} ${route.url}: no session`,
        res.status === 403 && res.body.includes(CSRF_TEXT) && unchanged,
        String(res.status),
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('refuses a sign-in and an invitation acceptance without the pre-session token', async () => {
    const visitor = new HttpClient(site.baseUrl);
    await visitor.get('/newsroom/sign-in'); // holds a pre-session cookie, but posts no token
    for (const [path, fields] of [
      ['/newsroom/sign-in', { email: site.admin.email, password: site.admin.password }],
      [
        `/newsroom/invite/${ids.token}`,
        { password: 'gao market stalls 2026', confirm: 'gao market stalls 2026' },
      ],
    ] as const) {
      const before = await dataHash(site.services, ['people', 'invitations', 'sessions']);
      const res = await visitor.post(path, { ...fields, _csrf: 'forged-token-0123456789abcdefghijkl' });
      const unchanged = (await dataHash(site.services, ['people', 'invitations', 'sessions'])) === before;
      report.record(
        `POST ${path.replace(ids.token ?? '', ':token')}: pre-session token forged`,
        res.status === 403 &&
          res.body.includes(CSRF_TEXT) &&
          unchanged &&
          !visitor.cookies.has('midad_session'),
        String(res.status),
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => c.name),
      [],
    );
  });
});
