// Publishes scheduled articles when their time comes, whether or not anyone visits the site.
// The state lives in the database, so a restart loses nothing; each article is flipped by one
// conditional write, so with several processes exactly one of them publishes it.
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { recordPublish } from './workflow.ts';

export async function publishDue(services: Services, now = new Date()): Promise<number[]> {
  const due = await services.db.kysely
    .selectFrom('articles')
    .select(['id', 'version'])
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .orderBy('published_at')
    .limit(100)
    .execute();
  const published: number[] = [];
  for (const { id, version } of due) {
    const won = await services.transaction(async (repos, search) => {
      const article = await repos.articles.byId(id);
      if (article?.status !== 'scheduled' || article.version !== version) return null;
      const updated = await repos.articles
        .update(id, { status: 'published' }, { expectedVersion: version })
        .catch(() => null);
      if (!updated) return null;
      await recordPublish(repos, updated, null);
      await search.indexArticle(id);
      await repos.audit.record({
        personId: null,
        action: 'article.published-on-schedule',
        targetType: 'article',
        targetId: String(id),
        details: { at: updated.publishedAt },
        ipHash: '',
      });
      return { before: article, after: updated };
    });
    if (won) {
      published.push(id);
      await articleChanged(services.events, won.before, won.after);
    }
  }
  return published;
}

export interface Scheduler {
  /** Stops the timer; resolves once a check already running has finished. */
  stop(): Promise<void>;
}

/** Checks every `intervalMs` (default 20 s); errors are logged and the next tick tries again. */
export function startScheduler(
  services: Services,
  options: {
    intervalMs?: number;
    onPublished?: (ids: number[]) => void;
    onError?: (err: unknown) => void;
  } = {},
): Scheduler {
  let running: Promise<void> | null = null;
  const check = async () => {
    try {
      const ids = await publishDue(services);
      if (ids.length > 0) options.onPublished?.(ids);
    } catch (err) {
      options.onError?.(err);
    } finally {
      running = null;
    }
  };
  const tick = () => {
    running ??= check();
  };
  const timer = setInterval(tick, options.intervalMs ?? 20_000);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
