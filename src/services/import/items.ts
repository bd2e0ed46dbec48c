// One WordPress post or page → one Midad article with its authors, section, tags, featured
// image, custom fields, comments and old-URL redirects. A post already imported (found in the
// import map) is not touched again; only comments new since the last run are added, and its
// translation group is joined if no run has joined it yet (translation-groups.ts).
import { slugify } from '../../core/slug.ts';
import { cleanBody } from '../../importers/wordpress/content/clean.ts';
import type { WxrItem } from '../../importers/wordpress/types.ts';
import { articleStatus, dekOf, keptMeta, plainTitle, seoFields } from './article.ts';
import { importComments } from './comments.ts';
import { addRedirects, freeSlug, type ImportContext, type ImportRepos, importSlug } from './context.ts';
import { wpDate } from './dates.ts';
import { attachmentIdForUrl, ensureMedia, type ImageView, mediaView } from './media.ts';
import { newArticlePath, oldSitePath } from './paths.ts';
import { uploadsOf } from './upload-files.ts';
import { metaValue } from './scan.ts';
import { ImportLanguages } from './languages.ts';
import { ensurePerson, ensureSection, ensureTag } from './terms.ts';

export const IMPORTED_TYPES = new Set(['post', 'page']);

/** What the batch already knows from the import map: articles and comments imported before. */
export interface BatchKnown {
  articles: Map<string, number>;
  comments: Map<string, number>;
  /** Articles created in this batch and their custom fields, written when the batch ends. */
  newArticles: { sourceId: string; targetId: number }[];
  meta: { articleId: number; key: string; value: string }[];
}

