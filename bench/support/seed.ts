// A site with many articles for the benchmarks: the demo content (as `midad serve` creates it
// on first start, with the first admin made through its setup link) plus generated Arabic articles spread over the demo
// sections, authors and tags, indexed and with their related lists stored as `midad reindex`
// leaves them.
import { loadConfig } from '../../src/config.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import { openServices, type Services } from '../../src/services/context.ts';
import { defaultSignInThrottles } from '../../src/services/auth/throttle.ts';
import { generatePassword } from '../../src/services/passwords.ts';
import { initializeSite } from '../../src/services/setup.ts';
import { completeSetup } from '../../src/services/setup/complete-setup.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { benchArticles } from '../search-corpus.ts';

export interface SeededSite {
  /** The first admin, made through the setup link that `midad serve` prints at first start. */
  admin: { email: string; password: string };
  /** The featured demo article: the page most readers ask for. */
  hot: string;
  /** Up to 2,000 generated articles spread evenly over the ids. */
  spread: string[];
}

export async function seedSite(options: {
  dataDir: string;
  databaseUrl?: string;
  articles: number;
  /** Store the related lists too (article pages read them; search does not). Default true. */
  related?: boolean;
}): Promise<SeededSite> {
  const config = loadConfig(
    {},
    {
      dataDir: options.dataDir,
      logLevel: 'silent',
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    },
  );
  const services = await openServices(config);
  try {
    const setup = await initializeSite(services, { demo: true });
    if (!setup.setupLink || !setup.seeded) throw new Error(`${services.db.location} was already set up`);
    const admin = { email: config.adminEmail, password: generatePassword() };
    await completeSetup(services, defaultSignInThrottles(), {
      token: setup.setupLink.token,
      name: 'Admin',
      ...admin,
      confirm: admin.password,
      ip: '127.0.0.1',
      userAgent: 'bench',
    });
    const slugs = await addArticles(services, options.articles, { related: options.related ?? true });
    const featured = await services.repos.articles.listPublished({ lang: 'ar', featured: true, limit: 1 });
    const step = Math.max(1, Math.floor(slugs.length / 2000));
    const spread = slugs
      .filter((_, i) => i % step === 0)
      .slice(0, 2000)
      .map((s) => articlePath({ ...s, lang: 'ar' }));
    return { admin, hot: articlePath(featured.items[0]!), spread };
  } finally {
    await services.close();
  }
}

/**
 * Adds `count` generated published Arabic articles (bylines, two tags each, search index and
 * stored related lists), as an import leaves them. Also used by the query-plan test, which
 * asks for no search index or related lists (`index: false`): the page's queries are the same.
 */
export async function addArticles(
  services: Services,
  count: number,
  options: { index?: boolean; related?: boolean } = {},
): Promise<{ id: number; slug: string }[]> {
  const { repos, db } = services;
  const sections = await repos.sections.list();
  const authors = (await repos.articles.listingActivity()).authors.map((a) => a.id);
  const tags = (await repos.tags.list()).map((t) => t.id);
  const now = Date.now();
  const slugs: { id: number; slug: string }[] = [];
  await db.kysely.transaction().execute(async (trx) => {
    let i = 0;
    let batch: {
      title: string;
      body_html: string;
      slug: string;
      published_at: string;
      section_id: number;
    }[] = [];
    const flush = async () => {
      const rows = batch.map((a) => ({
        ...a,
        lang: 'ar',
        status: 'published',
        comments_open: 1,
        created_at: a.published_at,
        updated_at: a.published_at,
      }));
      batch = [];
      const ids = await trx.insertInto('articles').values(rows).returning(['id', 'slug']).execute();
      slugs.push(...ids);
      await trx
        .insertInto('article_authors')
        .values(
          ids.map(({ id }) => ({ article_id: id, person_id: authors[id % authors.length]!, position: 0 })),
        )
        .execute();
      await trx
        .insertInto('article_tags')
        .values(
          ids.flatMap(({ id }) => [
            { article_id: id, tag_id: tags[id % tags.length]! },
            { article_id: id, tag_id: tags[(id * 7 + 3) % tags.length]! },
          ]),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    };
    for (const a of benchArticles(count)) {
      batch.push({
        title: a.title,
        body_html: a.body,
        slug: `bench-${i}`,
        // Older than the demo articles, so the demo stays on the home page.
        published_at: new Date(now - (count - i + 1000) * 600_000).toISOString(),
        section_id: sections[i % sections.length]!.id,
      });
      i++;
      if (batch.length === 200) await flush();
    }
    if (batch.length > 0) await flush();
    if (options.index !== false) await createSearchIndex(trx, db.dialect).rebuild();
  });
  // As `midad reindex` does after a bulk load: article pages read their stored related lists.
  if (options.index !== false && options.related !== false)
    await services.transaction((_repos, search) => search.related.rebuild());
  return slugs;
}
