// First start: a site that has never been set up gets its secret, the demo content and an
// admin account, in one transaction. Later starts find the marker and change nothing.
import { randomBytes } from 'node:crypto';
import { slugify } from '../core/slug.ts';
import type { Services } from './context.ts';
import { seedDemoContent } from './demo/seed.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { updateSiteSettings } from './settings.ts';

const INITIALIZED = 'site.initializedAt';

export interface SetupResult {
  /** Present only on the run that created the account: the password is shown once. */
  admin: { email: string; password: string } | null;
  seeded: { articles: number; people: number; comments: number } | null;
}

export async function initializeSite(
  services: Services,
  options: { demo: boolean; now?: Date } = { demo: true },
): Promise<SetupResult> {
  if ((await services.repos.settings.get(INITIALIZED)) !== undefined) return { admin: null, seeded: null };

  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const email = services.config.adminEmail.toLowerCase();

  return services.transaction(async (repos, search) => {
    // A concurrent first start may have won the race; the marker row settles it.
    if ((await repos.settings.get(INITIALIZED)) !== undefined) return { admin: null, seeded: null };
    await updateSiteSettings(repos, { secret: randomBytes(32).toString('hex') });
    const seeded = options.demo
      ? await seedDemoContent({ repos, mediaRoot: services.config.mediaRoot, now: options.now ?? new Date() })
      : null;
    // The demo site is searchable, and its articles show their related ones, from the first page view.
    if (seeded) {
      await search.rebuild();
      await search.related.rebuild();
    }
    const existing = await repos.people.byEmail(email);
    if (existing) {
      await repos.people.setPasswordHash(existing.id, passwordHash);
      await repos.people.update(existing.id, { role: 'admin' });
    } else {
      await repos.people.create({
        email,
        name: 'Admin',
        slug: uniqueSlug(slugify(email.split('@')[0] ?? 'admin') || 'admin'),
        role: 'admin',
        passwordHash,
      });
    }
    await repos.settings.set(INITIALIZED, new Date().toISOString());
    return {
      admin: { email, password },
      seeded: seeded ? { articles: seeded.articles, people: seeded.people, comments: seeded.comments } : null,
    };
  });
}

function uniqueSlug(base: string): string {
  // Demo authors have their own slugs; the admin's gets a suffix that cannot collide with them.
  return `${base}-${randomBytes(2).toString('hex')}`;
}
