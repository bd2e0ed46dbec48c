// The page the service worker shows for a page it has not kept while the reader is offline.
// The list is empty as served: the worker fills it with the articles kept on the device, shows
// the line that introduces them and hides the one saying there are none.
import type { SiteView } from '../view-models.ts';

export function OfflinePage({ site }: { site: SiteView }) {
  const t = site.t;
  return (
    <section class="offline-page">
      <h1>{t.offlineTitle}</h1>
      <p>{t.offlineText}</p>
      <p class="saved-intro" hidden>
        {t.offlineSaved}
      </p>
      <ul class="saved-list"></ul>
      <p class="saved-none">{t.offlineNone}</p>
    </section>
  );
}
