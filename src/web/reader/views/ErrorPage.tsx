// Error pages (404, 400, 403, 500…): what happened, and a way on.
import type { ErrorPageView, SiteView } from '../view-models.ts';

export function ErrorPage({ site, page }: { site: SiteView; page: ErrorPageView }) {
  return (
    <div class="error-page">
      <p class="error-code">{page.status}</p>
      <h1>{page.heading}</h1>
      <p>{page.message}</p>
      {page.details ? <p class="error-details">{page.details}</p> : null}
      <p>
        <a class="button" href={site.homeHref}>
          {site.t.backHome}
        </a>
      </p>
    </div>
  );
}
