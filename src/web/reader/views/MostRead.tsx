// "الأكثر قراءة": the most-read articles of the page's language, numbered, most read first.
import type { MostReadItemView, SiteView } from '../view-models.ts';
import { langAttrs } from './util.ts';

export function MostRead({ site, items }: { site: SiteView; items: MostReadItemView[] | undefined }) {
  if (!items || items.length === 0) return null;
  return (
    <section class="most-read" aria-labelledby="most-read-title">
      <h2 id="most-read-title" class="section-title">
        {site.t.mostRead}
      </h2>
      <ol>
        {items.map((item) => (
          <li key={item.href} {...langAttrs(item.lang, site.lang)}>
            <a href={item.href}>{item.title}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
