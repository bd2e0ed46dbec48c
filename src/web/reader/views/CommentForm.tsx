// The comment form. Works without JavaScript; errors come back from the server per field.
import type { Messages } from '../../../core/i18n.ts';
import type { CommentFormView } from '../view-models.ts';

const FIELDS = ['name', 'email', 'body'] as const;
type Field = (typeof FIELDS)[number];

/** aria attributes linking a field to its hint and error message. */
function described(form: CommentFormView, field: Field, hint?: string) {
  const ids = [hint, form.errors[field] ? `c-${field}-error` : undefined].filter(Boolean);
  return {
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': form.errors[field] ? ('true' as const) : undefined,
  };
}

function FieldError({ form, field }: { form: CommentFormView; field: Field }) {
  const message = form.errors[field];
  if (!message) return null;
  return (
    <p id={`c-${field}-error`} class="field-error">
      {message}
    </p>
  );
}

export function CommentForm({ form, t }: { form: CommentFormView; t: Messages }) {
  const { values, limits, notice, replyingTo } = form;
  const otherErrors = Object.entries(form.errors).filter(([k]) => !(FIELDS as readonly string[]).includes(k));
  return (
    <form
      id="respond"
      class="comment-form"
      method="post"
      action={form.action}
      aria-labelledby="respond-title"
    >
      <h3 id="respond-title" class="form-title">
        {t.leaveComment}
      </h3>
      {notice ? (
        <p class={`notice notice-${notice.kind}`} role={notice.kind === 'success' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      ) : null}
      {otherErrors.length > 0 ? (
        <ul class="form-errors">
          {otherErrors.map(([k, message]) => (
            <li key={k}>{message}</li>
          ))}
        </ul>
      ) : null}
      {replyingTo ? (
        <p class="replying-to">
          {t.replyTo}{' '}
          <a href={`#comment-${replyingTo.id}`} dir="auto">
            {replyingTo.authorName}
          </a>{' '}
          <a class="cancel-reply" href={replyingTo.cancelHref}>
            {t.cancelReply}
          </a>
        </p>
      ) : null}
      <div class="field">
        <label for="c-name">{t.yourName}</label>
        <input
          id="c-name"
          name="name"
          type="text"
          autocomplete="name"
          dir="auto"
          required
          maxlength={limits.name}
          value={values.name}
          {...described(form, 'name')}
        />
        <FieldError form={form} field="name" />
      </div>
      <div class="field">
        <label for="c-email">{t.yourEmail}</label>
        <input
          id="c-email"
          name="email"
          type="email"
          autocomplete="email"
          dir="ltr"
          required
          maxlength={limits.email}
          value={values.email}
          {...described(form, 'email', 'c-email-hint')}
        />
        <p id="c-email-hint" class="field-hint">
          {t.emailNotPublished}
        </p>
        <FieldError form={form} field="email" />
      </div>
      <div class="field">
        <label for="c-body">{t.yourComment}</label>
        <textarea
          id="c-body"
          name="body"
          rows={6}
          dir="auto"
          required
          maxlength={limits.body}
          value={values.body}
          {...described(form, 'body')}
        />
        <FieldError form={form} field="body" />
      </div>
      <div class="hp" aria-hidden="true">
        <label for="c-hp">{t.honeypotLabel}</label>
        <input id="c-hp" name={form.honeypotName} type="text" value="" tabindex={-1} autocomplete="off" />
      </div>
      <input type="hidden" name="parent_id" value={values.parentId} />
      <input type="hidden" name="token" value={form.token} />
      <p class="form-actions">
        <button type="submit">{t.postComment}</button>
      </p>
    </form>
  );
}
