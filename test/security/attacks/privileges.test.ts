// Attacks on what a signed-in person may do, over HTTP against a running site: ids changed in
// forms and URLs (an author saving, publishing or autosaving another's article), roles claimed
// in a profile form, and newsroom pages above one's role. Each refusal must change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newsroomMessages } from '../../../src/web/newsroom/messages.ts';
import { HttpClient } from '../../support/http-client.ts';
import { csrfFrom } from '../../support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../support/site.ts';
import { dataHash } from '../support/attack-site.ts';
import { AttackReport } from '../support/report.ts';
import { signedInStaff } from '../support/staff.ts';

const report = new AttackReport('privileges');
const t = newsroomMessages('ar');

describe('attack suite: ids changed in forms, claimed roles, pages above one’s role', {
  timeout: 120_000,
}, () => {
  let site: TestSite;
  let admin: HttpClient;

  before(async () => {
    site = await startTestSite({ listen: true });
    admin = new HttpClient(site.baseUrl);
    assert.equal((await admin.signIn(site.admin.email, site.admin.password)).status, 303);
  });

  after(async () => {
    report.print();
    await site?.close();
  });

  const staff = (role: 'admin' | 'editor' | 'author' | 'contributor', name: string) =>
    signedInStaff(site, role, name);

  const newDraft = async (client: HttpClient) => {
    const res = await client.submit('/newsroom/articles', '/newsroom/articles/new', {});
    const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(res.location ?? '')?.[1]);
    assert.ok(id > 0, `a draft was created: ${res.status} ${res.location}`);
    return id;
  };

  const articleFields = (title: string, version: string, intent = 'save') => ({
    title,
    slug: '',
    dek: 'Les éleveurs reviennent au marché de Tahoua après la saison des pluies.',
    body_html: '<p>Le marché hebdomadaire a retrouvé son animation.</p>',
    lang: 'fr',
    version,
    intent,
  });

  it('ids changed in forms and URLs, roles claimed in forms, pages above one’s role', async () => {
    const alice = await staff('author', 'Awa Sangaré');
    const bob = await staff('author', 'Boubacar Keïta');
    const contributor = await staff('contributor', 'Chaïma Bensalah');
    const editor = await staff('editor', 'Djibril Ouédraogo');
    const theirs = await newDraft(bob.client);
    const mine = await newDraft(alice.client);
    const db = site.services.db.kysely;
    const articleRow = (id: number) =>
      db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const bobsBefore = JSON.stringify(await articleRow(theirs));
    const version = String((await articleRow(theirs)).version);

    // Alice posts her form to Bob's article URL, with a token of her own.
    const token = csrfFrom((await alice.client.get(`/newsroom/articles/${mine}`)).body);
    const forged = await alice.client.post(`/newsroom/articles/${theirs}`, {
      _csrf: token,
      ...articleFields('Article détourné', version),
    });
    report.record(
      "author saves another author's article by changing the id in the URL",
      forged.status === 403 &&
        forged.body.includes(t.forbidden) &&
        JSON.stringify(await articleRow(theirs)) === bobsBefore,
      String(forged.status),
    );
    const autosave = await alice.client.post(`/newsroom/articles/${theirs}/autosave`, {
      _csrf: token,
      ...articleFields('Autosave détourné', version),
    });
    report.record(
      "author autosaves another author's article",
      autosave.status === 403 && JSON.stringify(await articleRow(theirs)) === bobsBefore,
      String(autosave.status),
    );
    // An `id` field in her own article's form does not redirect the save to Bob's.
    const mineVersion = String((await articleRow(mine)).version);
    const ownWithId = await alice.client.post(`/newsroom/articles/${mine}`, {
      _csrf: token,
      id: String(theirs),
      article_id: String(theirs),
      ...articleFields('Le marché de Tahoua', mineVersion),
    });
    report.record(
      'an id field in the form body is ignored',
      ownWithId.status === 303 &&
        (await articleRow(mine)).title === 'Le marché de Tahoua' &&
        JSON.stringify(await articleRow(theirs)) === bobsBefore,
      String(ownWithId.status),
    );
    const viewOthers = await alice.client.get(`/newsroom/articles/${theirs}`);
    report.record(
      "author opens another author's draft",
      viewOthers.status === 403,
      String(viewOthers.status),
    );

    // A contributor's own draft: they may submit it, never publish it.
    const draft = await newDraft(contributor.client);
    const cToken = csrfFrom((await contributor.client.get(`/newsroom/articles/${draft}`)).body);
    const draftBefore = JSON.stringify(await articleRow(draft));
    const publish = await contributor.client.post(`/newsroom/articles/${draft}`, {
      _csrf: cToken,
      ...articleFields('Publication forcée', String((await articleRow(draft)).version), 'publish'),
    });
    report.record(
      'contributor publishes their own draft',
      publish.status === 403 && JSON.stringify(await articleRow(draft)) === draftBefore,
      `${publish.status}, status ${(await articleRow(draft)).status}`,
    );

    // Alice's own profile form, with a role field added.
    const person = (id: number) =>
      db.selectFrom('people').select(['role', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
    const profile = await alice.client.submit(
      `/newsroom/people/${alice.person.id}`,
      `/newsroom/people/${alice.person.id}`,
      {
        name: 'Awa Sangaré',
        email: alice.email,
        slug: 'awa-sangare',
        role: 'admin',
        bio: 'Correspondante à Mopti.',
        locale: 'ar',
      },
    );
    report.record(
      'author claims the admin role in their own profile form',
      profile.status < 500 && (await person(alice.person.id)).role === 'author',
      `${profile.status}, role ${(await person(alice.person.id)).role}`,
    );
    const adminId = (await site.services.repos.people.byEmail(site.admin.email))!.id;
    const adminBefore = JSON.stringify(await person(adminId));
    const editOther = await alice.client.post(`/newsroom/people/${adminId}`, {
      _csrf: token,
      name: 'Compte pris',
      email: 'taken@evil.example',
      role: 'author',
    });
    report.record(
      "author edits the admin's profile by changing the id",
      editOther.status === 403 && JSON.stringify(await person(adminId)) === adminBefore,
      String(editOther.status),
    );

    for (const path of [
      '/newsroom/settings',
      '/newsroom/people',
      '/newsroom/webhooks',
      '/newsroom/import',
      '/newsroom/audit',
    ]) {
      const res = await editor.client.get(path);
      report.record(
        `editor opens ${path}`,
        res.status === 403 && res.body.includes(t.forbidden),
        String(res.status),
      );
    }
    const before = await dataHash(site.services);
    const eToken = csrfFrom((await editor.client.get('/newsroom/account')).body);
    for (const [path, fields] of [
      ['/newsroom/settings', { site_name: 'Pris' }],
      ['/newsroom/people', { name: 'Intrus', email: 'intrus@evil.example', role: 'admin' }],
      ['/newsroom/webhooks', { url: 'https://evil.example/hook' }],
      [
        `/newsroom/people/${editor.person.id}`,
        { name: 'Djibril Ouédraogo', email: editor.email, role: 'admin' },
      ],
    ] as const) {
      const res = await editor.client.post(path, { _csrf: eToken, ...fields });
      const role = (await person(editor.person.id)).role;
      report.record(
        `editor posts to ${path.replace(String(editor.person.id), ':own-id')}`,
        // Refused outright (403), refused as incomplete (422) with nothing written, or the
        // editor's own profile saved (303) without the role.
        role === 'editor' &&
          (res.status === 303 ||
            ((res.status === 403 || res.status === 422) && (await dataHash(site.services)) === before)),
        `${res.status}, role ${role}`,
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });
});
