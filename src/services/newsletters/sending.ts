// Digests and breaking alerts. Mails are queued in batches, each batch its own short
// transaction, so 10,000 subscribers never hold one long write that readers' requests would
// wait behind. Every mail has a de-duplication key naming its edition and subscriber
// (`digest:daily:ar:2026-12-04:17`, `alert:42:17`): a batch run twice, by a retry or by a
// second process, queues nothing twice. The outbox dispatcher then sends at MIDAD_MAIL_RATE.
import { DIGEST_KINDS, type DigestKind, type Subscriber } from '../../core/newsletters.ts';
import { authorize } from '../../core/policies/index.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import type { Lang } from '../../core/types.ts';
import type { NewsletterArticle } from '../../db/repositories/newsletters-contract.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { type queueMail, queueMails } from '../mail/queue-mail.ts';
import { notifyOutbox } from '../outbox/notify.ts';
import { loadSiteSettings, builtInEditions } from '../settings.ts';
import { alertMail, digestMail } from './mails.ts';

export const SEND_BATCH = 500;
/** Digests go out after this hour (UTC); a weekly digest on Mondays. */
export const DIGEST_HOUR_UTC = 6;
const DAY = 86_400_000;

/**
 * Mails queued per transaction. SQLite answers synchronously, so a transaction never gives the
 * event loop back until it ends: small ones, with a turn for waiting requests between them,
 * keep pages flowing while thousands of mails are queued (bench/newsletter.ts).
 */
export const QUEUE_CHUNK = 100;
/**
 * After each chunk, a pause four times as long as the chunk took (at least 20 ms): queuing then
 * takes at most a fifth of the process, whatever the machine, and readers the rest. Queuing is
 * not urgent: the dispatcher sends at MIDAD_MAIL_RATE (10 a second by default), so 10,000 mails
 * take a quarter of an hour to go out anyway.
 */
