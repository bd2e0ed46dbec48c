// The moderation queue: each pending comment with its article, and actions one by one or in bulk.
import type { NewsroomMessages } from '../messages.ts';

export interface QueueItem {
  id: number;
  authorName: string;
  authorEmail: string;
  body: string;
  when: string;
  articleTitle: string;
  articleHref: string;
}

export function CommentsPage({ t, csrf, items }: { t: NewsroomMessages; csrf: string; items: QueueItem[] }) {
  if (items.length === 0) return <p>{t.noPendingComments}</p>;
  return (
    <>
      <form method="post" action="/newsroom/comments" class="nr-form" id="bulk">
        <input type="hidden" name="_csrf" value={csrf} />
        <p class="nr-bulk">
          <label for="bulk-action">{t.bulkAction}</label>{' '}
          <select id="bulk-action" name="action">
            <option value="approve">{t.approve}</option>
            <option value="spam">{t.spam}</option>
            <option value="trash">{t.trash}</option>
          </select>{' '}
          <button type="submit">{t.apply}</button>
        </p>
      </form>
      <ol class="nr-queue">
        {items.map((c) => (
          <li key={c.id} id={`comment-${c.id}`} class="nr-card">
            <p class="nr-meta">
              <input type="checkbox" name="ids" value={String(c.id)} form="bulk" id={`pick-${c.id}`} />{' '}
              <label for={`pick-${c.id}`}>
                <bdi>{c.authorName}</bdi> (<bdi dir="ltr">{c.authorEmail}</bdi>)
              </label>{' '}
              · {c.when} · {t.onArticle} <a href={c.articleHref}>{c.articleTitle}</a>
            </p>
            <p class="nr-comment-body" dir="auto">
              {c.body}
            </p>
            <div class="nr-actions">
              {(['approve', 'spam', 'trash'] as const).map((action) => (
                <form key={action} method="post" action="/newsroom/comments" class="nr-inline">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <input type="hidden" name="ids" value={String(c.id)} />
                  <input type="hidden" name="action" value={action} />
                  <button type="submit" class={action === 'approve' ? '' : 'nr-secondary'}>
                    {t[action]}
                  </button>
                </form>
              ))}
            </div>
            <form method="post" action={`/newsroom/comments/${c.id}/reply`} class="nr-form nr-reply">
              <input type="hidden" name="_csrf" value={csrf} />
              <label for={`reply-${c.id}`}>{t.replyAsStaff}</label>
              <textarea id={`reply-${c.id}`} name="body" rows={2} dir="auto" required maxlength={5000} />
              <button type="submit" class="nr-secondary">
                {t.send}
              </button>
            </form>
          </li>
        ))}
      </ol>
    </>
  );
}
