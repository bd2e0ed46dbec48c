// Readers at full speed while an editor publishes: a real `midad serve` with 10,000 articles,
// readers over keep-alive connections (a quarter of them on the home page, the others on 150
// article pages), first alone, then while an editor signed in as the admin publishes 100
// articles through the newsroom's forms (list page, new draft, editor page, save-and-publish,
// the confirmation page), one after the other. One more client polls the home page, as a
// reader reloading it would, and notes when each new title shows up. Prints reader req/s and p50/p99
// before and during publishing, the publish latency, the delay until each article is on the
// home page, and the server's peak RSS. Every target is 127.0.0.1.
// Run: node --import tsx bench/publish-under-load.ts [--articles 10000] [--publishes 100]
//        [--seconds 10] [--connections 32] [--pause 0] [--postgres]
// --pause is the editor's wait in ms between two articles (none by default: the newsroom works
// flat out, the hardest case for readers).
// With --postgres the site lives in a fresh database made through MIDAD_TEST_POSTGRES_URL's
// connection, dropped at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type LoadResult, percentile, runLoad } from './load.ts';
import { createDatabase } from './support/postgres.ts';
import { seedSite } from './support/seed.ts';
import { atCleanup, BROWSER, cleanUp, measure, type Server, startMidad, stop } from './support/servers.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { csrfFrom } from '../test/support/newsroom-client.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    publishes: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    pause: { type: 'string', default: '0' },
    postgres: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const PUBLISHES = Number(values.publishes);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
/** The editor's pause between two articles, in ms; with none, the newsroom works flat out. */
const PAUSE_MS = Number(values.pause);
const WARM_UP_SECONDS = 2;
/** The longest the editor may take for all the publishing; what is left is not published. */
const PUBLISHING_LIMIT_S = 300;
/** How long after its publish an article may take to reach the home page before it counts as missing. */
const VISIBLE_LIMIT_MS = 10_000;

const SUBJECTS = [
  'أسعار الحبوب تستقر في أسواق نيامي',
  'موسم الأمطار يبدأ مبكرا في شمال بوركينا فاسو',
  'مهرجان للموسيقى التقليدية في باماكو',
  'افتتاح طريق جديد بين غاو وموبتي',
  'بطولة كرة القدم المدرسية تنطلق في نجامينا',
  'معرض للصناعات الجلدية في أغاديس',
];

/** The editor form's fields for bulletin `n`: an original short Arabic news item. */
function bulletin(n: number, sectionId: string): { title: string; fields: Record<string, string> } {
  const subject = SUBJECTS[n % SUBJECTS.length]!;
  // "رقم 1:" is not inside "رقم 10:": each title is found on the home page as itself only.
  const title = `نشرة رقم ${n}: ${subject}`;
  return {
    title,
    fields: {
      title,
      slug: '',
      dek: `متابعة قصيرة من مراسلينا في منطقة الساحل، النشرة ${n}.`,
      body_html:
        `<p>${subject}، بحسب ما أفاد به مراسلونا صباح اليوم.</p>` +
        '<p>وقال مسؤولون محليون إن الاستعدادات جرت في هدوء، وإن الأسابيع المقبلة ستشهد متابعة للوضع.</p>',
      lang: 'ar',
      section_id: sectionId,
      tags: 'نشرات',
      comments_open: 'on',
    },
  };
}

/** The editor's requests for one article, in order. */
const STEPS = [
  'article list',
  'new draft (POST)',
  'editor page',
  'save and publish (POST)',
  'confirmation page',
];

interface Published {
  title: string;
  /** performance.now() when the publish POST was sent, and when its answer arrived. */
  sentAt: number;
  answeredAt: number;
  /** When the poller first saw the title on the home page. */
  seenAt?: number;
  /** Each request's time, as STEPS, and all of them. */
  stepMs: number[];
  flowMs: number;
}