export const QUEUE_PAUSE = { min: 20, factor: 4 };

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Goes through confirmed subscribers in batches, queuing what `mailFor` makes of each. */
async function queueInBatches(
  services: Services,
  filter: { lang: Lang; digest?: DigestKind; alerts?: boolean },
  mailFor: (s: Subscriber) => { key: string; mail: Parameters<typeof queueMail>[2] } | null,
): Promise<number> {
  let after = 0;
  let queued = 0;
  for (;;) {
    const batch = await services.repos.newsletters.confirmedBatch(filter, after, SEND_BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    for (let i = 0; i < batch.length; i += QUEUE_CHUNK) {
      const mails = batch.slice(i, i + QUEUE_CHUNK).flatMap((s) => mailFor(s) ?? []);
      await nextTurn();
      const start = performance.now();
      queued += await services.transaction((trx) =>
        queueMails(
          trx,
          mails.map((m) => ({ dedupKey: m.key, mail: m.mail })),
        ),
      );
      await sleep(Math.max(QUEUE_PAUSE.min, QUEUE_PAUSE.factor * (performance.now() - start)));
    }
    notifyOutbox(services);
    if (batch.length < SEND_BATCH) break;
  }
  return queued;
}

/** The start of the edition `now` falls in: the last 06:00 UTC (daily), on a Monday (weekly). */
export function editionStart(kind: DigestKind, now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (d.getTime() > now.getTime()) d.setTime(d.getTime() - DAY);
  if (kind === 'weekly') d.setTime(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  return d;
}

/** Section ids with their sub-sections, so a reader of "Sahel" gets "Sahel › Mali" too. */
function withChildren(chosen: number[], parents: Map<number, number | null>): Set<number> {
  const out = new Set(chosen);
  for (const [id, parent] of parents) if (parent !== null && out.has(parent)) out.add(id);
  return out;
}

/**
 * Composes the digests due at `now` for every language: the articles published since the last
 * edition, in each subscriber's sections. Nothing is sent to a subscriber with nothing new,
 * and nothing at all when nothing was published. Returns how many mails were queued.
 */
export async function runDigests(services: Services, now = new Date()): Promise<number> {
  const settings = await loadSiteSettings(services.repos);
  const sections = await services.repos.sections.list();
  const parents = new Map(sections.map((s) => [s.id, s.parentId]));
  const { publicUrl } = services.config;
  let queued = 0;
  for (const kind of DIGEST_KINDS) {
    const start = editionStart(kind, now);
    const edition = start.toISOString().slice(0, 10);
    const period = kind === 'daily' ? DAY : 7 * DAY;
    // Newsletters are written in ar/fr/en: further editions' articles go out in none of them.
    for (const lang of builtInEditions(settings)) {
      const previous = await services.repos.newsletters.previousEdition(kind, lang, edition);
      const since = previous?.until ?? new Date(start.getTime() - period).toISOString();
      const claimed = await services.repos.newsletters.claimEdition(
        kind,
        lang,
        edition,
        since,
        start.toISOString(),
      );
      if (claimed.doneAt) continue;
      const articles = await services.repos.newsletters.publishedBetween(
        lang,
        claimed.since,
        claimed.until,
        200,
      );
      if (articles.length > 0) {
        queued += await queueInBatches(services, { lang, digest: kind }, (s) => {
          const wanted = withChildren(s.sections, parents);
          const mine =
            s.sections.length === 0
              ? articles
              : articles.filter((a) => a.sectionId !== null && wanted.has(a.sectionId));
          if (mine.length === 0) return null;
          return {
            key: `digest:${kind}:${lang}:${edition}:${s.id}`,
            mail: digestMail(publicUrl, settings.name, kind, s, mine.slice(-30).reverse()),
          };
        });
      }
      await services.repos.newsletters.markEditionDone(kind, lang, edition, now.toISOString());
    }
  }
  return queued;
}

/**
 * Queues one alert per confirmed subscriber of the article's language who wants alerts. The
 * alert is recorded first (an edition of kind 'alert') and marked done at the end: one left
 * unfinished by a stopped process is taken up again by the digest check (resumeAlerts).
 */
export async function queueAlertMails(services: Services, article: NewsletterArticle): Promise<number> {
  const settings = await loadSiteSettings(services.repos);
  const edition = String(article.id);
  const at = new Date().toISOString();
  await services.repos.newsletters.claimEdition('alert', article.lang, edition, at, at);
  const queued = await queueInBatches(services, { lang: article.lang, alerts: true }, (s) => ({
    key: `alert:${article.id}:${s.id}`,
    mail: alertMail(services.config.publicUrl, settings.name, s, article),
  }));
  await services.repos.newsletters.markEditionDone('alert', article.lang, edition, new Date().toISOString());
  return queued;
}

/** How long an unfinished alert waits before another check takes it up (its own process may still be at it). */
export const ALERT_RESUME_AFTER_MS = 10 * 60_000;

/** Finishes alerts that a stopped process left half queued; the mails' keys skip those already queued. */
export async function resumeAlerts(services: Services, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ALERT_RESUME_AFTER_MS).toISOString();
  let queued = 0;
  for (const alert of await services.repos.newsletters.unfinishedAlerts(before)) {
    const article = await services.repos.newsletters.publishedArticle(Number(alert.edition));
    if (article) queued += await queueAlertMails(services, article);
    else
      await services.repos.newsletters.markEditionDone('alert', alert.lang, alert.edition, now.toISOString());
  }
  return queued;
}

/**
 * An editor's "send as alert" on a published article: audited at once, the mails queued in
 * the background (`whenQueued` tells when they all are). Asking twice sends nothing twice.
 */
export async function sendBreakingAlert(
  services: Services,
  actor: Actor,
  articleId: number,
  options: { onError?: (err: unknown) => void } = {},
): Promise<{ whenQueued: Promise<number> }> {
  authorize(actor.person, { kind: 'newsletter.manage' });
  const article = await services.repos.newsletters.publishedArticle(articleId);
  if (!article) throw new NotFound('No published article with this id.');
  if (new Date(article.publishedAt).getTime() > Date.now())
    throw new Invalid('The article is not published yet.', { alert: 'Not published yet.' });
  await services.transaction((trx) =>
    recordAudit(trx, actor, { action: 'newsletter.alert-sent', targetType: 'article', targetId: article.id }),
  );
  const whenQueued = queueAlertMails(services, article).catch((err: unknown) => {
    options.onError?.(err);
    return 0;
  });
  return { whenQueued };
}

export interface DigestScheduler {
  stop(): Promise<void>;
}

/** Checks every `intervalMs` (default a minute) whether an edition is due; errors go to onError. */
export function startDigestScheduler(
  services: Services,
  options: { intervalMs?: number; onQueued?: (n: number) => void; onError?: (err: unknown) => void } = {},
): DigestScheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= Promise.all([runDigests(services), resumeAlerts(services)])
      .then(([digests, alerts]) => digests + alerts)
      .then((n) => {
        if (n > 0) options.onQueued?.(n);
      })
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
