// `midad backup FILE` and `midad restore FILE`: the logic is in services/backup; these parse
// the arguments and print what was done.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createBackup } from '../services/backup/backup.ts';
import type { SiteDigests } from '../services/backup/digest.ts';
import { restoreBackup } from '../services/backup/restore.ts';
import { requireSite } from '../services/site-presence.ts';
import { requireInputFile } from './input-file.ts';
import { progressBars } from './progress.ts';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "43 articles, 120 comments, 5 people, 30 media" from the digests' row counts. */
export function contentCounts(digests: SiteDigests): string {
  const names: [string, string][] = [
    ['articles', 'articles'],
    ['comments', 'comments'],
    ['people', 'people'],
    ['media', 'media'],
    ['redirects', 'redirects'],
  ];
  return names.map(([table, label]) => `${digests[table]?.rows ?? 0} ${label}`).join(', ');
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent backup of the database, media and settings to one archive, while the site runs',
    )
    .argument('<file>', 'the archive to write (e.g. midad-2026-11-30.tar.gz); must not exist yet')
    .action(async (file: string) => {
      const config = loadConfig();
      await requireSite(config);
      const started = Date.now();
      const bars = progressBars();
      const summary = await createBackup(config, file, { onProgress: bars.onProgress }).finally(bars.stop);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `Backup written to ${summary.file} (${megabytes(summary.bytes)}, ${summary.manifest.files.length} files, ` +
          `${summary.manifest.engine}) in ${seconds} s: ${contentCounts(summary.manifest.digests)}.\n` +
          'It holds the site secret and password hashes: keep it private.\n',
      );
    });

  program
    .command('restore')
    .description('restore a backup into an empty data folder and database')
    .argument('<file>', 'an archive written by "midad backup"')
    .option('--force', 'replace a data folder or database that is not empty')
    .action(async (file: string, flags: { force?: boolean }) => {
      requireInputFile(file);
      const bars = progressBars();
      const summary = await restoreBackup(loadConfig(), file, {
        force: flags.force === true,
        onProgress: bars.onProgress,
      }).finally(bars.stop);
      process.stdout.write(
        `Restored the backup of ${summary.manifest.createdAt} into ${summary.dataDir} and ${summary.database}: ` +
          `${contentCounts(summary.manifest.digests)}; every checksum and content digest matched.\n`,
      );
    });
}
