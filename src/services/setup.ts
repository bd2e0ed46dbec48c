// First start: a site that has never been set up gets its secret and the demo content in one
// transaction, and a one-time setup link with which the operator makes the first admin in the
// browser (services/setup/). Later starts change nothing, except that a site whose setup is
// not finished gets a fresh link (the printed one may be lost); the older one stops working.
import { randomBytes } from 'node:crypto';
import type { Services } from './context.ts';
import { seedDemoContent } from './demo/seed.ts';
import { updateSiteSettings } from './settings.ts';
import { INITIALIZED_KEY as INITIALIZED } from './site-presence.ts';
import { hasAdminWithPassword, issueSetupLink, type SetupLink } from './setup/setup-link.ts';

export interface SetupResult {
  /** The link that makes the first admin; null once the site has an admin. */
  setupLink: SetupLink | null;
  seeded: { articles: number; people: number; comments: number } | null;
}

export async function initializeSite(
  services: Services,
  options: { demo: boolean; now?: Date } = { demo: true },
): Promise<SetupResult> {
  const now = options.now ?? new Date();
  const { publicUrl } = services.config;
  const fresh = await services.transaction(async (repos, search) => {
    // A concurrent first start may have won the race; the marker row settles it.
    if ((await repos.settings.get(INITIALIZED)) !== undefined) return null;
    await updateSiteSettings(repos, { secret: randomBytes(32).toString('hex') });
    const seeded = options.demo
      ? await seedDemoContent({ repos, mediaRoot: services.config.mediaRoot, now })
      : null;
    // The demo site is searchable, and its articles show their related ones, from the first page view.
    if (seeded) {
      await search.rebuild();
      await search.related.rebuild();
    }
    await repos.settings.set(INITIALIZED, new Date().toISOString());
    const setupLink = (await hasAdminWithPassword(repos))
      ? null
      : await issueSetupLink(repos, publicUrl, now);
    return {
      setupLink,
      seeded: seeded ? { articles: seeded.articles, people: seeded.people, comments: seeded.comments } : null,
    };
  });
  if (fresh) return fresh;
  if (await hasAdminWithPassword(services.repos)) return { setupLink: null, seeded: null };
  const setupLink = await services.transaction((repos) => issueSetupLink(repos, publicUrl, now));
  return { setupLink, seeded: null };
}
