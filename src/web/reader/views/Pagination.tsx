// Previous / "page N of M" / next. Nothing when there is a single page.
import type { Messages } from '../../../core/i18n.ts';
import type { PaginationView } from '../view-models.ts';

export function Pagination({ pagination, t }: { pagination: PaginationView; t: Messages }) {
  const { page, pages, prev, next } = pagination;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t.pagination}>
      <ul>
        <li class="page-prev">
          {prev ? (
            <a href={prev} rel="prev">
              {t.previous}
            </a>
          ) : null}
        </li>
        <li class="page-status" aria-current="page">
          {t.page} {page} {t.of} {pages}
        </li>
        <li class="page-next">
          {next ? (
            <a href={next} rel="next">
              {t.next}
            </a>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
