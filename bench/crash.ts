// The crash test with as many kills as asked: `midad serve` killed with SIGKILL at random moments
// under comments, saves and publishes, restarted each time, and the database checked against
// every acknowledged write (see test/crash/run.ts). Exits 1 if anything acknowledged was lost or
// a check failed. With several workers (two unless --workers says otherwise) every second kill is
// of one worker alone, mid-write, and the others keep serving while the primary replaces it.
// Run: node --import tsx bench/crash.ts [--kills 500] [--workers 2] [--postgres] [--commenters 4]
//        [--editors 2]
// With --postgres the site lives in a fresh database made through MIDAD_TEST_POSTGRES_URL's
// connection, dropped at the end.
import { parseArgs } from 'node:util';
import { runCrashTest } from '../test/crash/run.ts';
import { createDatabase } from './support/postgres.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '500' },
    postgres: { type: 'boolean', default: false },
    commenters: { type: 'string', default: '4' },
    editors: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
  },
});
const positive = (name: string, value: string | undefined): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a whole number of at least 1, not "${value}"\n`);
    process.exit(2);
  }
  return n;
};
const kills = positive('kills', values.kills);
const commenters = positive('commenters', values.commenters);
const editors = positive('editors', values.editors);
const workers = positive('workers', values.workers);

const database = values.postgres ? await createDatabase('midad_bench_crash') : null;
try {
  const report = await runCrashTest({
    kills,
    commenters,
    editors,
    workers,
    ...(database ? { postgresUrl: database.url } : {}),
    log: (line) => console.log(line),
  });
  for (const line of [...report.lost, ...report.problems].slice(0, 20)) console.log(`  ${line}`);
  console.log(report.summary);
  process.exitCode = report.lost.length > 0 || report.problems.length > 0 ? 1 : 0;
} finally {
  await database?.drop();
}
