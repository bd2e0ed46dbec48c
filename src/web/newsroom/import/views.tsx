// The import form with the list of earlier runs, and one run's progress and summary.
import type { ImportMessages } from './messages.ts';
import type { RunRowView, RunView } from './presenter.ts';

export interface ImportFormValues {
  dryRun: boolean;
  skipPingbacks: boolean;
  defaultAuthor: string;
  uploadsDir: string;
  categoryBase: string;
  tagBase: string;
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span id={id} class="nr-error">
      {text}
    </span>
  ) : null;
}

export function ImportPage(props: {
  t: ImportMessages;
  csrf: string;
  values: ImportFormValues;
  errors: Record<string, string>;
  authors: { email: string; name: string }[];
  runs: RunRowView[];
}) {
  const { t, values: v, errors } = props;
  const invalid = (k: string) =>
    errors[k] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${k}-error` } : {};
  return (
    <>
      <p class="nr-help">{t.intro}</p>
      {/* The file comes last: the server reads the options and the CSRF token before the bytes. */}
      <form method="post" action="/newsroom/import" enctype="multipart/form-data" class="nr-form nr-card">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label class="nr-check">
          <input type="checkbox" name="dry_run" checked={v.dryRun} /> {t.dryRun}
        </label>
        <label class="nr-check">
          <input type="checkbox" name="skip_pingbacks" checked={v.skipPingbacks} /> {t.skipPingbacks}
        </label>
        <p>
          <label for="default_author">{t.defaultAuthor}</label>
          <select id="default_author" name="default_author" {...invalid('default_author')}>
            <option value="">{t.noDefaultAuthor}</option>
            {props.authors.map((a) => (
              <option key={a.email} value={a.email} selected={v.defaultAuthor === a.email}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError id="default_author-error" text={errors.default_author} />
        </p>
        <p>
          <label for="uploads_dir">{t.uploadsDir}</label>
          <input
            id="uploads_dir"
            name="uploads_dir"
            dir="ltr"
            value={v.uploadsDir}
            aria-describedby={errors.uploads_dir ? 'uploads_dir-error' : 'uploads_dir-help'}
            aria-invalid={errors.uploads_dir ? 'true' : undefined}
          />
          {errors.uploads_dir ? (
            <FieldError id="uploads_dir-error" text={errors.uploads_dir} />
          ) : (
            <span id="uploads_dir-help" class="nr-help">
              {t.uploadsDirHelp}
            </span>
          )}
        </p>
        <p>
          <label for="category_base">{t.categoryBase}</label>
          <input
            id="category_base"
            name="category_base"
            dir="ltr"
            placeholder="category"
            value={v.categoryBase}
            {...invalid('category_base')}
          />
          <FieldError id="category_base-error" text={errors.category_base} />
        </p>
        <p>
          <label for="tag_base">{t.tagBase}</label>
          <input
            id="tag_base"
            name="tag_base"
            dir="ltr"
            placeholder="tag"
            value={v.tagBase}
            {...invalid('tag_base')}
          />
          {errors.tag_base ? (
            <FieldError id="tag_base-error" text={errors.tag_base} />
          ) : (
            <span class="nr-help">{t.baseHelp}</span>
          )}
        </p>
        <p>
          <label for="file">{t.file}</label>
          <input
            id="file"
            type="file"
            name="file"
            accept=".xml,text/xml,application/xml"
            required
            {...invalid('file')}
          />
          <FieldError id="file-error" text={errors.file} />
        </p>
        <button type="submit">{t.start}</button>
      </form>
      {props.runs.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t.history}</h2>
          <div class="nr-table-wrap">
            <table class="nr-table">
              <thead>
                <tr>
                  <th scope="col">{t.file}</th>
                  <th scope="col">{t.when}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.progress}</th>
                </tr>
              </thead>
              <tbody>
                {props.runs.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t.file}>
                      <a href={r.href} dir="auto">
                        {r.fileName}
                      </a>
                    </td>
                    <td data-label={t.when}>{r.when}</td>
                    <td data-label={t.status}>{r.statusText}</td>
                    <td data-label={t.progress}>{r.progressText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

export function RunPage({
  t,
  csrf,
  run,
  script,
}: {
  t: ImportMessages;
  csrf: string;
  run: RunView;
  script: string;
}) {
  return (
    <>
      <p>
        <b dir="auto">{run.fileName}</b> · {run.when} ·{' '}
        <span class={`nr-run-${run.status}`} data-run-status>
          {run.statusText}
        </span>
      </p>
      {run.active ? (
        // The script polls progress.json and updates this card in place; the status line is
        // the polite live region, told only what changed and at most every few seconds.
        <section
          class="nr-card"
          data-import-progress={`/newsroom/import/${run.id}/progress.json`}
          data-finished={t.finished}
        >
          <progress
            value={run.total > 0 ? run.done : undefined}
            max={run.total > 0 ? run.total : undefined}
            aria-label={t.progress}
          >
            {run.progressText}
          </progress>
          <p data-progress-text>{run.total > 0 ? run.progressText : t.reading}</p>
          <p data-rate-text>{run.rateText ?? ''}</p>
          <p class="visually-hidden" role="status" aria-live="polite" data-live />
          <p class="nr-help" data-refresh>
            <a href={`/newsroom/import/${run.id}`}>{t.refresh}</a>
          </p>
          <p class="nr-help" data-live-note hidden>
            {t.refreshNote}
          </p>
          <p data-summary-link hidden>
            <a href={`/newsroom/import/${run.id}`}>{t.showSummary}</a>
          </p>
          <script src={script} defer />
        </section>
      ) : null}
      {run.error ? (
        <p class="nr-notice nr-error" role="alert" dir="auto">
          {run.error}
        </p>
      ) : null}
      {run.status === 'interrupted' ? <p class="nr-help">{t.interruptedHelp}</p> : null}
      {run.canRetry ? (
        <form method="post" action={`/newsroom/import/${run.id}/retry`} class="nr-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit">{t.retry}</button>
        </form>
      ) : null}
      {run.summary ? <Summary t={t} run={run} summary={run.summary} /> : null}
    </>
  );
}

function Summary({
  t,
  run,
  summary,
}: {
  t: ImportMessages;
  run: RunView;
  summary: NonNullable<RunView['summary']>;
}) {
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t.summary}</h2>
      {summary.dryRun ? <p class="nr-notice">{t.dryRunDone}</p> : null}
      <div class="nr-table-wrap">
        <table class="nr-table nr-compact">
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.imported}</th>
              <th scope="col">{t.existing}</th>
              <th scope="col">{t.skipped}</th>
            </tr>
          </thead>
          <tbody>
            {summary.counts.map((c) => (
              <tr key={c.kind}>
                <th scope="row">{c.label}</th>
                <td data-label={t.imported}>{c.imported}</td>
                <td data-label={t.existing}>{c.existing}</td>
                <td data-label={t.skipped}>{c.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="nr-facts">
        {summary.notImported.length > 0 ? (
          <>
            <dt>{t.notImported}</dt>
            <dd>
              <bdi dir="ltr">{summary.notImported.join(', ')}</bdi>
            </dd>
          </>
        ) : null}
        {summary.shortcodes.length > 0 ? (
          <>
            <dt>{t.shortcodes}</dt>
            <dd>
              <bdi dir="ltr">{summary.shortcodes.join(', ')}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t.removed}</dt>
        <dd>{summary.removed}</dd>
        <dt>{t.missingMedia}</dt>
        <dd>{summary.missingMedia}</dd>
        {summary.languages.length > 0 ? (
          <>
            <dt>{t.languages}</dt>
            <dd>
              <bdi dir="ltr">{summary.languages.join(', ')}</bdi>
            </dd>
          </>
        ) : null}
      </dl>
      {summary.languageChangeCount > 0 ? (
        <>
          <h3>{t.languageChanged.replace('{n}', String(summary.languageChangeCount))}</h3>
          <ul class="nr-warnings">
            {summary.languageChanges.map((c) => (
              <li key={c.postId}>
                <span class="nr-muted">{c.postId}: </span>
                <bdi lang={c.to} dir="auto">
                  {c.title}
                </bdi>{' '}
                <bdi dir="ltr">
                  {c.from} → {c.to}
                </bdi>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.warnings.length > 0 ? (
        <>
          <h3>{t.warnings}</h3>
          <ul class="nr-warnings">
            {summary.warnings.map((w, i) => (
              <li key={`w-${i}`}>
                {w.line ? <span class="nr-muted">{w.line}: </span> : null}
                {/* The importer's warnings are in English, whatever the newsroom's language. */}
                <bdi dir="ltr" lang="en">
                  {w.message}
                </bdi>
              </li>
            ))}
          </ul>
          {summary.moreWarnings > 0 ? (
            <p>{t.moreWarnings.replace('{n}', String(summary.moreWarnings))}</p>
          ) : null}
        </>
      ) : null}
      <p>
        <a href={`/newsroom/import/${run.id}/report.json`} download>
          {t.report}
        </a>
      </p>
    </section>
  );
}
