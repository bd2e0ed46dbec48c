// 404 and 500 pages: what happened, and a way on.
import type { ErrorPageView, SiteView } from '../view-models.ts';

export function ErrorPage({ site, page }: { site: SiteView; page: ErrorPageView }) {
  return (
    <div class="error-page">
      <p class="error-code">{page.status}</p>
      <h1>{page.heading}</h1>
      <p>{page.message}</p>
      <p>
        <a class="button" href={site.homeHref}>
          {site.t.backHome}
        </a>
      </p>
    </div>
  );
}
