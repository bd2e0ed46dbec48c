// The comments section: count heading, the threaded approved comments, and the form.
import type { Messages } from '../../../core/i18n.ts';
import type { CommentFormView, CommentView } from '../view-models.ts';
import { CommentForm } from './CommentForm.tsx';
import { ShortDate } from './Dates.tsx';
import { commentCountLabel } from './util.ts';

interface ThreadProps {
  comment: CommentView;
  form: CommentFormView;
  t: Messages;
}

function CommentItem({ comment, form, t }: ThreadProps) {
  const replies = comment.replies;
  // Replies past the maximum depth arrive at the same depth as their parent: no extra indent.
  const indent = replies.length > 0 && replies.some((r) => r.depth > comment.depth);
  if (comment.kind !== 'comment') return <LinkNote comment={comment} t={t} />;
  return (
    <li class="comment">
      <div id={`comment-${comment.id}`} class="comment-card">
        <p class="comment-meta">
          <b class="comment-author" dir="auto">
            {comment.authorName}
          </b>{' '}
          <a class="comment-date" href={`#comment-${comment.id}`}>
            <ShortDate date={comment.created} />
          </a>
        </p>
        {/* bodyHtml was escaped and sanitized by the comment HTML policy (core) upstream. */}
        <div class="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
        {form.open ? (
          <p class="comment-actions">
            <a
              class="reply-link"
              href={`${form.replyHrefBase}${comment.id}#respond`}
              aria-label={`${t.replyTo} ${comment.authorName}`}
            >
              {t.reply}
            </a>
          </p>
        ) : null}
      </div>
      {replies.length > 0 ? (
        <ol class={indent ? 'comment-list replies' : 'comment-list replies flat'}>
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} form={form} t={t} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** A pingback or trackback: which page linked here, and its excerpt; nobody replies to it. */
function LinkNote({ comment, t }: { comment: CommentView; t: Messages }) {
  return (
    <li class="comment comment-linked">
      <div id={`comment-${comment.id}`} class="comment-card">
        <p class="comment-meta">
          {t.linkedFrom}{' '}
          {comment.sourceUrl ? (
            <a href={comment.sourceUrl} rel="nofollow ugc" dir="auto">
              {comment.authorName}
            </a>
          ) : (
            <b dir="auto">{comment.authorName}</b>
          )}{' '}
          <a class="comment-date" href={`#comment-${comment.id}`}>
            <ShortDate date={comment.created} />
          </a>
        </p>
        {/* bodyHtml was escaped and sanitized by the comment HTML policy (core) upstream. */}
        <div class="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      </div>
    </li>
  );
}

export interface CommentsProps {
  comments: CommentView[];
  count: number;
  form: CommentFormView;
  t: Messages;
}

export function Comments({ comments, count, form, t }: CommentsProps) {
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="section-title">
        {commentCountLabel(t, count)}
      </h2>
      {comments.length > 0 ? (
        <ol class="comment-list">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} form={form} t={t} />
          ))}
        </ol>
      ) : form.open ? (
        <p class="empty">{t.noComments}</p>
      ) : null}
      {form.open ? <CommentForm form={form} t={t} /> : <p class="comments-closed">{t.commentsClosed}</p>}
    </section>
  );
}
