// One media item: a preview, the alt text, caption and credit form, the variants sharp made,
// and delete; when delete is refused, the articles and people that still use the item.
import type { MediaUsage } from '../../../core/media.ts';
import type { NewsroomMessages } from '../messages.ts';
import { AvPanels, AvPlayer, type AvView } from './AvPanels.tsx';
import type { VariantView } from './presenter.ts';

export interface EditView {
  id: number;
  alt: string;
  caption: string;
  credit: string;
  isDocument: boolean;
  fileUrl: string;
  preview: { src: string; srcset: string; width: number; height: number } | null;
  sizeText: string;
  dimensions: string | null;
  dateText: string;
  variants: VariantView[];
  /** Audio and video: the player, poster and caption tracks. */
  av: AvView | null;
}

export interface EditPageProps {
  t: NewsroomMessages;
  csrf: string;
  item: EditView;
  canDelete: boolean;
  errors?: Partial<Record<'alt' | 'caption' | 'credit', string>>;
  usage?: MediaUsage | null;
  /** Where an article is edited (the articles area owns that URL). */
  articleHref: (id: number) => string;
  personHref: (slug: string) => string;
}

export function EditPage({
  t,
  csrf,
  item,
  canDelete,
  errors = {},
  usage,
  articleHref,
  personHref,
}: EditPageProps) {
  return (
    <>
      <p>
        <a href="/newsroom/media">{t.mediaBack}</a>
      </p>
      {usage ? <UsageList t={t} usage={usage} articleHref={articleHref} personHref={personHref} /> : null}
      <div class="nr-media-edit">
        <figure class="nr-media-preview">
          {item.av ? (
            <AvPlayer av={item.av} />
          ) : item.preview ? (
            <img
              src={item.preview.src}
              srcset={item.preview.srcset || undefined}
              sizes="(max-width: 40em) 100vw, 28rem"
              width={item.preview.width}
              height={item.preview.height}
              alt={item.alt}
            />
          ) : (
            <a href={item.fileUrl} download class="nr-media-doc">
              PDF · {t.mediaDownload}
            </a>
          )}
        </figure>
        <form method="post" action={`/newsroom/media/${item.id}`} class="nr-form" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <Field
            t={t}
            name="alt"
            label={t.mediaAlt}
            value={item.alt}
            error={errors.alt}
            help={t.mediaAltHelp}
          />
          <Field
            t={t}
            name="caption"
            label={t.mediaCaption}
            value={item.caption}
            error={errors.caption}
            multiline
          />
          <Field t={t} name="credit" label={t.mediaCredit} value={item.credit} error={errors.credit} />
          <p>
            <button type="submit">{t.save}</button>
          </p>
        </form>
      </div>
      <dl class="nr-media-facts">
        <div>
          <dt>{t.mediaSize}</dt>
          <dd>
            <bdi>{item.sizeText}</bdi>
          </dd>
        </div>
        {item.av?.durationText ? (
          <div>
            <dt>{t.mediaDuration}</dt>
            <dd>
              <bdi dir="ltr">{item.av.durationText}</bdi>
              {item.av.codec ? (
                <>
                  {' · '}
                  <bdi dir="ltr">{item.av.codec}</bdi>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {item.dimensions ? (
          <div>
            <dt>{t.mediaDimensions}</dt>
            <dd>
              <bdi dir="ltr">{item.dimensions}</bdi>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t.mediaUploadedAt}</dt>
          <dd>{item.dateText}</dd>
        </div>
        <div>
          <dt>{t.mediaFile}</dt>
          <dd>
            <a href={item.fileUrl} download>
              {t.mediaDownload}
            </a>
          </dd>
        </div>
      </dl>
      {item.av ? <AvPanels t={t} csrf={csrf} id={item.id} av={item.av} /> : null}
      {item.variants.length > 0 ? (
        <section aria-labelledby="variants-heading">
          <h2 id="variants-heading">{t.mediaVariants}</h2>
          <div class="nr-table-wrap">
            <table class="nr-table nr-variants">
              <thead>
                <tr>
                  <th scope="col">{t.mediaDimensions}</th>
                  <th scope="col">{t.mediaFormat}</th>
                </tr>
              </thead>
              <tbody>
                {item.variants.map((v) => (
                  <tr key={v.width}>
                    <td>
                      <bdi dir="ltr">{`${v.width} × ${v.height}`}</bdi>
                    </td>
                    <td>
                      {v.files.map((f, i) => (
                        <span key={f.url}>
                          {i > 0 ? ' · ' : null}
                          <a href={f.url}>{f.format}</a>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {canDelete ? (
        <form method="post" action={`/newsroom/media/${item.id}/delete`} class="nr-form nr-delete">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="nr-danger">
            {t.mediaDelete}
          </button>
        </form>
      ) : null}
    </>
  );
}

function Field(props: {
  t: NewsroomMessages;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  help?: string;
  multiline?: boolean;
}) {
  const id = `media-${props.name}`;
  const describedBy = [props.help ? `${id}-help` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    dir: 'auto' as const,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <p>
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} value={props.value} />
      ) : (
        <input {...common} value={props.value} />
      )}
      {props.help ? (
        <span id={`${id}-help`} class="nr-help">
          {props.help}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${id}-error`} class="nr-error">
          {props.error}
        </span>
      ) : null}
    </p>
  );
}

function UsageList(props: {
  t: NewsroomMessages;
  usage: MediaUsage;
  articleHref: (id: number) => string;
  personHref: (slug: string) => string;
}) {
  const { t, usage } = props;
  return (
    <section class="nr-card nr-usage" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t.mediaUsedIn}</h2>
      {usage.articles.length > 0 ? (
        <>
          <h3>{t.mediaUsedByArticles}</h3>
          <ul>
            {usage.articles.map((a) => (
              <li key={a.id}>
                <a href={props.articleHref(a.id)} lang={a.lang} dir="auto">
                  {a.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {usage.people.length > 0 ? (
        <>
          <h3>{t.mediaUsedByPeople}</h3>
          <ul>
            {usage.people.map((p) => (
              <li key={p.id}>
                <a href={props.personHref(p.slug)} dir="auto">
                  {p.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
