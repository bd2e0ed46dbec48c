// The tags page: one row per tag with rename, merge and delete forms.
import { format } from '../../../core/i18n.ts';
import type { TagWithUsage } from '../../../services/tags/queries.ts';
import type { TagMessages } from './messages.ts';

export function TagsPage({ t, csrf, tags }: { t: TagMessages; csrf: string; tags: TagWithUsage[] }) {
  if (tags.length === 0) return <p>{t.none}</p>;
  return (
    <ul class="nr-queue">
      {tags.map((tag) => (
        <li key={tag.id} class="nr-card" id={`tag-${tag.id}`}>
          <form method="post" action={`/newsroom/tags/${tag.id}`} class="nr-form nr-tag-row">
            <input type="hidden" name="_csrf" value={csrf} />
            <label>
              {t.name} <input name="name" value={tag.name} dir="auto" required maxlength={60} />
            </label>
            <label>
              {t.slug} <input name="slug" value={tag.slug} dir="auto" maxlength={80} />
            </label>
            <span class="nr-meta">{format(t.articlesN, { n: tag.articles })}</span>
            <button type="submit" class="nr-secondary">
              {t.rename}
            </button>
          </form>
          <form method="post" action={`/newsroom/tags/${tag.id}/merge`} class="nr-inline">
            <input type="hidden" name="_csrf" value={csrf} />
            <label>
              {t.mergeInto}{' '}
              <select name="into">
                {tags
                  .filter((other) => other.id !== tag.id)
                  .map((other) => (
                    <option key={other.id} value={String(other.id)}>
                      {other.name}
                    </option>
                  ))}
              </select>
            </label>{' '}
            <button type="submit" class="nr-secondary">
              {t.merge}
            </button>
          </form>{' '}
          <form method="post" action={`/newsroom/tags/${tag.id}/delete`} class="nr-inline">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="nr-danger">
              {t.delete}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
