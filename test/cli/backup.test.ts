// `midad backup` and `midad restore` as an operator runs them, on SQLite and on PostgreSQL: a
// backup taken while the site serves and writes restores to a consistent copy, and a backup of
// a quiet site restores to a site identical to it, table by table and file by file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { differences } from '../../src/services/backup/digest.ts';
import {
  cleanUp,
  freshPostgres,
  midad,
  readManifest,
  seedExtra,
  siteDigests,
  tempDir,
} from '../support/backup.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

after(cleanUp);

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`backup and restore on ${engine}`, () => {
    let site: TestSite;
    let env: Record<string, string>;
    const sourceUrl = () => env.DATABASE_URL ?? `sqlite:${path.join(site.dataDir, 'midad.db')}`;

    /** Where a restore goes: a fresh data folder and, on PostgreSQL, a fresh database. */
    async function freshTarget(): Promise<Record<string, string>> {
      const dataDir = path.join(tempDir(), 'restored');
      return engine === 'postgres'
        ? { MIDAD_DATA_DIR: dataDir, DATABASE_URL: await freshPostgres() }
        : { MIDAD_DATA_DIR: dataDir };
    }
    const targetUrl = (t: Record<string, string>) =>
      t.DATABASE_URL ?? `sqlite:${path.join(t.MIDAD_DATA_DIR as string, 'midad.db')}`;

    before(async () => {
      const databaseUrl = engine === 'postgres' ? await freshPostgres() : undefined;
      site = await startTestSite({ listen: true, ...(databaseUrl ? { databaseUrl } : {}) });
      await seedExtra(site.services);
      env = { MIDAD_DATA_DIR: site.dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    });
    after(() => site?.close());

    it('backs up while the site serves and takes comments, and restores that moment exactly', async () => {
      const article = site.mainArticle;
      const countComments = async () =>
        Number(
          (
            await site.services.db.kysely
              .selectFrom('comments')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const atStart = await countComments();
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await site.services.repos.comments.create({
            articleId: article.id,
            status: 'approved',
            authorName: 'Moussa Cissé',
            authorEmail: 'moussa@example.org',
            body: `Commentaire ${written + 1} pendant la sauvegarde : le marché de Gao rouvre.`,
          });
          written += 1;
          const page = await fetch(
            `${site.baseUrl}/article/${article.id}/${encodeURIComponent(article.slug)}`,
          );
          assert.equal(page.status, 200);
        }
      })();
      const archive = path.join(tempDir(), 'live.tar.gz');
      const backup = await midad(['backup', archive], env);
      writing = false;
      await writer;
      assert.equal(backup.status, 0, backup.stderr);
      assert.match(backup.stdout, /Backup written to .*live\.tar\.gz/);
      assert.ok(written > 0, 'comments were written while the backup ran');

      const target = await freshTarget();
      const restore = await midad(['restore', archive], target);
      assert.equal(restore.status, 0, restore.stderr);
      const manifest = await readManifest(archive);
      const restored = await siteDigests(
        targetUrl(target),
        path.join(target.MIDAD_DATA_DIR as string, 'media'),
      );
      assert.deepEqual(
        differences(manifest.digests, restored),
        [],
        'the restored site is the backed-up moment',
      );
      const comments = restored.comments?.rows ?? 0;
      assert.ok(comments >= atStart && comments <= (await countComments()), `${comments} comments`);
    });

    it('restores a quiet site identically: articles, comments, people, media rows and files, redirects, settings', async () => {
      const archive = path.join(tempDir(), 'quiet.tar.gz');
      const backup = await midad(['backup', archive], env);
      assert.equal(backup.status, 0, backup.stderr);
      const manifest = await readManifest(archive);
      assert.equal(manifest.engine, engine);
      assert.ok(manifest.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256)));

      const target = await freshTarget();
      const restore = await midad(['restore', archive], target);
      assert.equal(restore.status, 0, restore.stderr);
      assert.match(restore.stdout, /every checksum and content digest matched/);

      const live = await siteDigests(sourceUrl(), site.services.config.mediaRoot);
      const restored = await siteDigests(
        targetUrl(target),
        path.join(target.MIDAD_DATA_DIR as string, 'media'),
      );
      assert.deepEqual(differences(live, restored), []);
      for (const table of [
        'articles',
        'comments',
        'people',
        'media',
        'redirects',
        'settings',
        'media files',
      ]) {
        assert.ok((restored[table]?.rows ?? 0) > 0, `${table} has rows`);
      }
      // The restored site is a working site: migrations are current and it answers with the content.
      const migrate = await midad(['migrate'], target);
      assert.match(migrate.stdout, /is up to date/);
      const files = fs.readdirSync(path.join(target.MIDAD_DATA_DIR as string, 'media'), { recursive: true });
      assert.ok(files.length > 0);
    });
  });
}