async function authorsOf(repos: ImportRepos, ctx: ImportContext, item: WxrItem): Promise<number[]> {
  const ids: number[] = [];
  const add = (id: number | null) => {
    if (id !== null && !ids.includes(id)) ids.push(id);
  };
  // Logins cannot hold markup characters; exports with a stray ">" exist (the theme unit test).
  const login = item.creator.replace(/[<>"']/g, '').trim();
  if (login === '') add(ctx.defaultAuthorId);
  else if (ctx.people.has(login.toLowerCase())) add(ctx.people.get(login.toLowerCase()) ?? null);
  else if (ctx.defaultAuthorId !== null) {
    ctx.report.warn(
      `post ${item.postId}: author "${login}" is not in the export; given to the default author`,
      item.line,
    );
    add(ctx.defaultAuthorId);
  } else {
    ctx.report.warn(
      `post ${item.postId}: author "${login}" is not in the export's author list; created`,
      item.line,
    );
    add(
      await ensurePerson(repos, ctx, { login, email: '', displayName: login, firstName: '', lastName: '' }),
    );
  }
  // Co-Authors Plus stores further bylines as terms of the "author" taxonomy ("cap-login").
  for (const t of item.terms.filter((t) => t.domain === 'author')) {
    const coLogin = t.nicename.replace(/^cap-/, '') || t.name;
    add(
      ctx.people.get(coLogin.toLowerCase()) ??
        (await ensurePerson(repos, ctx, {
          login: coLogin,
          email: '',
          displayName: t.name,
          firstName: '',
          lastName: '',
        })),
    );
  }
  return ids;
}

async function imagesOf(repos: ImportRepos, ctx: ImportContext, item: WxrItem) {
  const byUrl = new Map<string, ImageView>();
  for (const m of item.content.matchAll(/<img\b[^>]*\ssrc\s*=\s*["']([^"']+)["']/gi)) {
    const url = m[1] ?? '';
    const id = attachmentIdForUrl(ctx, url);
    const view = id ? await mediaView(repos, ctx, id) : null;
    if (view && !view.src.startsWith('http')) byUrl.set(url, view);
    else if (id === null && oldSitePath(url, ctx.hosts)) ctx.report.missing(url);
  }
  const byId = new Map<string, ImageView>();
  const galleryIds = [
    ...item.content.matchAll(/\[gallery[^\]]*\b(?:ids|include)\s*=\s*["']?([\d,\s]+)/g),
  ].flatMap((m) => (m[1] ?? '').split(',').map((s) => s.trim()));
  const attached = [...ctx.scan.attachments.values()].filter(
    (a) => a.parent === item.postId && item.content.includes('[gallery'),
  );
  for (const id of [...galleryIds, ...attached.map((a) => a.id)]) {
    const view = id ? await mediaView(repos, ctx, id) : null;
    if (view) byId.set(id, view);
  }
  return { byUrl, byId, attached: attached.map((a) => a.id) };
}

async function createArticle(
  repos: ImportRepos,
  ctx: ImportContext,
  item: WxrItem,
  known: BatchKnown,
): Promise<number | undefined> {
  const decision = articleStatus(item);
  const kind = item.postType === 'page' ? 'pages' : 'articles';
  if (decision.status === null) {
    ctx.report.count(kind, 'skipped');
    return;
  }
  if (decision.warning) ctx.report.warn(decision.warning, item.line);
  const title = plainTitle(item.title);
  if (title === '') ctx.report.warn(`post ${item.postId} has no title`, item.line);
  const dek = dekOf(item);
  // The text's language decides the edition, and so the slug's namespace.
  const language = await ctx.languages.of(item, title, `${dek}\n${textSample(item.content)}`);
  const base = importSlug(ctx, item.postName, title, `${item.postType}-${item.postId}`, item.line);
  const slug = await freeSlug(base || slugify(title) || `post-${item.postId}`, async (s) => {
    return (await repos.articles.bySlug(language.edition, s)) !== null;
  });
  if (slug !== base && base !== '')
    ctx.report.warn(`post ${item.postId}: slug "${base}" is taken; using "${slug}"`, item.line);

  const images = await imagesOf(repos, ctx, item);
  const uploads = await uploadsOf(repos, ctx, item);
  const body = cleanBody(item.content, {
    image: (url) => images.byUrl.get(url) ?? null,
    upload: (url) => uploads.get(url) ?? null,
    attachment: (id) => images.byId.get(id) ?? null,
    attachedImages: () => images.attached.flatMap((id) => images.byId.get(id) ?? []),
  });
  ctx.report.report.removedByAllowlist += body.removed;
  for (const w of body.warnings) {
    ctx.report.warn(`post ${item.postId}: ${w.message}`, (item.contentLine ?? item.line) + w.line - 1);
  }
  ctx.report.shortcodes(body.unknownShortcodes);

  const thumbnail = metaValue(item, '_thumbnail_id');
  const featuredMediaId = thumbnail ? await ensureMedia(repos, ctx, thumbnail) : null;
  const categories = item.terms.filter((t) => t.domain === 'category');
  const first = categories[0];
  const sectionId = first
    ? await ensureSection(repos, ctx, {
        nicename: first.nicename || slugify(first.name),
        name: first.name,
        parent: '',
      })
    : null;
  const tagIds: number[] = [];
  for (const t of item.terms.filter((t) => t.domain === 'post_tag')) {
    tagIds.push(await ensureTag(repos, ctx, { slug: t.nicename || slugify(t.name), name: t.name }));
  }
  const date = wpDate(item.postDateGmt, item.postDate, item.pubDate);
  const status = decision.status;
  const article = await repos.articles.create({
    lang: language.edition,
    textLang: language.text === language.edition ? null : language.text,
    status,
    title,
    slug,
    dek,
    bodyHtml: body.html,
    featuredMediaId,
    sectionId,
    isFeatured: item.isSticky === '1',
    commentsOpen: item.commentStatus !== 'closed',
    ...seoFields(item, title, ctx.scan.channel.title),
    publishedAt: status === 'draft' || status === 'pending' ? null : date,
    authorIds: await authorsOf(repos, ctx, item),
    tagIds: [...new Set(tagIds)],
    ...(date ? { createdAt: date, updatedAt: date } : {}),
  });
  // Written with the rest of the batch, in one statement each (see import.ts).
  known.articles.set(item.postId, article.id);
  known.newArticles.push({ sourceId: item.postId, targetId: article.id });
  known.meta.push(...keptMeta(item).map((m) => ({ articleId: article.id, ...m })));
  await repos.search.indexArticle(article.id);
  ctx.report.count(kind, 'imported');
  ctx.report.language(language.text);
  joinTranslations(ctx, item, article.id, true);

  const guidPath = oldSitePath(item.guid, ctx.hosts);
  const numeric = /^\d+$/.test(item.postId);
  await addRedirects(
    repos,
    ctx,
    [
      oldSitePath(item.link, ctx.hosts),
      numeric ? `/?${item.postType === 'page' ? 'page_id' : 'p'}=${item.postId}` : null,
      numeric && item.postType === 'page' ? `/?p=${item.postId}` : null,
      guidPath?.includes('/wp-content/') ? null : (guidPath ?? null),
    ],
    newArticlePath(article),
  );
  return article.id;
}

/** The start of a body as plain text, enough to tell its language (the whole body is not needed). */
function textSample(html: string): string {
  return html
    .slice(0, 6000)
    .replace(/<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]|&[#\w]+;/g, ' ');
}

/**
 * A post of a Polylang or WPML translation group joins it once the run is over; so does a post
 * an earlier run imported, since that run may have stopped before joining its groups. Its
 * language codes were reported by the run that imported it.
 */
function joinTranslations(ctx: ImportContext, item: WxrItem, articleId: number, fresh: boolean) {
  const key = ImportLanguages.translationKey(item);
  if (key === null) return;
  ctx.languages.groups.add(key, {
    postId: item.postId,
    articleId,
    declared: ctx.languages.pluginLanguage(item, !fresh),
    source: ctx.languages.sourceLanguage(item, !fresh),
    fresh,
    line: item.line,
  });
}

export async function importItem(repos: ImportRepos, ctx: ImportContext, item: WxrItem, known: BatchKnown) {
  if (item.postType === 'attachment') {
    // Every attachment is looked at once, used or not, so the report accounts for all of them.
    await ensureMedia(repos, ctx, item.postId);
    return;
  }
  if (!IMPORTED_TYPES.has(item.postType)) {
    ctx.report.notImported(item.postType || '(none)');
    return;
  }
  const existing = known.articles.get(item.postId);
  if (existing !== undefined) {
    ctx.report.count(item.postType === 'page' ? 'pages' : 'articles', 'existing');
    joinTranslations(ctx, item, existing, false);
    await importComments(repos, ctx, item, existing, known.comments);
    return;
  }
  const id = await createArticle(repos, ctx, item, known);
  if (id !== undefined) await importComments(repos, ctx, item, id, known.comments);
}
