// The audit log page: who did what and when, newest first, a page at a time.
import type { NewsroomMessages } from '../messages.ts';

export interface AuditRow {
  id: number;
  when: string;
  who: string;
  action: string;
  target: string;
  details: string;
}

export function AuditPage({
  t,
  rows,
  prev,
  next,
}: {
  t: NewsroomMessages;
  rows: AuditRow[];
  prev: string | null;
  next: string | null;
}) {
  return (
    <>
      <div class="nr-table-wrap">
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.what}</th>
              <th scope="col">{t.details}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t.when}>{r.when}</td>
                <td data-label={t.who}>
                  <bdi>{r.who}</bdi>
                </td>
                <td>
                  {r.action} <span dir="ltr">{r.target}</span>
                </td>
                <td dir="ltr">
                  <code>{r.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="nr-pages" aria-label={`${t.previous} / ${t.next}`}>
        {prev ? <a href={prev}>{t.previous}</a> : null} {next ? <a href={next}>{t.next}</a> : null}
      </nav>
    </>
  );
}
