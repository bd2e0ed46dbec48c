// The media library: an upload form that works without JavaScript (the drop-zone script only
// enhances it), a search form, and a grid of tiles with thumbnail, alt text, size and date.
import { format } from '../../../core/i18n.ts';
import type { NewsroomMessages } from '../messages.ts';
import type { LibraryItemView } from './presenter.ts';

export const ACCEPT =
  'image/jpeg,image/png,image/webp,image/avif,image/gif,application/pdf,audio/*,video/mp4,video/webm,.mp3,.m4a,.ogg,.opus,.wav,.mp4,.webm,.vtt,text/vtt';

export interface LibraryPageProps {
  t: NewsroomMessages;
  csrf: string;
  items: LibraryItemView[];
  q: string;
  maxMb: number;
  canUpload: boolean;
  prev: string | null;
  next: string | null;
  script: string;
  /** Typed values to keep after a refused upload. */
  typedAlt?: string;
}

export function LibraryPage(props: LibraryPageProps) {
  const { t, items, q } = props;
  return (
    <>
      {props.canUpload ? <UploadForm {...props} /> : null}
      <form method="get" action="/newsroom/media" class="nr-search">
        <label for="media-q">{t.mediaSearch}</label>
        <span class="nr-search-row">
          <input type="search" id="media-q" name="q" value={q} dir="auto" maxlength={200} />
          <button type="submit" class="nr-secondary">
            {t.mediaSearchButton}
          </button>
        </span>
      </form>
      {items.length === 0 ? (
        <p>{q ? t.mediaNoResults : t.mediaEmpty}</p>
      ) : (
        <ul class="nr-media-grid">
          {items.map((item) => (
            <li key={item.id} class="nr-media-item" id={`media-${item.id}`}>
              <a href={item.href}>
                <span class="nr-media-thumb">
                  {item.thumb ? (
                    <img
                      src={item.thumb.src}
                      width={item.thumb.width}
                      height={item.thumb.height}
                      alt=""
                      loading="lazy"
                      decoding="async"
                    />
                  ) : (
                    <span class="nr-media-doc">{item.badge}</span>
                  )}
                </span>
                <span class="nr-media-alt" dir="auto">
                  {item.alt || <em class="nr-muted">{item.placeholder}</em>}
                </span>
              </a>
              <span class="nr-meta">
                {item.durationText ? (
                  <>
                    <bdi dir="ltr">{item.durationText}</bdi> ·{' '}
                  </>
                ) : null}
                <bdi>{item.sizeText}</bdi> · {item.dateText}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.prev || props.next ? (
        <nav class="nr-pages" aria-label={t.mediaLibrary}>
          {props.prev ? (
            <a href={props.prev} rel="prev">
              {t.previous}
            </a>
          ) : null}
          {props.next ? (
            <a href={props.next} rel="next">
              {t.next}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

function UploadForm({ t, csrf, maxMb, script, typedAlt }: LibraryPageProps) {
  return (
    <section class="nr-card nr-upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t.mediaUpload}</h2>
      {/* The hidden token comes first: the server checks it before reading the file. */}
      <form
        method="post"
        action="/newsroom/media"
        enctype="multipart/form-data"
        class="nr-form nr-dropzone"
        data-drop-hint={t.mediaDropHint}
        data-uploading={t.mediaUploading}
        data-failed={t.mediaUploadFailed}
        data-done={t.mediaUploadedCount}
        data-max-bytes={String(Math.floor(maxMb * 1024 * 1024))}
        data-too-large={format(t.mediaTooLarge, { mb: maxMb })}
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <p>
          <label for="media-file">{t.mediaFile}</label>
          <input
            id="media-file"
            type="file"
            name="file"
            accept={ACCEPT}
            required
            aria-describedby="media-file-help"
          />
          <span id="media-file-help" class="nr-help">
            {format(t.mediaFileHelp, { mb: maxMb })}
          </span>
        </p>
        <p>
          <label for="media-alt">{t.mediaAlt}</label>
          <input id="media-alt" name="alt" dir="auto" maxlength={500} value={typedAlt ?? ''} />
        </p>
        <p>
          <button type="submit">{t.mediaUpload}</button>
        </p>
        <p class="nr-drop-status" role="status" aria-live="polite" />
      </form>
      <script src={script} defer />
    </section>
  );
}
