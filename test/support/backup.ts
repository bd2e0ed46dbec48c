// What the backup, restore and export tests share: the `midad` command run as an operator runs
// it (asynchronously, so the test can keep writing to the live site meanwhile), throw-away
// PostgreSQL databases, extra content to seed, and the content digests of a data folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { createDatabase } from '../../bench/support/postgres.ts';
import { openDatabase } from '../../src/db/connect.ts';
import {
  MEDIA_FILES,
  mediaDigest,
  type SiteDigests,
  tableDigests,
} from '../../src/services/backup/digest.ts';
import { Manifest } from '../../src/services/backup/manifest.ts';
import type { Services } from '../../src/services/context.ts';

const BIN = path.resolve('bin/midad.js');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `midad ARGS` with only the given Midad settings (none leak from the test's own environment). */
export function midad(args: string[], env: Record<string, string>): Promise<RunResult> {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of ['DATABASE_URL', 'MIDAD_DATA_DIR', 'REDIS_URL']) delete base[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const cleanups: (() => Promise<void> | void)[] = [];

/** Removes every temporary folder and database the helpers made; call from `after`. */
export async function cleanUp(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn();
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-backup-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new, empty PostgreSQL database, dropped by cleanUp(). */
export async function freshPostgres(): Promise<string> {
  const db = await createDatabase('midad_backup_test');
  cleanups.push(() => db.drop());
  return db.url;
}

/**
 * Adds what the demo lacks: a person, a comment thread with a reply (and one reply whose parent
 * has the higher id, as an import can leave), a redirect, and a setting.
 */
export async function seedExtra(services: Services): Promise<void> {
  const { repos } = services;
  const article = (await repos.articles.listPublished({ lang: 'fr', limit: 1 })).items[0];
  if (!article) throw new Error('the demo has no French article');
  await repos.people.create({
    email: 'fatoumata.traore@midad.example',
    name: 'Fatoumata Traoré',
    slug: 'fatoumata-traore',
    role: 'author',
    bio: 'Correspondante à Ségou, elle suit la culture et l’économie du fleuve.',
  });
  const first = await repos.comments.create({
    articleId: article.id,
    status: 'approved',
    authorName: 'Ibrahim Maïga',
    authorEmail: 'ibrahim@example.org',
    body: 'Merci pour ce reportage sur la saison des pluies à Mopti.',
  });
  await repos.comments.create({
    articleId: article.id,
    parentId: first.id,
    status: 'approved',
    authorName: 'Awa Diallo',
    authorEmail: 'awa@example.org',
    body: 'Les chiffres de la récolte de riz sont aussi parus hier.',
  });
  const later = await repos.comments.create({
    articleId: article.id,
    status: 'pending',
    authorName: 'سيدي محمد',
    authorEmail: 'sidi@example.org',
    body: 'شكراً على هذا التقرير عن موسم الأمطار.',
  });
  await services.db.kysely
    .updateTable('comments')
    .set({ parent_id: later.id })
    .where('id', '=', first.id)
    .execute();
  await repos.redirects.create({
    fromPath: '/2019/05/ancien-article-festival',
    toPath: `/article/${article.id}`,
  });
  await repos.settings.set('site.tagline', 'L’actualité du Sahel en trois langues');
}

/** The content digests (every content table and the media files) of a site. */
export async function siteDigests(databaseUrl: string, mediaRoot: string): Promise<SiteDigests> {
  const db = await openDatabase(databaseUrl);
  try {
    return { ...(await tableDigests(db)), [MEDIA_FILES]: await mediaDigest(mediaRoot) };
  } finally {
    await db.close();
  }
}

/** The manifest of a backup archive, read with tar as an operator would look at it. */
export async function readManifest(archive: string): Promise<Manifest> {
  const dir = tempDir();
  await tar.x({ file: archive, cwd: dir, filter: (p) => p === 'manifest.json' });
  return Manifest.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
}

/** Unpacks an archive, lets `change` alter the files, and packs them again as `output`. */
export async function tamper(archive: string, output: string, change: (dir: string) => void): Promise<void> {
  const dir = tempDir();
  await tar.x({ file: archive, cwd: dir });
  change(dir);
  const entries = fs.readdirSync(dir);
  await tar.c({ gzip: true, file: output, cwd: dir }, entries);
}

/** A listing of a folder with every file's size and modification time, to show nothing changed. */
export function snapshotDir(dir: string): string {
  if (!fs.existsSync(dir)) return 'absent';
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((rel) => {
      const stat = fs.statSync(path.join(dir, rel));
      return `${rel} ${stat.isFile() ? stat.size : 'dir'} ${stat.mtimeMs}`;
    })
    .join('\n');
}
