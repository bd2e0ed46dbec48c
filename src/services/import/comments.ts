// Comments of one imported post, threads kept: a reply is written after its parent whatever
// the order of the export, so its parent id is known. Pingbacks and trackbacks are kept as
// comments unless the operator asks to skip them.
import type { CommentKind, CommentStatus } from '../../core/types.ts';
import { commentText } from '../../importers/wordpress/content/clean.ts';
import type { WxrComment, WxrItem } from '../../importers/wordpress/types.ts';
import type { ImportContext, ImportRepos } from './context.ts';
import { wpDate } from './dates.ts';

const STATUS: Record<string, CommentStatus> = {
  '1': 'approved',
  approve: 'approved',
  approved: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
};

function kindOf(type: string): CommentKind {
  return type === 'pingback' || type === 'trackback' ? type : 'comment';
}

export function commentKey(item: Pick<WxrItem, 'postId'>, comment: Pick<WxrComment, 'id'>): string {
  return `${item.postId}:${comment.id}`;
}

function hasParent(c: WxrComment): boolean {
  return c.parent !== '' && c.parent !== '0';
}

/**
 * Comments in waves: first those answering nobody (or a comment missing from the export),
 * then the replies to those, and so on; each wave is one multi-row insert.
 */
function waves(comments: readonly WxrComment[], placed: ReadonlySet<string>): WxrComment[][] {
  const ids = new Set(comments.map((c) => c.id));
  const done = new Set(placed);
  const out: WxrComment[][] = [];
  let pending = comments.filter((c) => !placed.has(c.id));
  while (pending.length > 0) {
    const wave = pending.filter((c) => !hasParent(c) || done.has(c.parent) || !ids.has(c.parent));
    // A cycle of replies (never written by WordPress, but possible by hand): take the rest flat.
    const taken = wave.length > 0 ? wave : pending;
    out.push(taken);
    for (const c of taken) done.add(c.id);
    pending = pending.filter((c) => !done.has(c.id));
  }
  return out;
}

export async function importComments(
  repos: ImportRepos,
  ctx: ImportContext,
  item: WxrItem,
  articleId: number,
  known: ReadonlyMap<string, number>,
): Promise<void> {
  const done = new Map<string, number>();
  for (const c of item.comments) {
    const existing = known.get(commentKey(item, c));
    if (existing !== undefined) {
      done.set(c.id, existing);
      ctx.report.count('comments', 'existing');
    }
  }
  const wanted = item.comments.filter((c) => {
    const type = c.type === '' ? 'comment' : c.type;
    const skip = !done.has(c.id) && ctx.skipPingbacks && (type === 'pingback' || type === 'trackback');
    if (skip) ctx.report.count('comments', 'skipped');
    return !skip;
  });
  for (const wave of waves(wanted, new Set(done.keys()))) {
    const rows = wave.map((c) => {
      const type = c.type === '' ? 'comment' : c.type;
      const status = STATUS[c.approved];
      if (!status)
        ctx.report.warn(`comment ${c.id}: unknown status "${c.approved}", kept as pending`, item.line);
      const parentId = hasParent(c) ? (done.get(c.parent) ?? null) : null;
      if (hasParent(c) && parentId === null) {
        ctx.report.warn(`comment ${c.id} answers comment ${c.parent}, which is not in the export`, item.line);
      }
      return {
        articleId,
        parentId,
        status: status ?? ('pending' as const),
        authorName: c.author || (type === 'comment' ? 'Anonymous' : type),
        authorEmail: c.authorEmail,
        authorUrl: c.authorUrl,
        kind: kindOf(type),
        personId: c.userId && c.userId !== '0' ? (ctx.peopleByWpId.get(c.userId) ?? null) : null,
        body: commentText(c.content),
        createdAt: wpDate(c.dateGmt, c.date, '') ?? new Date().toISOString(),
      };
    });
    const ids = await repos.imports.insertComments(rows);
    wave.forEach((c, k) => {
      done.set(c.id, ids[k] ?? 0);
    });
    await repos.imports.recordMany(
      ctx.source,
      'comment',
      wave.map((c, k) => ({ sourceId: commentKey(item, c), targetId: ids[k] ?? 0 })),
    );
    ctx.report.count('comments', 'imported', wave.length);
  }
}
