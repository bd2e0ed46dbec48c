// Writes the quality collection to a database as published articles by one author, dated
// `daysAgo` before `now`. Returns each article's facts by its id.
import type { Db } from '../../src/db/connect.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { type QualityArticle, qualityCorpus } from './corpus.ts';

export async function loadCorpus(db: Db, now: Date): Promise<Map<number, QualityArticle>> {
  const repos = createRepositories(db.kysely);
  const author = await repos.people.create({
    email: 'desk@example.com',
    name: 'المحرر',
    slug: 'desk',
    role: 'editor',
  });
  const byId = new Map<number, QualityArticle>();
  for (const a of qualityCorpus()) {
    const row = await repos.articles.create({
      lang: a.lang,
      status: 'published',
      title: a.title,
      slug: a.key,
      bodyHtml: `<p>${a.body}</p>`,
      publishedAt: new Date(now.getTime() - a.daysAgo * 86_400_000).toISOString(),
      authorIds: [author.id],
    });
    byId.set(row.id, a);
  }
  return byId;
}
