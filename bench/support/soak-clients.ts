// The writers of the soak test, besides the readers: commenters posting through the article
// pages' form and one editor writing articles through the newsroom, each at a steady pace until
// told to stop. Nothing they meet ends the run: every unexpected answer or failed request is
// counted by kind, and the soak fails if there is any.
import { HttpClient, type HttpReply } from '../../test/support/http-client.ts';
import { csrfFrom } from '../../test/support/newsroom-client.ts';
import { readerAddress } from '../../test/support/reader-address.ts';

export interface WriteTally {
  comments: number;
  drafts: number;
  saves: number;
  publishes: number;
  /** Milliseconds per acknowledged write, for p50/p99. */
  latencies: number[];
  /** Failures by kind, e.g. "comment: HTTP 500" or "editor save: ECONNRESET". */
  errors: Map<string, number>;
}

export function emptyTally(): WriteTally {
  return { comments: 0, drafts: 0, saves: 0, publishes: 0, latencies: [], errors: new Map() };
}

/** Where the clients record: the soak swaps in a fresh tally when the warm-up ends. */
export interface Recorder {
  tally: WriteTally;
  running: boolean;
  /**
   * Set while a worker is killed under the load: told of each failure by its kind, it returns
   * true when it accounts for it (see soak-kill.ts), which then is not counted here.
   */
  claim?: (kind: string) => boolean;
}

export interface CommentTarget {
  /** The form's action, e.g. /article/12/comments. */
  action: string;
  token: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(recorder: Recorder, what: string, err: unknown): void {
  const kind =
    err instanceof Error
      ? ((err.cause as NodeJS.ErrnoException | undefined)?.code ?? err.name ?? err.message)
      : String(err);
  const key = `${what}: ${kind}`;
  if (recorder.claim?.(key)) return;
  recorder.tally.errors.set(key, (recorder.tally.errors.get(key) ?? 0) + 1);
}

class Unexpected extends Error {
  constructor(status: number) {
    super(`HTTP ${status}`);
    this.name = `HTTP ${status}`;
  }
}

function expect(reply: { status: number }, status: number): void {
  if (reply.status !== status) throw new Unexpected(reply.status);
}

const TEXTS = [
  'شكرا على هذه المتابعة لأسعار الحبوب في أسواق نيامي.',
  'Un bon résumé de la saison des pluies au Sahel.',
  'Useful figures on the new road between Gao and Mopti.',
  'تغطية جيدة لمهرجان الموسيقى التقليدية في باماكو.',
];

/** One reader after another commenting, one comment every `pauseMs`. */
export async function commenter(
  baseUrl: string,
  targets: CommentTarget[],
  recorder: Recorder,
  pauseMs: number,
): Promise<void> {
  for (let i = 0; recorder.running; i++) {
    const target = targets[Math.floor(Math.random() * targets.length)]!;
    const address = readerAddress();
    const form = new URLSearchParams({
      name: 'قارئة من غاو',
      email: `reader${address.split('.').pop()}@example.org`,
      body: `${TEXTS[i % TEXTS.length]} (${address})`,
      parent_id: '',
      token: target.token,
      website: '',
    });
    const t0 = performance.now();
    try {
      const res = await fetch(new URL(target.action, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
        body: form.toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      await res.text();
      expect(res, 303);
      recorder.tally.comments++;
      recorder.tally.latencies.push(performance.now() - t0);
    } catch (err) {
      fail(recorder, 'comment', err);
    }
    await sleep(pauseMs);
  }
}

/**
 * An editor at work: a new draft, a save, save-and-publish, a correction of the published
 * article; a pause of `pauseMs` between two requests, as someone typing would leave.
 */
export async function editor(client: HttpClient, recorder: Recorder, pauseMs: number): Promise<void> {
  const step = async (what: string, request: () => Promise<HttpReply>, status: number) => {
    await sleep(pauseMs);
    const t0 = performance.now();
    try {
      const reply = await request();
      expect(reply, status);
      if (status === 303) recorder.tally.latencies.push(performance.now() - t0);
      return reply;
    } catch (err) {
      fail(recorder, `editor ${what}`, err);
      return null;
    }
  };
  for (let n = 1; recorder.running; n++) {
    const list = await step('article list', () => client.get('/newsroom/articles'), 200);
    if (!list) continue;
    const created = await step(
      'new draft',
      () => client.post('/newsroom/articles/new', { _csrf: csrfFrom(list.body) }),
      303,
    );
    const path = created?.location;
    if (!path) continue;
    recorder.tally.drafts++;
    for (const intent of ['save', 'publish', 'save'] as const) {
      if (!recorder.running) return;
      const page = await step('editor page', () => client.get(path), 200);
      const version = page && /name="version" value="(\d+)"/.exec(page.body)?.[1];
      if (!page || !version) break;
      const saved = await step(
        intent,
        () =>
          client.post(path, {
            _csrf: csrfFrom(page.body),
            version,
            title: `نشرة الأسواق رقم ${n}: أسعار الحبوب في منطقة الساحل`,
            slug: '',
            dek: 'متابعة أسبوعية من مراسلينا.',
            body_html:
              '<p>استقرت أسعار الدخن والذرة في الأسواق الأسبوعية هذا الأسبوع.</p>' +
              `<p>وقال تجار إن الطلب ارتفع قليلا مع اقتراب موسم الحصاد. (${intent})</p>`,
            lang: 'ar',
            tags: 'نشرات',
            comments_open: 'on',
            intent,
          }),
        303,
      );
      if (!saved) break;
      if (intent === 'publish') recorder.tally.publishes++;
      else recorder.tally.saves++;
    }
  }
}

/** The comment targets: each article's form action with a token, all issued now. */
export async function commentTargets(baseUrl: string, paths: string[]): Promise<CommentTarget[]> {
  const reader = new HttpClient(baseUrl);
  const targets: CommentTarget[] = [];
  for (const path of paths) {
    const page = await reader.get(path);
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
    const action = /<form[^>]*action="([^"]*\/comments)"/.exec(page.body)?.[1];
    if (page.status !== 200 || !token || !action) throw new Error(`${path} has no comment form`);
    targets.push({ action, token });
  }
  return targets;
}
