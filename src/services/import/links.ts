// Links between the old site's own posts, rewritten once every post has its new URL: the
// redirects written by the import are the map from old paths to new ones, so a link resolves
// the same way a visitor following it would.
import type { ImportContext, ImportRepos } from './context.ts';
import { oldSitePath } from './paths.ts';

const HREF = /(<a\b[^>]*?\shref=")([^"]+)(")/gi;

function unescapeAttr(value: string): string {
  return value.replace(/&amp;/g, '&');
}

export async function rewriteLinks(repos: ImportRepos, ctx: ImportContext, articleIds: readonly number[]) {
  // Only bodies that mention the old site are loaded: most articles link nowhere on it.
  const needles = [...ctx.hosts].map((host) => `//${host}/`);
  const candidates = await repos.imports.articlesContaining(articleIds, needles);
  for (const article of await repos.articles.byIds(candidates)) {
    const targets = new Map<string, string>();
    for (const m of article.bodyHtml.matchAll(HREF)) {
      const href = unescapeAttr(m[2] ?? '');
      const key = oldSitePath(href, ctx.hosts);
      if (!key || targets.has(href)) continue;
      const redirect = await repos.redirects.byFromPath(key);
      if (redirect) targets.set(href, redirect.toPath);
    }
    if (targets.size === 0) continue;
    const body = article.bodyHtml.replace(HREF, (all, open: string, href: string, close: string) => {
      const to = targets.get(unescapeAttr(href));
      return to ? `${open}${to}${close}` : all;
    });
    if (body !== article.bodyHtml) {
      await repos.articles.update(article.id, { bodyHtml: body, updatedAt: article.updatedAt });
    }
  }
}
