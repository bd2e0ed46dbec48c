// `midad export FILE` and `midad import midad FILE`: the site as portable JSON and back, which
// also moves a site from SQLite to PostgreSQL. The logic is in services/backup.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { exportSite } from '../services/backup/export.ts';
import { loadExport } from '../services/backup/load.ts';
import { requireSite } from '../services/site-presence.ts';
import { contentCounts } from './backup.ts';
import { requireInputFile } from './input-file.ts';
import { progressBars } from './progress.ts';

export function registerExport(program: Command, importGroup: Command): void {
  program
    .command('export')
    .description('write the whole site (content, people, settings, media) as portable JSON')
    .argument('<file>', 'the JSON file to write; must not exist yet')
    .option('--without-media', 'leave the media files out (copy the media folder yourself)')
    .action(async (file: string, flags: { withoutMedia?: boolean }) => {
      const config = loadConfig();
      await requireSite(config);
      const bars = progressBars();
      const summary = await exportSite(config, file, {
        withoutMedia: flags.withoutMedia === true,
        onProgress: bars.onProgress,
      }).finally(bars.stop);
      const media =
        summary.mediaFiles === null ? 'media files left out' : `${summary.mediaFiles} media files`;
      process.stdout.write(
        `Exported ${contentCounts(summary.digests)} and ${media} to ${summary.file} ` +
          `(${(summary.bytes / 1024 / 1024).toFixed(1)} MB).\n` +
          'It holds password hashes and the site secret: keep it private.\n',
      );
    });

  importGroup
    .command('midad')
    .description('load a "midad export" file into an empty site, in one transaction')
    .argument('<file>', 'the JSON file written by "midad export"')
    .option('--force', "replace the site's content and media if it is not empty")
    .action(async (file: string, flags: { force?: boolean }) => {
      requireInputFile(file);
      const bars = progressBars();
      const summary = await loadExport(loadConfig(), file, {
        force: flags.force === true,
        onProgress: bars.onProgress,
      }).finally(bars.stop);
      const media =
        summary.mediaFiles === null
          ? 'no media files (copy the media folder)'
          : `${summary.mediaFiles} media files`;
      process.stdout.write(
        `Loaded ${contentCounts(summary.digests)} and ${media}; ${summary.articlesIndexed} articles indexed; ` +
          'every content digest matched.\n',
      );
    });
}
