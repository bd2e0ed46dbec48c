// `midad reindex`: rebuilds the search index and the related-articles lists from the articles,
// in one transaction, so searches and article pages keep answering from the old ones until the
// new ones are complete.
import type { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { singleBar } from './progress.ts';
import { openSite } from './site.ts';

/** A progress bar on a terminal; nothing for logs and pipes, which get one line at the end. */
function progressBar(what: string) {
  if (!process.stderr.isTTY) return null;
  return singleBar({
    format: `${what} [{bar}] {percentage}% | {value}/{total} articles | {eta_formatted} left`,
    hideCursor: true,
    stream: process.stderr,
  });
}

function follow(bar: SingleBar | null) {
  let started = false;
  return (done: number, total: number) => {
    if (!bar) return;
    if (!started) {
      bar.start(total, done);
      started = true;
    } else bar.update(Math.floor(done), { total });
  };
}

export function registerReindex(program: Command): void {
  program
    .command('reindex')
    .description('rebuild the search index and the related-articles lists from the published articles')
    .action(async () => {
      const services = await openSite(loadConfig());
      const bars = {
        search: progressBar('Indexing'),
        terms: progressBar('Related: terms'),
        lists: progressBar('Related: lists'),
      };
      const started = Date.now();
      try {
        const count = await services.transaction(async (_repos, search) => {
          const onSearch = follow(bars.search);
          const indexed = await search.rebuild(onSearch);
          bars.search?.stop();
          const onTerms = follow(bars.terms);
          const onLists = follow(bars.lists);
          await search.related.rebuild((stage, done, total) => {
            if (stage === 'terms') onTerms(done, total);
            else {
              bars.terms?.stop();
              onLists(done, total);
            }
          });
          return indexed;
        });
        for (const bar of Object.values(bars)) bar?.stop();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `Indexed ${count} articles and their related articles in ${seconds} s (${services.db.location}).\n`,
        );
      } finally {
        for (const bar of Object.values(bars)) bar?.stop();
        await services.close();
      }
    });
}
