// Fills an empty site with demo content: people, sections, tags, illustrated articles in
// three languages, comment threads and site settings. Dates are relative to `now`, so the
// content always looks fresh. The caller runs this inside one transaction.
import { Conflict } from '../../core/errors.ts';
import { sanitizeArticleHtml } from '../../core/html-policy.ts';
import type { Article, Media } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { bestFallback, ingestImage, srcsetFor } from '../../media/images.ts';
import { articles, comments, inlineImages, people, sections, siteSettings, tags } from './content/index.ts';
import { type DemoArticle, HOUSE_CREDIT } from './content/types.ts';
import { PALETTES, portraitImage, sceneImage } from './images.ts';

export interface SeedDeps {
  repos: Repositories;
  mediaRoot: string;
  now?: Date;
}

export interface SeedResult {
  articles: number;
  people: number;
  comments: number;
  mainArticleId: number;
}

const HOUR = 3_600_000;
const MEDIA_URL_PREFIX = '/media/';

/** A stable small number from a string (FNV-1a), used to seed the illustrations. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 1_000_000;
}

/** Replaces each {{image:key}} with an <img> of the matching inline picture. */
export function fillImageTokens(html: string, images: ReadonlyMap<string, Media>): string {
  return html.replace(/\{\{image:([a-z0-9-]+)\}\}/g, (_token, key: string) => {
    const media = images.get(key);
    if (!media) throw new Error(`Demo body refers to an unknown image "${key}".`);
    const fallback = bestFallback(media, MEDIA_URL_PREFIX);
    const attrs = [
      `src="${escapeAttr(fallback.src)}"`,
      `srcset="${escapeAttr(srcsetFor(media, 'jpeg', MEDIA_URL_PREFIX))}"`,
      'sizes="(min-width: 48rem) 46rem, 100vw"',
      fallback.width ? `width="${fallback.width}"` : '',
      fallback.height ? `height="${fallback.height}"` : '',
      `alt="${escapeAttr(media.alt)}"`,
    ];
    return `<img ${attrs.filter(Boolean).join(' ')}>`;
  });
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function idOf(ids: ReadonlyMap<string, number>, slug: string, where: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`Demo article "${where}" refers to an unknown entry "${slug}".`);
  return id;
}

/**
 * Runs `work` over the items in order, keeping up to `ahead` results in progress beyond the one
 * handed out; `next()` returns the results one by one, in order.
 */
