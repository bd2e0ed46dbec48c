// The tags page: one row per tag with rename, merge, link (to its equivalents in other
// languages) and delete forms.
import { format } from '../../../core/i18n.ts';
import type { TagWithUsage } from '../../../services/tags/queries.ts';
import type { TagMessages } from './messages.ts';

export function TagsPage({
  t,
  csrf,
  tags,
  linked,
}: {
  t: TagMessages;
  csrf: string;
  tags: TagWithUsage[];
  /** Tag id → the ids of the tags linked to it. */
  linked: ReadonlyMap<number, number[]>;
}) {
  if (tags.length === 0) return <p>{t.none}</p>;
  const nameOf = new Map(tags.map((tag) => [tag.id, tag.name]));
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
          <LinkForms
            t={t}
            csrf={csrf}
            tag={tag}
            tags={tags}
            linkedIds={linked.get(tag.id) ?? []}
            nameOf={nameOf}
          />{' '}
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

/** The tags this one is linked to (with unlink), and a form to link one more. */
function LinkForms(props: {
  t: TagMessages;
  csrf: string;
  tag: TagWithUsage;
  tags: TagWithUsage[];
  linkedIds: number[];
  nameOf: ReadonlyMap<number, string>;
}) {
  const { t, csrf, tag, tags, linkedIds, nameOf } = props;
  return (
    <>
      {linkedIds.length > 0 ? (
        <form method="post" action={`/newsroom/tags/${tag.id}/unlink`} class="nr-inline nr-tag-links">
          <input type="hidden" name="_csrf" value={csrf} />
          <span class="nr-meta">
            {t.linkedTo}{' '}
            {linkedIds.map((id, i) => (
              <>
                {i > 0 ? ' · ' : null}
                <bdi key={id}>{nameOf.get(id) ?? `#${id}`}</bdi>
              </>
            ))}
          </span>{' '}
          <button type="submit" class="nr-secondary">
            {t.unlink}
          </button>
        </form>
      ) : null}{' '}
      <form method="post" action={`/newsroom/tags/${tag.id}/link`} class="nr-inline">
        <input type="hidden" name="_csrf" value={csrf} />
        <label>
          {t.linkWith}{' '}
          <select name="with">
            {tags
              .filter((other) => other.id !== tag.id && !linkedIds.includes(other.id))
              .map((other) => (
                <option key={other.id} value={String(other.id)} dir="auto">
                  {other.name}
                </option>
              ))}
          </select>
        </label>{' '}
        <button type="submit" class="nr-secondary">
          {t.link}
        </button>
      </form>
    </>
  );
}
