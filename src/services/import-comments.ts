// Comments of one imported post, threads kept: a reply is written after its parent whatever
// the order of the export, so its parent id is known. Pingbacks and trackbacks are kept as
// comments unless the operator asks to skip them.
import type { CommentStatus } from '../core/types.ts';
import { commentText } from '../importers/wordpress/content/clean.ts';
import type { WxrComment, WxrItem } from '../importers/wordpress/types.ts';
import type { ImportContext, ImportRepos } from './import-context.ts';
import { wpDate } from './import-dates.ts';

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

export function commentKey(item: Pick<WxrItem, 'postId'>, comment: Pick<WxrComment, 'id'>): string {
  return `${item.postId}:${comment.id}`;
}

/** Parents before replies; a reply to a comment missing from the export becomes top-level. */
function threadOrder(comments: readonly WxrComment[]): WxrComment[] {
  const ids = new Set(comments.map((c) => c.id));
  const placed = new Set<string>();
  const out: WxrComment[] = [];
  let pending = [...comments];
  while (pending.length > 0) {
    const next = pending.filter((c) => {
      const ready = c.parent === '' || c.parent === '0' || placed.has(c.parent) || !ids.has(c.parent);
      if (ready) {
        out.push(c);
        placed.add(c.id);
      }
      return !ready;
    });
    // A cycle of replies (never written by WordPress, but possible by hand): take them as they come.
    if (next.length === pending.length) {
      out.push(...next);
      break;
    }
    pending = next;
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
  for (const c of threadOrder(item.comments)) {
    const key = commentKey(item, c);
    const existing = known.get(key);
    if (existing !== undefined) {
      done.set(c.id, existing);
      ctx.report.count('comments', 'existing');
      continue;
    }
    const type = c.type === '' ? 'comment' : c.type;
    if (ctx.skipPingbacks && (type === 'pingback' || type === 'trackback')) {
      ctx.report.count('comments', 'skipped');
      continue;
    }
    const status = STATUS[c.approved];
    if (!status) {
      ctx.report.warn(`comment ${c.id}: unknown status "${c.approved}", kept as pending`, item.line);
    }
    const parentId = c.parent !== '' && c.parent !== '0' ? (done.get(c.parent) ?? null) : null;
    if (c.parent !== '' && c.parent !== '0' && parentId === null) {
      ctx.report.warn(`comment ${c.id} answers comment ${c.parent}, which is not in the export`, item.line);
    }
    const comment = await repos.comments.create({
      articleId,
      parentId,
      status: status ?? 'pending',
      authorName: c.author || (type === 'comment' ? 'Anonymous' : type),
      authorEmail: c.authorEmail,
      authorUrl: c.authorUrl,
      personId: c.userId && c.userId !== '0' ? (ctx.peopleByWpId.get(c.userId) ?? null) : null,
      body: commentText(c.content),
      createdAt: wpDate(c.dateGmt, c.date, '') ?? new Date().toISOString(),
    });
    await repos.imports.record(ctx.source, 'comment', key, comment.id);
    done.set(c.id, comment.id);
    ctx.report.count('comments', 'imported');
  }
}
