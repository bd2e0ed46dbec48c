// `midad reindex`: rebuilds the search index from the articles, in one transaction, so
// searches keep answering from the old index until the new one is complete.
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openServices } from '../services/context.ts';

export function registerReindex(program: Command): void {
  program
    .command('reindex')
    .description('rebuild the search index from the published articles')
    .action(async () => {
      const services = await openServices(loadConfig());
      // The bar is for people; logs and pipes get one line at the end.
      const bar = process.stderr.isTTY
        ? new SingleBar({
            format: 'Indexing [{bar}] {percentage}% | {value}/{total} articles | {eta_formatted} left',
            hideCursor: true,
            stream: process.stderr,
          })
        : null;
      const started = Date.now();
      try {
        const count = await services.transaction((_repos, search) =>
          search.rebuild((done, total) => {
            if (!bar) return;
            if (done === 0) bar.start(total, 0);
            else bar.update(done, { total });
          }),
        );
        bar?.stop();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(`Indexed ${count} articles in ${seconds} s (${services.db.location}).\n`);
      } finally {
        bar?.stop();
        await services.close();
      }
    });
}
