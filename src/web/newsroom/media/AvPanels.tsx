// An audio or video item's page: the player as readers will get it, its playing time, the
// poster image (chosen from the library's images or uploaded), and its WebVTT caption tracks.
// Every form works without JavaScript.
import type { NewsroomMessages } from '../messages.ts';

export interface AvTrackView {
  id: number;
  lang: string;
  label: string;
  kindText: string;
  url: string;
}

export interface AvView {
  kind: 'audio' | 'video';
  fileUrl: string;
  mime: string;
  width: number | null;
  height: number | null;
  durationText: string | null;
  codec: string | null;
  poster: { id: number; src: string } | null;
  posterChoices: { id: number; src: string; alt: string }[];
  tracks: AvTrackView[];
}

export function AvPlayer({ av }: { av: AvView }) {
  const tracks = av.tracks.map((track) => (
    <track key={track.id} kind="captions" src={track.url} srclang={track.lang} label={track.label} />
  ));
  if (av.kind === 'audio') {
    return (
      // biome-ignore lint/a11y/useMediaCaption: the item's WebVTT tracks, when it has any, are its captions
      <audio controls preload="metadata" src={av.fileUrl} class="nr-media-player">
        {tracks}
      </audio>
    );
  }
  return (
    // biome-ignore lint/a11y/useMediaCaption: the item's WebVTT tracks, when it has any, are its captions
    <video
      controls
      preload="metadata"
      src={av.fileUrl}
      poster={av.poster?.src}
      width={av.width ?? undefined}
      height={av.height ?? undefined}
      class="nr-media-player"
    >
      {tracks}
    </video>
  );
}

export function AvPanels({ t, csrf, id, av }: { t: NewsroomMessages; csrf: string; id: number; av: AvView }) {
  return (
    <>
      {av.kind === 'video' ? <PosterPanel t={t} csrf={csrf} id={id} av={av} /> : null}
      <section class="nr-card" aria-labelledby="captions-heading">
        <h2 id="captions-heading">{t.mediaCaptions}</h2>
        {av.tracks.length === 0 ? (
          <p class="nr-muted">{t.mediaCaptionsNone}</p>
        ) : (
          <ul class="nr-tracks">
            {av.tracks.map((track) => (
              <li key={track.id}>
                <bdi dir="auto">{track.label}</bdi> · <bdi dir="ltr">{track.lang}</bdi> · {track.kindText} ·{' '}
                <a href={track.url}>WebVTT</a>
                <form
                  method="post"
                  action={`/newsroom/media/${id}/tracks/${track.id}/delete`}
                  class="nr-inline"
                >
                  <input type="hidden" name="_csrf" value={csrf} />
                  <button type="submit" class="nr-secondary">
                    {t.mediaCaptionsRemove}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form
          method="post"
          action={`/newsroom/media/${id}/tracks`}
          enctype="multipart/form-data"
          class="nr-form"
        >
          <h3>{t.mediaCaptionsAdd}</h3>
          <input type="hidden" name="_csrf" value={csrf} />
          <p>
            <label for="track-lang">{t.mediaCaptionsLang}</label>
            <input id="track-lang" name="lang" dir="ltr" required maxlength={35} placeholder="ar" />
          </p>
          <p>
            <label for="track-label">{t.mediaCaptionsLabel}</label>
            <input id="track-label" name="label" dir="auto" required maxlength={80} />
          </p>
          <p>
            <label for="track-kind">{t.mediaCaptionsKind}</label>
            <select id="track-kind" name="kind">
              <option value="captions">{t.mediaCaptionsKindCaptions}</option>
              <option value="subtitles">{t.mediaCaptionsKindSubtitles}</option>
            </select>
          </p>
          <p>
            <label for="track-file">{t.mediaCaptionsFile}</label>
            <input type="file" id="track-file" name="file" accept=".vtt,text/vtt" required />
          </p>
          <p>
            <button type="submit">{t.mediaCaptionsAdd}</button>
          </p>
        </form>
      </section>
    </>
  );
}

function PosterPanel({ t, csrf, id, av }: { t: NewsroomMessages; csrf: string; id: number; av: AvView }) {
  return (
    <section class="nr-card" aria-labelledby="poster-heading">
      <h2 id="poster-heading">{t.mediaPoster}</h2>
      {av.poster ? (
        <form method="post" action={`/newsroom/media/${id}/poster`} class="nr-form">
          <img src={av.poster.src} alt="" class="nr-poster-current" />
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="remove" value="1" />
          <button type="submit" class="nr-secondary">
            {t.mediaPosterRemove}
          </button>
        </form>
      ) : (
        <p class="nr-muted">{t.mediaPosterNone}</p>
      )}
      {av.posterChoices.length > 0 ? (
        <form method="post" action={`/newsroom/media/${id}/poster`} class="nr-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <fieldset>
            <legend>{t.mediaPosterChoose}</legend>
            <ul class="nr-poster-choices">
              {av.posterChoices.map((choice) => (
                <li key={choice.id}>
                  <label>
                    <input
                      type="radio"
                      name="posterId"
                      value={String(choice.id)}
                      checked={av.poster?.id === choice.id}
                    />
                    <img src={choice.src} alt={choice.alt} loading="lazy" decoding="async" />
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit">{t.mediaPosterUse}</button>
        </form>
      ) : null}
      <form
        method="post"
        action={`/newsroom/media/${id}/poster/upload`}
        enctype="multipart/form-data"
        class="nr-form"
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <p>
          <label for="poster-file">{t.mediaPosterUpload}</label>
          <input
            type="file"
            id="poster-file"
            name="file"
            accept="image/jpeg,image/png,image/webp,image/avif"
            required
          />
        </p>
        <p>
          <button type="submit">{t.mediaPosterUse}</button>
        </p>
      </form>
    </section>
  );
}
