// The article list (filters, newsroom search, column sorting, pages) and its bulk actions.
import { editionName } from '../../../core/languages/tags.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { Malformed } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import { nativeName } from '../../../core/languages/tags.ts';
import { ARTICLE_STATUSES, type Lang } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import {
  BULK_ACTIONS,
  type BulkResult,
  bulkArticles,
  isBulkAction,
} from '../../../services/articles/bulk.ts';
import { type ListSort, listNewsroomArticles } from '../../../services/articles/list.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { type ListMessages, listMessages } from './list-messages.ts';
import { BulkForm, ListQuery } from './list-schema.ts';
import { ArticleList, type ColumnHeader, type ListRow } from './list-view.tsx';
import { articleMessages } from './messages.ts';
import { sectionLabel, statusLabel } from './presenter.ts';

/** Columns in table order; those with a sort key sort by it, title ascending first, the rest newest or most first. */
const COLUMNS: { key: string; label: keyof ListMessages; sort: ListSort | null }[] = [
  { key: 'title', label: 'colTitle', sort: 'title' },
  { key: 'status', label: 'colStatus', sort: 'status' },
  { key: 'section', label: 'colSection', sort: null },
  { key: 'authors', label: 'colAuthors', sort: null },
  { key: 'lang', label: 'colLanguage', sort: 'lang' },
  { key: 'updated', label: 'colUpdated', sort: 'updated' },
  { key: 'when', label: 'colWhen', sort: 'published' },
  { key: 'comments', label: 'colComments', sort: 'comments' },
];
const ASCENDING_FIRST = new Set<ListSort>(['title', 'status', 'lang']);

