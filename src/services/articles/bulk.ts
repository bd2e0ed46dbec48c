// One action on several articles from the newsroom list: publish, unpublish, move to a section,
// add a tag, trash. Each row takes the same path as the same change made in the editor (the
// workflow step with its policy, or the editor's save with its checks, revision and index
// entry); a row the person may not touch is refused and named, a row that cannot take the step
// (wrong status, no title) is skipped with the reason, and the others are done. All of it is
// one transaction with one audit row for the whole action beside the rows' own.
import { z } from 'zod';
import { Malformed } from '../../core/errors.ts';
import { type Action, can } from '../../core/policies/index.ts';
import type { Article, ArticleStatus } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { SearchIndex } from '../../search/contract.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { articleChanged } from '../events.ts';
import { ArticleInvalid, StaleSave, writeSave } from './editing.ts';
import { ArticleForm, cleanArticleForm } from './input.ts';
import { applyTransition, policyFor, type Transition } from './workflow.ts';

export const BULK_ACTIONS = ['publish', 'unpublish', 'move', 'tag', 'trash'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export function isBulkAction(value: string): value is BulkAction {
  return (BULK_ACTIONS as readonly string[]).includes(value);
}

/** A page of the list holds at most this many rows; more in one action is not a form's doing. */
export const MAX_BULK = 200;

export const BulkInput = z.object({
  ids: z.array(z.number().int().positive()).max(MAX_BULK),
  action: z.enum(BULK_ACTIONS),
  /** For `move`: the section the articles go to. */
  sectionId: z.number().int().positive().nullish(),
  /** For `tag`: the existing tag added to each article. */
  tagId: z.number().int().positive().nullish(),
});
export type BulkInput = z.input<typeof BulkInput>;

/** Why a row was left as it was. */
export type SkipReason = 'status' | 'title' | 'invalid' | 'stale';

export interface BulkRow {
  id: number;
  /** Null when the person may not see it: not on its byline, and not an editor. */
  title: string | null;
}

export interface BulkResult {
  action: BulkAction;
  done: BulkRow[];
  /** Rows this person may not touch: nothing was done to them. */
  refused: BulkRow[];
  /** Rows that cannot take this step as they are (already in that state, no title…). */
  skipped: (BulkRow & { reason: SkipReason })[];
}

/** Statuses a step can start from; a row elsewhere is skipped, not attempted. */
const FROM: Record<BulkAction, readonly ArticleStatus[]> = {
  publish: ['draft', 'pending', 'scheduled', 'private'],
  unpublish: ['published', 'scheduled', 'private'],
  trash: ['draft', 'pending', 'scheduled', 'published', 'private'],
  move: ['draft', 'pending', 'scheduled', 'published', 'private'],
  tag: ['draft', 'pending', 'scheduled', 'published', 'private'],
};

function policyOf(action: BulkAction, article: Article): Action {
  if (action === 'move' || action === 'tag') return { kind: 'article.edit', article };
  return policyFor(action as Transition, article);
}

export async function bulkArticles(services: Services, actor: Actor, input: BulkInput): Promise<BulkResult> {
  const data = parseInput(BulkInput, input);
  const ids = [...new Set(data.ids)];
  if (ids.length === 0) throw new Malformed('No article was selected.', { ids: 'missing' });
  if (data.action === 'move' && !data.sectionId) throw new Malformed('No section.', { section: 'missing' });
  if (data.action === 'tag' && !data.tagId) throw new Malformed('No tag.', { tag: 'missing' });

  // Everything the form names must exist, or nothing is done.
  const known = await services.repos.articles.byIds(ids);
  if (known.length !== ids.length) throw new Malformed('Unknown articles.', { ids: 'invalid' });
  const section = data.action === 'move' ? await services.repos.sections.byId(data.sectionId!) : null;
  if (data.action === 'move' && !section) throw new Malformed('Unknown section.', { section: 'invalid' });
  const tag = data.action === 'tag' ? ((await services.repos.tags.byIds([data.tagId!]))[0] ?? null) : null;
  if (data.action === 'tag' && !tag) throw new Malformed('Unknown tag.', { tag: 'invalid' });

  const result: BulkResult = { action: data.action, done: [], refused: [], skipped: [] };
  const changes = await services.transaction(async (trx, search) => {
    const steps: [Article, Article][] = [];
    for (const id of ids) {
      const article = (await trx.articles.byId(id))!;
      const seen =
        can(actor.person, { kind: 'article.list-all' }) || article.authorIds.includes(actor.person.id);
      const row = { id, title: seen ? article.title : null };
      if (!can(actor.person, policyOf(data.action, article))) {
        result.refused.push(row);
        continue;
      }
      if (!FROM[data.action].includes(article.status)) {
        result.skipped.push({ ...row, reason: 'status' });
        continue;
      }
      try {
        const after = await applyRow(trx, search, actor, article, data.action, {
          sectionId: section?.id ?? null,
          tagName: tag?.name ?? '',
        });
        if (after) steps.push([article, after]);
        result.done.push(row);
      } catch (err) {
        // Refusals found before the row's write: the transaction is still sound.
        if (err instanceof ArticleInvalid) {
          result.skipped.push({ ...row, reason: err.errors.title ? 'title' : 'invalid' });
        } else if (err instanceof StaleSave) {
          result.skipped.push({ ...row, reason: 'stale' });
        } else throw err;
      }
    }
    await recordAudit(trx, actor, {
      action: 'article.bulk',
      targetType: 'article',
      targetId: result.done.map((r) => r.id).join(',') || '-',
      details: {
        action: data.action,
        ...(section ? { sectionId: section.id } : {}),
        ...(tag ? { tagId: tag.id } : {}),
        done: result.done.map((r) => r.id),
        refused: result.refused.map((r) => r.id),
        skipped: result.skipped.map((r) => ({ id: r.id, reason: r.reason })),
      },
    });
    return steps;
  });
  for (const [before, after] of changes) await articleChanged(services.events, before, after);
  return result;
}

/** The row's change, as the editor would make it; null when it already was so (nothing written). */
async function applyRow(
  trx: Repositories,
  search: SearchIndex,
  actor: Actor,
  article: Article,
  action: BulkAction,
  target: { sectionId: number | null; tagName: string },
): Promise<Article | null> {
  if (action === 'publish' || action === 'unpublish' || action === 'trash') {
    return applyTransition(trx, search, actor, article, { transition: action });
  }
  const tags = await trx.tags.byIds(article.tagIds);
  const names = tags.map((t) => t.name);
  if (action === 'move' && article.sectionId === target.sectionId) return null;
  if (action === 'tag' && names.some((n) => n.toLowerCase() === target.tagName.toLowerCase())) return null;
  // The editor's save of the article as it stands, with the one field changed: the same
  // cleaning, reference checks, revision (when live) and index entry as a save from the editor.
  const form = ArticleForm.safeParse(formOf(article));
  if (!form.success) throw new ArticleInvalid({ form: 'errTransition' });
  const { value, errors } = cleanArticleForm(form.data, article.slug);
  const saved = await writeSave(trx, search, actor.person, article, {
    expectedVersion: article.version,
    value: {
      ...value,
      // Names are passed whole: a tag whose name holds a comma stays one tag.
      tagNames: action === 'tag' ? [...names, target.tagName] : names,
      sectionId: action === 'move' ? target.sectionId : article.sectionId,
    },
    errors,
  });
  await recordAudit(trx, actor, {
    action: 'article.saved',
    targetType: 'article',
    targetId: saved.id,
    details: { version: saved.version, bulk: action },
  });
  return saved;
}

/** The editor's form as it would open on this article (tags are passed apart, by name). */
function formOf(article: Article): z.input<typeof ArticleForm> {
  return {
    title: article.title,
    slug: article.slug,
    dek: article.dek,
    body_html: article.bodyHtml,
    lang: article.lang,
    section_id: article.sectionId === null ? '' : String(article.sectionId),
    tags: '',
    author_ids: article.authorIds.map(String),
    featured_media_id: article.featuredMediaId === null ? '' : String(article.featuredMediaId),
    is_featured: article.isFeatured,
    is_breaking: article.isBreaking,
    comments_open: article.commentsOpen,
    seo_title: article.seoTitle,
    seo_description: article.seoDescription,
    publish_at: '',
  };
}