function aheadOf<T, R>(items: readonly T[], ahead: number, work: (item: T) => Promise<R>) {
  const queue: Promise<R>[] = [];
  let index = 0;
  const fill = () => {
    while (queue.length <= ahead && index < items.length) {
      const promise = work(items[index++]!);
      promise.catch(() => {}); // reported when handed out, not as an unhandled rejection
      queue.push(promise);
    }
  };
  return {
    next(): Promise<R> {
      fill();
      const result = queue.shift() ?? Promise.reject(new Error('No more items.'));
      fill();
      return result;
    },
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export async function seedDemoContent(deps: SeedDeps): Promise<SeedResult> {
  const { repos, mediaRoot } = deps;
  const now = deps.now ?? new Date();
  const nowMs = now.getTime();
  const ingestDeps = { repos, mediaRoot, now, speed: 'fast' as const };

  const firstEmail = people[0]?.email;
  if (firstEmail && (await repos.people.byEmail(firstEmail))) {
    throw new Conflict('The demo content is already there.');
  }

  await repos.settings.setMany(siteSettings);

  // Sections: parents before children, whatever the order of the data.
  const sectionIds = new Map<string, number>();
  const pending = [...sections];
  while (pending.length > 0) {
    const index = pending.findIndex((s) => !s.parent || sectionIds.has(s.parent));
    if (index < 0) throw new Error('Demo sections refer to a parent that does not exist.');
    const [section] = pending.splice(index, 1);
    if (!section) break;
    const created = await repos.sections.create({
      slug: section.slug,
      names: section.names,
      parentId: section.parent ? sectionIds.get(section.parent)! : null,
      position: section.position,
    });
    sectionIds.set(section.slug, created.id);
  }

  const tagIds = new Map<string, number>();
  for (const tag of tags) tagIds.set(tag.slug, (await repos.tags.create(tag)).id);

  const personIds = new Map<string, number>();
  for (const [index, person] of people.entries()) {
    const avatar = await ingestImage(
      {
        buffer: await portraitImage({ seed: index + 1, ...person.avatar }),
        alt: `صورة رمزية لـ${person.name}`,
        credit: HOUSE_CREDIT,
      },
      ingestDeps,
    );
    const created = await repos.people.create({
      email: person.email,
      name: person.name,
      slug: person.slug,
      role: person.role,
      bio: person.bio,
      locale: person.locale,
      links: person.links,
      avatarMediaId: avatar.id,
    });
    personIds.set(person.slug, created.id);
  }

  const inline = new Map<string, Media>();
  for (const image of inlineImages) {
    const buffer = await sceneImage({
      scene: image.scene,
      palette: PALETTES[image.palette] ?? PALETTES.sahel!,
      seed: seedOf(image.key),
    });
    inline.set(
      image.key,
      await ingestImage(
        { buffer, alt: image.alt, caption: image.caption, credit: image.credit ?? HOUSE_CREDIT },
        ingestDeps,
      ),
    );
  }

  // Oldest first, so ids grow with publication dates; the draft comes last.
  const ordered = [...articles].sort((a, b) => b.hoursAgo - a.hoursAgo);
  // Drawing a picture takes longer than writing its rows, so the next ones are drawn meanwhile.
  const pictures = aheadOf(ordered, 2, (article) => {
    const imageKey = article.translationOf ?? article.key;
    const original = articles.find((a) => a.key === imageKey) ?? article;
    return sceneImage({
      scene: article.image.scene,
      palette: PALETTES[article.image.palette ?? original.section] ?? PALETTES.sahel!,
      seed: seedOf(imageKey),
    });
  });
  const created = new Map<string, Article>();
  const publishedAt = new Map<string, number>();
  for (const article of ordered) {
    const row = await createArticle(article, await pictures.next());
    created.set(article.key, row);
  }

  // Translation groups are named after the original's id, on the original and each translation.
  for (const article of articles) {
    if (!article.translationOf) continue;
    const original = created.get(article.translationOf);
    if (!original || !created.has(article.key)) throw new Error(`Unknown original for "${article.key}".`);
    for (const key of [article.translationOf, article.key]) {
      const row = created.get(key)!;
      if (row.translationGroup === original.id) continue;
      created.set(
        key,
        await repos.articles.update(row.id, { translationGroup: original.id, updatedAt: row.updatedAt }),
      );
    }
  }

  const commentIds = new Map<string, number>();
  for (const comment of comments) {
    const article = created.get(comment.article);
    const published = publishedAt.get(comment.article);
    if (!article || published === undefined) throw new Error(`Comment "${comment.key}" has no article.`);
    const parentId = comment.parent ? commentIds.get(comment.parent) : null;
    if (parentId === undefined) throw new Error(`Comment "${comment.key}" answers an unknown comment.`);
    const createdAt = Math.min(published + comment.hoursAfter * HOUR, nowMs - 60_000);
    const row = await repos.comments.create({
      articleId: article.id,
      parentId,
      status: comment.status,
      authorName: comment.name,
      authorEmail: comment.email,
      authorUrl: comment.url ?? '',
      personId: comment.person ? (personIds.get(comment.person) ?? null) : null,
      body: comment.body,
      createdAt: iso(createdAt),
    });
    commentIds.set(comment.key, row.id);
  }

  const main = articles.find((a) => a.featured);
  const mainRow = main ? created.get(main.key) : undefined;
  if (!mainRow) throw new Error('The demo content has no featured article.');
  return {
    articles: created.size,
    people: personIds.size,
    comments: commentIds.size,
    mainArticleId: mainRow.id,
  };

  async function createArticle(article: DemoArticle, picture: Buffer): Promise<Article> {
    const featured = await ingestImage(
      {
        buffer: picture,
        alt: article.image.alt,
        caption: article.image.caption,
        credit: article.image.credit ?? HOUSE_CREDIT,
      },
      ingestDeps,
    );

    const isPublished = article.status === 'published';
    const published = nowMs - article.hoursAgo * HOUR;
    const createdAt = isPublished ? published - 2 * HOUR : nowMs - 3 * HOUR;
    const updatedAt = isPublished
      ? Math.min(published + (article.editedAfterHours ?? 0) * HOUR, nowMs)
      : nowMs - HOUR;
    if (isPublished) publishedAt.set(article.key, published);

    const group = article.translationOf ? created.get(article.translationOf)?.id : undefined;
    return repos.articles.create({
      lang: article.lang,
      status: article.status,
      title: article.title,
      slug: article.slug,
      dek: article.dek,
      bodyHtml: sanitizeArticleHtml(fillImageTokens(article.body, inline)).html,
      featuredMediaId: featured.id,
      sectionId: sectionIds.get(article.section) ?? null,
      isFeatured: article.featured ?? false,
      isBreaking: article.breaking ?? false,
      commentsOpen: article.commentsOpen ?? true,
      publishedAt: isPublished ? iso(published) : null,
      translationGroup: group ?? null,
      authorIds: article.authors.map((slug) => idOf(personIds, slug, article.key)),
      tagIds: article.tags.map((slug) => idOf(tagIds, slug, article.key)),
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
    });
  }
}
