// `midad import wordpress EXPORT.xml`: moves a WordPress site in. Progress goes to stderr on
// a terminal, the summary to stdout, and the full report to a JSON file; fatal problems
// (unreadable or broken export, missing uploads folder) exit non-zero before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { Invalid } from '../core/errors.ts';
import { importWordPress, rebuildAfterImport } from '../services/import/run-import.ts';
import { summarize } from '../services/import/report.ts';
import { requireInputFile } from './input-file.ts';
import { progressBars } from './progress.ts';
import { openSite } from './site.ts';

interface ImportFlags {
  uploads?: string;
  dryRun?: boolean;
  defaultAuthor?: string;
  skipPingbacks?: boolean;
  categoryBase?: string;
  tagBase?: string;
  language?: string;
  report?: string;
  batchSize?: string;
}

function batchSizeOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new Invalid(`--batch-size must be a whole number from 1 to 10000, got "${value}".`);
  return n;
}

/** Declares `midad import` and its `wordpress` subcommand; returns the group for other sources. */
export function registerImport(program: Command): Command {
  const group = program.command('import').description('import content from another platform');
  group
    .command('wordpress')
    .description('import a WordPress export (Tools → Export → All content); safe to run again')
    .argument('<export>', 'the WXR file exported by WordPress')
    .option('--uploads <dir>', "the old site's wp-content/uploads folder, for images")
    .option('--dry-run', 'read and report without writing anything')
    .option('--default-author <email>', 'an existing person who gets posts whose author is unknown')
    .option('--skip-pingbacks', 'leave out pingbacks and trackbacks')
    .option('--category-base <base>', 'the old category base if not "category" (Settings → Permalinks)')
    .option('--tag-base <base>', 'the old tag base if not "tag"')
    .option('--language <tag>', 'the language of every post (BCP 47, e.g. fa), instead of reading the text')
    .option('--report <file>', 'where to write the JSON report (default: DATA_DIR/imports/)')
    .option('--batch-size <n>', 'items per transaction', undefined)
    .action(async (file: string, flags: ImportFlags) => {
      const config = loadConfig();
      const batchSize = batchSizeOf(flags.batchSize);
      requireInputFile(file);
      // A new site is set up first (`midad init --no-demo`): an import never creates one, so a
      // mistyped folder or DATABASE_URL is refused instead of filling a database nobody serves.
      const services = await openSite(config);
      const bars = progressBars();
      try {
        const report = await importWordPress(services, {
          file,
          ...(flags.uploads !== undefined ? { uploadsDir: flags.uploads } : {}),
          dryRun: flags.dryRun === true,
          ...(flags.defaultAuthor !== undefined ? { defaultAuthorEmail: flags.defaultAuthor } : {}),
          skipPingbacks: flags.skipPingbacks === true,
          ...(flags.categoryBase !== undefined ? { categoryBase: flags.categoryBase } : {}),
          ...(flags.tagBase !== undefined ? { tagBase: flags.tagBase } : {}),
          ...(flags.language !== undefined ? { language: flags.language } : {}),
          ...(batchSize !== undefined ? { batchSize } : {}),
          ...(bars.onProgress
            ? { onProgress: (done, total) => bars.onProgress?.('items', done, total) }
            : {}),
        });
        bars.stop();
        if (!report.dryRun) await rebuildAfterImport(services);
        const reportFile =
          flags.report ??
          path.join(config.dataDir, 'imports', `wordpress-${report.startedAt.replace(/[:.]/g, '-')}.json`);
        fs.mkdirSync(path.dirname(path.resolve(reportFile)), { recursive: true });
        fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
        process.stdout.write(summarize(report));
        process.stdout.write(`Report: ${reportFile}\n`);
        for (const w of report.warnings.slice(0, 20)) {
          process.stderr.write(
            `warning: ${path.basename(file)}${w.line ? `:${w.line}` : ''}: ${w.message}${w.times ? ` (${w.times} times)` : ''}\n`,
          );
        }
        if (report.warnings.length > 20) process.stderr.write(`… and more warnings in the report.\n`);
      } finally {
        bars.stop();
        await services.close();
      }
    });
  return group;
}
