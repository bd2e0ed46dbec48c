// The clients of the crash test: readers posting comments through the article pages' form and
// editors writing articles through the newsroom (new draft, saves, save-and-publish, a save of
// the published article), each one request after another, over real HTTP. They write until the
// server is killed under them; a request that fails before the kill fails the test, one that
// fails after it was in flight and is counted as unknown.
import { commentsPath } from '../../src/core/urls.ts';
import { HttpClient, type HttpReply } from '../support/http-client.ts';
import { csrfFrom } from '../support/newsroom-client.ts';
import { readerAddress } from '../support/reader-address.ts';
import type { ArticleHistory, Ledger } from './ledger.ts';

const REQUEST_TIMEOUT_MS = 15_000;

/** A published article open to comments, with a form token old enough to be accepted. */
export interface CommentTarget {
  id: number;
  lang: 'ar' | 'fr' | 'en';
  token: string;
}

export interface Round {
  readonly baseUrl: string;
  readonly ledger: Ledger;
  /** Set just before the kill: from then on a failed request was cut off by it. */
  killed: boolean;
}

/** Thrown when a request fails because of the kill; ends that client's round. */
class CutOff extends Error {}

/** A request's answer, or CutOff when the server was killed while it was in flight. */
async function attempt<T>(round: Round, what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    if (round.killed) throw new CutOff(what);
    throw new Error(`${what} failed while the server was up: ${(err as Error).message}`);
  }
}

function expect(reply: { status: number; body: string }, status: number, what: string): void {
  if (reply.status !== status) {
    throw new Error(`${what} answered ${reply.status}, not ${status}: ${reply.body.slice(0, 300)}`);
  }
}

/** Runs one client until the kill cuts it off; other failures propagate. */
async function untilCutOff(client: () => Promise<void>): Promise<void> {
  try {
    await client();
  } catch (err) {
    if (!(err instanceof CutOff)) throw err;
  }
}

const COMMENT_TEXTS = [
  'تقرير مفيد عن أسواق الحبوب في النيجر، شكرا للمراسلين.',
  'Merci pour ce reportage sur le festival de Ségou.',
  'A clear account of the rainy season in northern Burkina Faso.',
];

export async function commenter(round: Round, targets: CommentTarget[]): Promise<void> {
  const { ledger } = round;
  await untilCutOff(async () => {
    for (let i = 0; !round.killed; i++) {
      const target = targets[Math.floor(Math.random() * targets.length)]!;
      const marker = ledger.marker('c');
      const write = ledger.commentSent(marker, target.id);
      const form = new URLSearchParams({
        name: 'قارئ من نيامي',
        email: `reader${marker}@example.org`,
        body: `${COMMENT_TEXTS[i % COMMENT_TEXTS.length]} ${marker}`,
        parent_id: '',
        token: target.token,
        website: '',
      });
      try {
        const reply = await attempt(round, 'a comment', async () => {
          const res = await fetch(new URL(commentsPath(target), round.baseUrl), {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-forwarded-for': readerAddress(),
            },
            body: form.toString(),
            redirect: 'manual',
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          // Acknowledged only once the whole answer is in.
          return { status: res.status, body: await res.text() };
        });
        expect(reply, 303, `the comment ${marker}`);
      } catch (err) {
        if (err instanceof CutOff) ledger.cutOff(1);
        throw err;
      }
      ledger.commentAcknowledged(write);
    }
  });
}

/**
 * The saves an editor makes on each new article, in order, taking turns: a kill often comes
 * before the end of a sequence, and publishes must happen in short rounds too.
 */
const SEQUENCES = [
  ['publish', 'save', 'save'],
  ['save', 'publish', 'save'],
] as const;

export async function editor(round: Round, client: HttpClient): Promise<void> {
  const { ledger } = round;
  const get = async (path: string, what: string): Promise<HttpReply> => {
    const reply = await attempt(round, what, () => client.get(path));
    expect(reply, 200, what);
    return reply;
  };
  await untilCutOff(async () => {
    for (let n = 0; !round.killed; n++) {
      const list = await get('/newsroom/articles', 'the article list');
      let created: HttpReply;
      try {
        created = await attempt(round, 'a new draft', () =>
          client.post('/newsroom/articles/new', { _csrf: csrfFrom(list.body) }),
        );
      } catch (err) {
        if (err instanceof CutOff) ledger.cutOff(1);
        throw err;
      }
      expect(created, 303, 'a new draft');
      const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(created.location ?? '')?.[1]);
      if (!(id > 0)) throw new Error(`a new draft redirected to ${created.location}`);
      const history = ledger.draftAcknowledged(id);
      for (const intent of SEQUENCES[n % SEQUENCES.length]!) await save(round, client, history, intent, get);
    }
  });
}

async function save(
  round: Round,
  client: HttpClient,
  history: ArticleHistory,
  intent: 'save' | 'publish',
  get: (path: string, what: string) => Promise<HttpReply>,
): Promise<void> {
  const { ledger } = round;
  const path = `/newsroom/articles/${history.id}`;
  const page = await get(path, 'the editor page');
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
  if (!version) throw new Error(`the editor page of article ${history.id} carries no version`);
  const marker = ledger.marker(intent === 'publish' ? 'p' : 's');
  ledger.saveSent(history, marker);
  let reply: HttpReply;
  try {
    reply = await attempt(round, `the save ${marker}`, () =>
      client.post(path, {
        _csrf: csrfFrom(page.body),
        version,
        // The marker in the title keeps every slug distinct.
        title: `موسم الحصاد في منطقة الساحل ${marker}`,
        slug: '',
        dek: 'متابعة لأسعار الحبوب في أسواق المنطقة.',
        body_html:
          '<p>قال مزارعون في منطقة تيلابيري إن محصول الدخن جاء أفضل من العام الماضي.</p>' +
          `<p>وتتابع النشرة تطور الأسعار أسبوعا بعد أسبوع. ${marker}</p>`,
        lang: 'ar',
        tags: '',
        comments_open: 'on',
        intent,
      }),
    );
  } catch (err) {
    if (err instanceof CutOff) ledger.cutOff(1);
    throw err;
  }
  expect(reply, 303, `the save ${marker}`);
  ledger.saveAcknowledged(history, marker, intent === 'publish');
}

/** Signs an editor in (before the first kill: sessions are kept in the database and outlive restarts). */
export async function signedInEditor(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const reply = await client.signIn(email, password);
  expect(reply, 303, 'the sign-in');
  return client;
}
