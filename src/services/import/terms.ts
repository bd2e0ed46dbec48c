// Authors, categories and tags: WordPress authors become people without a password (they are
// invited later), categories become sections keeping their hierarchy, tags become tags. An
// existing Midad record with the same e-mail or slug is reused rather than duplicated.
import { slugify } from '../../core/slug.ts';
import type { WxrAuthor, WxrCategory } from '../../importers/wordpress/types.ts';
import { addRedirect, freeSlug, type ImportContext, type ImportRepos, importSlug } from './context.ts';
import { newAuthorPath, newSectionPath, newTagPath } from './paths.ts';

function nicenameOf(login: string): string {
  return login
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export async function ensurePerson(
  repos: ImportRepos,
  ctx: ImportContext,
  author: Pick<WxrAuthor, 'login' | 'email' | 'displayName' | 'firstName' | 'lastName'> & { id?: string },
): Promise<number> {
  const key = author.login.toLowerCase();
  const known = ctx.people.get(key);
  if (known !== undefined) return known;
  const email = author.email.trim() || `${nicenameOf(author.login) || 'author'}@import.invalid`;
  const existing = await repos.people.byEmail(email);
  let id: number;
  if (existing) {
    id = existing.id;
    ctx.report.count('people', 'existing');
  } else {
    const name =
      author.displayName ||
      [author.firstName, author.lastName].filter((p) => p !== '').join(' ') ||
      author.login;
    const base = slugify(author.login) || slugify(name) || 'author';
    const slug = await freeSlug(base, async (s) => (await repos.people.bySlug(s)) !== null);
    const person = await repos.people.create({ email, name, slug, role: 'author', passwordHash: null });
    id = person.id;
    ctx.report.count('people', 'imported');
    const to = newAuthorPath(ctx.lang, person.slug);
    await addRedirect(repos, ctx, `/author/${nicenameOf(author.login)}/`, to);
  }
  await repos.imports.record(ctx.source, 'person', key, id);
  ctx.people.set(key, id);
  if (author.id) ctx.peopleByWpId.set(author.id, id);
  return id;
}

export async function importAuthors(repos: ImportRepos, ctx: ImportContext): Promise<void> {
  for (const author of ctx.scan.authors) {
    if (author.login === '') {
      ctx.report.count('people', 'skipped');
      ctx.report.warn('an author without a login was skipped');
      continue;
    }
    const known = ctx.people.get(author.login.toLowerCase());
    if (known !== undefined) {
      if (author.id) ctx.peopleByWpId.set(author.id, known);
      ctx.report.count('people', 'existing');
      continue;
    }
    await ensurePerson(repos, ctx, author);
  }
}

/** Parents before children, whatever the order of the export. */
function parentsFirst(categories: readonly WxrCategory[]): WxrCategory[] {
  const byName = new Map(categories.map((c) => [c.nicename.toLowerCase(), c]));
  const out: WxrCategory[] = [];
  const done = new Set<string>();
  const visit = (c: WxrCategory, depth: number) => {
    const key = c.nicename.toLowerCase();
    if (done.has(key)) return;
    const parent = byName.get(c.parent.toLowerCase());
    if (parent && depth < 50) visit(parent, depth + 1);
    done.add(key);
    out.push(c);
  };
  for (const c of categories) visit(c, 0);
  return out;
}

function categoryPath(ctx: ImportContext, c: WxrCategory): string {
  const byName = new Map(ctx.scan.categories.map((x) => [x.nicename.toLowerCase(), x]));
  const parts = [c.nicename];
  let parent = byName.get(c.parent.toLowerCase());
  for (let depth = 0; parent && depth < 50; depth++) {
    parts.unshift(parent.nicename);
    parent = byName.get(parent.parent.toLowerCase());
  }
  return `/${ctx.categoryBase}/${parts.join('/')}/`;
}

export async function ensureSection(
  repos: ImportRepos,
  ctx: ImportContext,
  c: Pick<WxrCategory, 'nicename' | 'name' | 'parent'> & { termId?: string },
): Promise<number> {
  const key = c.nicename.toLowerCase();
  const known = ctx.sections.get(key);
  if (known !== undefined) return known;
  const name = c.name || c.nicename;
  const slug = importSlug(ctx, c.nicename, name, `section-${c.termId ?? ctx.sections.size + 1}`);
  const existing = await repos.sections.bySlug(slug);
  let id: number;
  if (existing) {
    id = existing.id;
    ctx.report.count('sections', 'existing');
  } else {
    const parentId = c.parent ? (ctx.sections.get(c.parent.toLowerCase()) ?? null) : null;
    const section = await repos.sections.create({ slug, names: { ar: name, fr: name, en: name }, parentId });
    id = section.id;
    ctx.report.count('sections', 'imported');
    const to = newSectionPath(ctx.lang, section.slug);
    await addRedirect(repos, ctx, categoryPath(ctx, { description: '', termId: '', ...c }), to);
    if (c.termId) await addRedirect(repos, ctx, `/?cat=${c.termId}`, to);
  }
  await repos.imports.record(ctx.source, 'section', key, id);
  ctx.sections.set(key, id);
  return id;
}

export async function ensureTag(
  repos: ImportRepos,
  ctx: ImportContext,
  t: { slug: string; name: string; termId?: string },
): Promise<number> {
  const key = t.slug.toLowerCase();
  const known = ctx.tags.get(key);
  if (known !== undefined) return known;
  const name = t.name || t.slug;
  const slug = importSlug(ctx, t.slug, name, `tag-${t.termId ?? ctx.tags.size + 1}`);
  const existing = await repos.tags.bySlug(slug);
  let id: number;
  if (existing) {
    id = existing.id;
    ctx.report.count('tags', 'existing');
  } else {
    const tag = await repos.tags.create({ slug, name });
    id = tag.id;
    ctx.report.count('tags', 'imported');
    const to = newTagPath(ctx.lang, tag.slug);
    await addRedirect(repos, ctx, `/${ctx.tagBase}/${t.slug}/`, to);
    await addRedirect(repos, ctx, `/?tag=${t.slug}`, to);
  }
  await repos.imports.record(ctx.source, 'tag', key, id);
  ctx.tags.set(key, id);
  return id;
}

export async function importTerms(repos: ImportRepos, ctx: ImportContext): Promise<void> {
  for (const c of parentsFirst(ctx.scan.categories)) {
    if (ctx.sections.has(c.nicename.toLowerCase())) ctx.report.count('sections', 'existing');
    else await ensureSection(repos, ctx, c);
  }
  for (const t of ctx.scan.tags) {
    if (ctx.tags.has(t.slug.toLowerCase())) ctx.report.count('tags', 'existing');
    else await ensureTag(repos, ctx, t);
  }
}
