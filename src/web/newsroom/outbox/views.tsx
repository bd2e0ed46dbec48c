// The outbox page: filters by status, the messages newest first, "retry now" where it applies.
import type { OutboxStatus } from '../../../core/outbox.ts';
import type { OutboxMessages } from './messages.ts';

export interface OutboxRowView {
  id: number;
  channel: string;
  summary: string;
  status: OutboxStatus;
  statusLabel: string;
  /** When it is due again, or when it was sent. */
  when: string;
  created: string;
  attempts: number;
  lastError: string;
  canRetry: boolean;
}

export function OutboxPage({
  t,
  csrf,
  rows,
  filters,
  pages,
  mailEnabled,
}: {
  t: OutboxMessages;
  csrf: string;
  rows: OutboxRowView[];
  filters: { href: string; label: string; current: boolean }[];
  pages: { previous: string | null; next: string | null };
  mailEnabled: boolean;
}) {
  return (
    <>
      <p class="nr-help">{t.intro}</p>
      {mailEnabled ? null : <p class="nr-muted">{t.noMail}</p>}
      <nav class="nr-filters" aria-label={t.status}>
        {filters.map((f) => (
          <a key={f.href} href={f.href} aria-current={f.current ? 'page' : undefined}>
            {f.label}
          </a>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p class="nr-muted">{t.empty}</p>
      ) : (
        <div class="nr-table-wrap">
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.message}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.attempts}</th>
                <th scope="col">{t.lastError}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} id={`message-${r.id}`} data-status={r.status}>
                  <td data-label={t.created}>{r.created}</td>
                  <td data-label={t.message}>
                    {r.channel} <bdi class="nr-meta">{r.summary}</bdi>
                  </td>
                  <td data-label={t.status}>
                    {r.statusLabel}
                    {r.when ? <span class="nr-help">{r.when}</span> : null}
                    {r.canRetry ? (
                      <form method="post" action={`/newsroom/outbox/${r.id}/retry`} class="nr-inline">
                        <input type="hidden" name="_csrf" value={csrf} />
                        <button type="submit" class="nr-secondary">
                          {t.retry}
                        </button>
                      </form>
                    ) : null}
                  </td>
                  <td data-label={t.attempts}>{r.attempts}</td>
                  <td data-label={t.lastError}>
                    {r.lastError ? (
                      <span class="nr-help" dir="auto">
                        {r.lastError}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages.previous || pages.next ? (
        <p class="nr-pager">
          {pages.previous ? <a href={pages.previous}>{t.previous}</a> : null}{' '}
          {pages.next ? <a href={pages.next}>{t.next}</a> : null}
        </p>
      ) : null}
    </>
  );
}