/** The editor: one article after another, each through the newsroom's forms, as a browser posts them. */
async function publishAll(editor: HttpClient, log: Published[], pending: Map<string, Published>) {
  const deadline = performance.now() + PUBLISHING_LIMIT_S * 1000;
  for (let n = 1; n <= PUBLISHES && performance.now() < deadline; n++) {
    if (n > 1 && PAUSE_MS > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const stepMs: number[] = [];
    const timed = async <T>(request: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const answer = await request();
      stepMs.push(performance.now() - t0);
      return answer;
    };
    const start = performance.now();
    const list = await timed(() => editor.get('/newsroom/articles'));
    if (list.status !== 200) throw new Error(`article list: ${list.status}`);
    const created = await timed(() => editor.post('/newsroom/articles/new', { _csrf: csrfFrom(list.body) }));
    const id = /\/newsroom\/articles\/(\d+)$/.exec(created.location ?? '')?.[1];
    if (created.status !== 303 || !id) throw new Error(`new draft: ${created.status}`);
    const page = await timed(() => editor.get(`/newsroom/articles/${id}`));
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
    const select = /name="section_id"[^>]*>([\s\S]*?)<\/select>/.exec(page.body)?.[1] ?? '';
    const sections = [...select.matchAll(/value="(\d+)"/g)].map((m) => m[1]!);
    if (page.status !== 200 || !version) throw new Error(`editor page: ${page.status}`);
    const { title, fields } = bulletin(n, sections[n % Math.max(1, sections.length)] ?? '');
    const entry: Published = { title, sentAt: performance.now(), answeredAt: 0, stepMs, flowMs: 0 };
    pending.set(title, entry);
    const res = await timed(() =>
      editor.post(`/newsroom/articles/${id}`, {
        _csrf: csrfFrom(page.body),
        version,
        ...fields,
        intent: 'publish',
      }),
    );
    entry.answeredAt = performance.now();
    if (res.status !== 303) throw new Error(`publish: ${res.status} ${res.body.slice(0, 300)}`);
    const confirmation = await timed(() => editor.get(res.location ?? `/newsroom/articles/${id}`));
    if (confirmation.status !== 200) throw new Error(`confirmation page: ${confirmation.status}`);
    entry.flowMs = performance.now() - start;
    log.push(entry);
  }
}

/** A reader reloading the home page until every published title was seen on it (or time is up). */
async function pollHome(reader: HttpClient, pending: Map<string, Published>, done: () => boolean) {
  let polls = 0;
  let lastNews = performance.now();
  for (;;) {
    const page = await reader.get('/');
    const now = performance.now();
    polls++;
    if (page.status !== 200) throw new Error(`home page: ${page.status}`);
    for (const [title, entry] of pending) {
      if (page.body.includes(title)) {
        entry.seenAt = now;
        pending.delete(title);
        lastNews = now;
      } else if (now - entry.sentAt > VISIBLE_LIMIT_MS) {
        pending.delete(title);
      }
    }
    // Once the editor is done: on until nothing is pending, and never past the limit.
    if (done() && (pending.size === 0 || now - lastNews > VISIBLE_LIMIT_MS)) return polls;
  }
}

function stats(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-publish-'));
atCleanup(async () => fs.rmSync(work, { recursive: true, force: true }));
try {
  const dataDir = path.join(work, 'data');
  let databaseUrl: string | undefined;
  if (values.postgres) {
    const database = await createDatabase('midad_bench_publish');
    atCleanup(database.drop);
    databaseUrl = database.url;
  }
  const t = performance.now();
  const site = await seedSite({ dataDir, articles: ARTICLES, ...(databaseUrl ? { databaseUrl } : {}) });
  console.log(
    `${ARTICLES} articles seeded and indexed on ${values.postgres ? 'PostgreSQL' : 'SQLite'} in ` +
      `${((performance.now() - t) / 1000).toFixed(0)} s; ${os.cpus().length} CPUs, load average ` +
      `${os.loadavg()[0]!.toFixed(2)}; ${CONNECTIONS} reader connections`,
  );
  const server: Server = await startMidad({ dataDir, cacheMb: 64, ...(databaseUrl ? { databaseUrl } : {}) });

  // 150 article pages spread over the ids (the featured one first). Home-page readers have
  // connections of their own: a publish makes the home page render again, and readers of
  // articles should not be counted as waiting for it.
  const step = Math.max(1, Math.floor(site.spread.length / 149));
  const articles = [site.hot, ...site.spread.filter((_, i) => i % step === 0).slice(0, 149)];
  const homeConnections = Math.max(1, Math.round(CONNECTIONS / 4));
  const groups = [
    { name: 'home page', paths: ['/'], connections: homeConnections },
    { name: `${articles.length} article pages`, paths: articles, connections: CONNECTIONS - homeConnections },
  ];

  const editor = new HttpClient(`http://127.0.0.1:${server.port}`);
  const reader = new HttpClient(`http://127.0.0.1:${server.port}`);
  const signedIn = await editor.signIn(site.admin.email, site.admin.password);
  if (signedIn.status !== 303) throw new Error(`sign-in as the admin: ${signedIn.status}`);

  const before = await Promise.all(
    groups.map((g) => measure({ port: server.port, ...g, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS })),
  );

  const log: Published[] = [];
  const pending = new Map<string, Published>();
  let editorDone = false;
  const publishStart = performance.now();
  let publishedAt = 0;
  const publishing = publishAll(editor, log, pending).finally(() => {
    editorDone = true;
    publishedAt = performance.now();
  });
  const polling = pollHome(reader, pending, () => editorDone);
  // Awaited below; if the editor fails first, this one ends when the server is stopped.
  polling.catch(() => {});
  const during: LoadResult[] = await Promise.all(
    groups.map((g) =>
      runLoad({
        port: server.port,
        ...g,
        seconds: PUBLISHING_LIMIT_S + 10,
        until: publishing,
        headers: BROWSER,
      }),
    ),
  );
  await publishing;
  const polls = await polling;
  const bad = during.flatMap((r) => [...r.statuses].filter(([status]) => status !== 200));
  if (bad.length > 0) throw new Error(`readers got unexpected answers: ${JSON.stringify(bad)}`);
  const rss = await stop(server);

  console.log('\n| readers | connections | seconds | requests | req/s | p50 ms | p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [when, results] of [
    ['before publishing', before],
    ['while publishing', during],
  ] as const) {
    results.forEach((r, i) => {
      const { name, connections } = groups[i]!;
      console.log(
        `| ${when}: ${name} | ${connections} | ${r.seconds.toFixed(1)} | ${r.requests} | ` +
          `${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} |`,
      );
    });
    const total = results.reduce((sum, r) => sum + r.perSecond, 0);
    console.log(`| ${when}: all readers | ${CONNECTIONS} | | | ${total.toFixed(0)} | | |`);
  }
  const seen = log.filter((e) => e.seenAt !== undefined);
  const rows: [string, number[]][] = [
    ...STEPS.map((step, i): [string, number[]] => [`editor: ${step}`, log.map((e) => e.stepMs[i]!)]),
    ['editor: all five requests', log.map((e) => e.flowMs)],
    ['on the home page, from the publish request', seen.map((e) => e.seenAt! - e.sentAt)],
    ['on the home page, from the editor’s answer', seen.map((e) => e.seenAt! - e.answeredAt)],
  ];
  console.log(`\n| ${log.length} articles published | p50 ms | p99 ms | max ms |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, values] of rows) {
    const s = stats(values);
    console.log(`| ${name} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`);
  }
  console.log(
    `\n${log.length} articles published in ${((publishedAt - publishStart) / 1000).toFixed(1)} s` +
      `${PAUSE_MS > 0 ? ` (${PAUSE_MS} ms between two)` : ', one after the other'}; ` +
      `${seen.length} of ${log.length} titles seen on the home page (within ${VISIBLE_LIMIT_MS / 1000} s), ` +
      `${polls} polls by one reader; a negative delay from the editor's answer means a reader ` +
      'saw the article before the editor was told it was published',
  );
  console.log(`peak RSS of the server: ${rss.toFixed(0)} MB (budget 200 MB)`);
  if (log.length < PUBLISHES)
    console.log(`only ${log.length} of ${PUBLISHES} published within ${PUBLISHING_LIMIT_S} s`);
} finally {
  await cleanUp();
}
