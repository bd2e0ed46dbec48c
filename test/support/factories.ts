// Test data a test builds for itself, so it asserts on what it made rather than on the demo
// content's dates (which move with the calendar). Each builder writes through the repositories
// in one transaction, indexes what readers could find, and announces the change as the newsroom
// would, so caches and related lists follow.
import { randomBytes } from 'node:crypto';
import type {
  Article,
  ArticleStatus,
  IsoDate,
  Edition,
  Lang,
  Person,
  Role,
  Section,
  Tag,
} from '../../src/core/types.ts';
import type { Services } from '../../src/services/context.ts';

const unique = () => randomBytes(4).toString('hex');

export async function buildPerson(
  services: Services,
  fields: { role?: Role; name?: string; email?: string; locale?: Lang } = {},
): Promise<Person> {
  const id = unique();
  return services.repos.people.create({
    email: fields.email ?? `person-${id}@example.org`,
    name: fields.name ?? `Reporter ${id}`,
    slug: `reporter-${id}`,
    role: fields.role ?? 'author',
    ...(fields.locale ? { locale: fields.locale } : {}),
  });
}

export async function buildSection(services: Services, fields: { name?: string } = {}): Promise<Section> {
  const id = unique();
  const name = fields.name ?? `Section ${id}`;
  const section = await services.repos.sections.create({
    slug: `section-${id}`,
    names: { ar: name, fr: name, en: name },
  });
  await services.events.emit({ type: 'section', id: section.id });
  return section;
}

export async function buildTag(services: Services, fields: { name?: string } = {}): Promise<Tag> {
  const id = unique();
  return services.repos.tags.create({ slug: `tag-${id}`, name: fields.name ?? `Tag ${id}` });
}

export interface ArticleFields {
  lang?: Edition;
  status?: ArticleStatus;
  title?: string;
  dek?: string;
  bodyHtml?: string;
  /** Defaults to now for published articles. */
  publishedAt?: IsoDate | null;
  sectionId?: number | null;
  authorIds?: number[];
  tagIds?: number[];
  featuredMediaId?: number | null;
  /** Builds the article as a translation of this one (sharing its translation group). */
  translationOf?: Article;
  isFeatured?: boolean;
}

export async function buildArticle(services: Services, fields: ArticleFields = {}): Promise<Article> {
  const id = unique();
  const status = fields.status ?? 'published';
  const publishedAt =
    fields.publishedAt !== undefined
      ? fields.publishedAt
      : status === 'published'
        ? new Date().toISOString()
        : null;
  const authorIds = fields.authorIds ?? [(await buildPerson(services)).id];
  const created = await services.transaction(async (repos, search) => {
    const group = fields.translationOf
      ? (fields.translationOf.translationGroup ?? fields.translationOf.id)
      : null;
    if (fields.translationOf && fields.translationOf.translationGroup === null) {
      await repos.articles.update(fields.translationOf.id, { translationGroup: group });
    }
    const article = await repos.articles.create({
      lang: fields.lang ?? 'ar',
      status,
      title: fields.title ?? `Built article ${id}`,
      slug: `built-${id}`,
      dek: fields.dek ?? '',
      bodyHtml: fields.bodyHtml ?? `<p>Text of the article ${id}.</p>`,
      publishedAt,
      sectionId: fields.sectionId ?? null,
      authorIds,
      tagIds: fields.tagIds ?? [],
      featuredMediaId: fields.featuredMediaId ?? null,
      translationGroup: group,
      isFeatured: fields.isFeatured ?? false,
      ...(publishedAt ? { createdAt: publishedAt, updatedAt: publishedAt } : {}),
    });
    await search.indexArticle(article.id);
    return article;
  });
  await services.events.emit({
    type: 'article',
    change: status === 'published' ? 'published' : 'hidden',
    before: null,
    after: created,
  });
  return (await services.repos.articles.byId(created.id)) ?? created;
}

/** A site writing Arabic, French and English, and Persian published in the French edition. */
export const PERSIAN_IN_FRENCH = [
  { tag: 'ar', fallback: 'ar' },
  { tag: 'fa', fallback: 'fr' },
  { tag: 'fr', fallback: 'fr' },
  { tag: 'en', fallback: 'en' },
] as const satisfies readonly { tag: string; fallback: 'ar' | 'fr' | 'en' }[];