/** The list's query string with some parameters changed (an empty value drops it). */
function listQueryString(query: ListQuery, changes: Record<string, string>): string {
  const params = new URLSearchParams();
  const current: Record<string, string> = {
    q: query.q ?? '',
    status: query.status ?? '',
    section: query.section ? String(query.section) : '',
    author: query.author ? String(query.author) : '',
    lang: query.lang ?? '',
    sort: query.sort ?? '',
    dir: query.dir ?? '',
    page: query.page > 1 ? String(query.page) : '',
  };
  for (const [key, value] of Object.entries({ ...current, ...changes })) if (value) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function bulkNotice(
  result: BulkResult,
  l: ListMessages,
  label: string,
): { kind: 'success' | 'error'; text: string } {
  const name = (r: { id: number; title: string | null }) =>
    r.title ? `«${r.title}»` : format(l.articleNumber, { id: r.id });
  const parts = [format(l.bulkDone, { action: label, n: result.done.length })];
  if (result.refused.length > 0)
    parts.push(format(l.bulkRefused, { names: result.refused.map(name).join('، ') }));
  if (result.skipped.length > 0) {
    const reasons = result.skipped.map((r) => `${name(r)} (${l[`skip_${r.reason}`]})`);
    parts.push(format(l.bulkSkipped, { names: reasons.join('، ') }));
  }
  const clean = result.refused.length === 0 && result.skipped.length === 0;
  return { kind: clean ? 'success' : 'error', text: parts.join(' ') };
}

export function registerArticleListRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  async function sendList(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: { kind: 'success' | 'error'; text: string }; status?: number } = {},
  ) {
    const staff = request.staff!;
    const lang: Lang = languageOf(request);
    const t = articleMessages(lang);
    const l = listMessages(lang);
    const q = parseInput(ListQuery, request.query);
    const descending = q.dir ? q.dir === 'desc' : q.sort ? !ASCENDING_FIRST.has(q.sort) : true;
    const list = await listNewsroomArticles(services, staff.person, {
      status: q.status,
      sectionId: q.section,
      authorId: q.author,
      lang: q.lang,
      q: q.q,
      sort: q.sort,
      descending,
      page: q.page,
    });
    const sections = new Map(list.sections.map((s) => [s.id, sectionLabel(s, lang)]));
    const when = (iso: string, withTime: boolean) =>
      displayDate(iso, lang, list.timezone, withTime).gregorian;
    const rows: ListRow[] = list.items.map((a) => ({
      id: a.id,
      title: a.title,
      textLang: a.textLang,
      language: nativeName(a.textLang),
      status: a.status,
      statusLabel: statusLabel(t, a.status),
      section: a.sectionId === null ? '' : (sections.get(a.sectionId) ?? ''),
      authors: a.authorNames.filter(Boolean).join('، '),
      updated: when(a.updatedAt, false),
      when: a.publishedAt ? when(a.publishedAt, true) : '',
      comments: a.comments,
      editHref: `/newsroom/articles/${a.id}`,
    }));
    const sortedBy = q.sort ?? 'updated';
    const columns: ColumnHeader[] = COLUMNS.map((c) => {
      if (!c.sort) return { key: c.key, label: l[c.label], href: null, sorted: null };
      const current = c.sort === sortedBy;
      const nextDescending = current ? !descending : !ASCENDING_FIRST.has(c.sort);
      return {
        key: c.key,
        label: l[c.label],
        href: `/newsroom/articles${listQueryString(q, { sort: c.sort, dir: nextDescending ? 'desc' : 'asc', page: '' })}`,
        sorted: current ? (descending ? 'descending' : 'ascending') : null,
      };
    });
    const pages = Math.max(1, Math.ceil(list.total / list.perPage));
    const pageHref = (n: number) =>
      `/newsroom/articles${listQueryString(q, { page: n > 1 ? String(n) : '' })}`;
    return sendNewsroomPage(deps, request, reply, {
      title: t.articles,
      current: '/newsroom/articles',
      status: extra.status ?? 200,
      notice: extra.notice ?? null,
      body: (
        <ArticleList
          t={t}
          l={l}
          csrf={staff.session.csrfToken}
          rows={rows}
          total={list.total}
          filters={{
            status: q.status ?? '',
            section: q.section ? String(q.section) : '',
            author: q.author ? String(q.author) : '',
            lang: q.lang ?? '',
            q: q.q ?? '',
          }}
          options={{
            sections: list.sections.map((s) => ({ id: s.id, name: sectionLabel(s, lang) })),
            editions: list.editions.map((tag) => ({ tag, name: editionName(tag) })),
            authors: list.people,
            statuses: ARTICLE_STATUSES.map((value) => ({ value, label: statusLabel(t, value) })),
            tags: list.tags.map((tag) => ({ id: tag.id, name: tag.name })),
            actions: BULK_ACTIONS.map((value) => ({ value, label: l[`bulk_${value}`] })),
          }}
          showAuthorFilter={list.seesAll}
          columns={columns}
          bulkHref={`/newsroom/articles/bulk${listQueryString(q, {})}`}
          paging={{
            page: q.page,
            pages,
            prev: q.page > 1 ? pageHref(q.page - 1) : null,
            next: q.page < pages ? pageHref(q.page + 1) : null,
          }}
          script={deps.assets.newsroomListJs}
        />
      ),
    });
  }

  app.get('/articles', (request, reply) => sendList(request, reply));

  // The result is shown on the list it was sent from (its query is the form's), naming the
  // rows refused and skipped; sending it again finds them done and changes nothing more.
  app.post('/articles/bulk', async (request, reply) => {
    checkCsrf(request);
    const l = listMessages(languageOf(request));
    const form = parseInput(BulkForm, request.body);
    if (form.action === '') {
      return sendList(request, reply, { notice: { kind: 'error', text: l.noAction }, status: 422 });
    }
    if (!isBulkAction(form.action)) throw new Malformed('Unknown action.', { action: 'invalid' });
    const ids = form.ids.map(Number);
    if (!ids.every((id) => Number.isInteger(id) && id > 0))
      throw new Malformed('Bad ids.', { ids: 'invalid' });
    const optionalId = (field: 'section' | 'tag'): number | null => {
      const value = form[field];
      if (value === '') return null;
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) throw new Malformed(`Bad ${field}.`, { [field]: 'invalid' });
      return n;
    };
    const sectionId = optionalId('section');
    const tagId = optionalId('tag');
    if (ids.length === 0) {
      return sendList(request, reply, { notice: { kind: 'error', text: l.nothingSelected }, status: 422 });
    }
    const result = await bulkArticles(services, await actorOf(services, request), {
      ids,
      action: form.action,
      sectionId,
      tagId,
    });
    return sendList(request, reply, { notice: bulkNotice(result, l, l[`bulk_${form.action}`]) });
  });
}
