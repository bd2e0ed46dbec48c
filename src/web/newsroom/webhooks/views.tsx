// The webhooks pages: the list with the form to add one, and one webhook's page with its
// settings, its secret, its actions and its delivery log.
import { WEBHOOK_EVENTS } from '../../../core/webhooks.ts';
import { InputField } from '../views/Field.tsx';
import { type WebhookMessages, webhookText } from './messages.ts';
import type { DeliveryRow, WebhookRow } from './presenter.ts';
import type { WebhookForm } from './schema.ts';

export type FormErrors = Partial<Record<'url' | 'events' | 'description', string>>;

function Hidden({ csrf }: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={csrf} />;
}

/** The fields of the add and edit forms, with each error next to its field. */
function WebhookFields({
  t,
  prefix,
  values,
  errors,
}: {
  t: WebhookMessages;
  prefix: string;
  values: WebhookForm;
  errors: FormErrors;
}) {
  const eventsError = errors.events ? webhookText(t, errors.events) : undefined;
  return (
    <>
      <InputField
        id={`${prefix}-url`}
        name="url"
        label={t.url}
        type="text"
        dir="ltr"
        value={values.url}
        required
        maxlength={2000}
        error={errors.url ? webhookText(t, errors.url) : undefined}
      />
      <p class="nr-help">{t.urlHelp}</p>
      <InputField
        id={`${prefix}-description`}
        name="description"
        label={t.description}
        dir="auto"
        value={values.description}
        maxlength={200}
        error={errors.description ? webhookText(t, errors.description) : undefined}
      />
      <fieldset class="nr-fieldset" aria-describedby={eventsError ? `${prefix}-events-error` : undefined}>
        <legend>{t.events}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} class="nr-check">
            <input type="checkbox" name="events" value={event} checked={values.events.includes(event)} />{' '}
            {webhookText(t, `event_${event}`)} <code dir="ltr">{event}</code>
          </label>
        ))}
        {eventsError ? (
          <span id={`${prefix}-events-error`} class="nr-error">
            {eventsError}
          </span>
        ) : null}
      </fieldset>
    </>
  );
}

export function WebhookListPage({
  t,
  csrf,
  rows,
  values,
  errors,
}: {
  t: WebhookMessages;
  csrf: string;
  rows: WebhookRow[];
  values: WebhookForm;
  errors: FormErrors;
}) {
  return (
    <>
      <p>{t.intro}</p>
      {rows.length === 0 ? (
        <p class="nr-muted">{t.noWebhooks}</p>
      ) : (
        <ul class="nr-queue">
          {rows.map((w) => (
            <li key={w.id} class="nr-card" id={`webhook-${w.id}`}>
              <p>
                <strong dir="ltr">{w.url}</strong>{' '}
                <span class="nr-meta">{w.active ? t.active : t.inactive}</span>
              </p>
              {w.description ? <p dir="auto">{w.description}</p> : null}
              <p class="nr-meta">
                {t.events}: {w.events}
              </p>
              <p class="nr-meta">
                {t.lastDelivery}: {w.last}
              </p>
              <p>
                <a href={`/newsroom/webhooks/${w.id}`}>{t.manage}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <section class="nr-card" aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">{t.newWebhook}</h2>
        <form method="post" action="/newsroom/webhooks" class="nr-form">
          <Hidden csrf={csrf} />
          <WebhookFields t={t} prefix="new" values={values} errors={errors} />
          <button type="submit">{t.create}</button>
        </form>
      </section>
    </>
  );
}

function ActionButton({
  csrf,
  action,
  label,
  danger,
}: {
  csrf: string;
  action: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <form method="post" action={action} class="nr-inline">
      <Hidden csrf={csrf} />
      <button type="submit" class={danger ? 'nr-danger' : 'nr-secondary'}>
        {label}
      </button>
    </form>
  );
}

function DeliveryLog({
  t,
  csrf,
  base,
  rows,
}: {
  t: WebhookMessages;
  csrf: string;
  base: string;
  rows: DeliveryRow[];
}) {
  if (rows.length === 0) return <p class="nr-muted">{t.noDeliveries}</p>;
  return (
    <div class="nr-table-wrap">
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.event}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.attempts}</th>
            <th scope="col">{t.response}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} id={`delivery-${d.id}`} data-status={d.status}>
              <td data-label={t.when}>{d.when}</td>
              <td data-label={t.event}>
                {d.event}
                {d.subject ? (
                  <>
                    {' '}
                    <bdi class="nr-meta">{d.subject}</bdi>
                  </>
                ) : null}
              </td>
              <td data-label={t.status}>
                {d.statusLabel}
                {d.next ? <span class="nr-help">{d.next}</span> : null}
                {d.canRetry ? (
                  <ActionButton csrf={csrf} action={`${base}/deliveries/${d.id}/retry`} label={t.retry} />
                ) : null}
              </td>
              <td data-label={t.attempts}>{d.attempts}</td>
              <td data-label={t.response}>
                {d.response}
                {d.error ? (
                  <span class="nr-help" dir="auto">
                    {d.error}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WebhookPage({
  t,
  csrf,
  webhook,
  secret,
  deliveries,
  values,
  errors,
  revealSecret,
}: {
  t: WebhookMessages;
  csrf: string;
  webhook: WebhookRow;
  secret: string;
  deliveries: DeliveryRow[];
  values: WebhookForm;
  errors: FormErrors;
  /** Open the secret at once, right after it was made. */
  revealSecret: boolean;
}) {
  const base = `/newsroom/webhooks/${webhook.id}`;
  // The header name is code, kept whole and left to right inside an Arabic sentence.
  const [before, after] = t.secretHelp.split('{header}');
  return (
    <>
      <p>
        <a href="/newsroom/webhooks">{t.back}</a>
      </p>
      <p>
        {t.status}: <strong>{webhook.active ? t.active : t.inactive}</strong>
      </p>
      <div class="nr-actions">
        <ActionButton
          csrf={csrf}
          action={`${base}/${webhook.active ? 'disable' : 'enable'}`}
          label={webhook.active ? t.disable : t.enable}
        />
        <ActionButton csrf={csrf} action={`${base}/ping`} label={t.ping} />
      </div>
      <section class="nr-card" aria-labelledby="secret-title">
        <h2 id="secret-title">{t.secret}</h2>
        <p class="nr-help">
          {before}
          <code dir="ltr">X-Midad-Signature</code>
          {after}
        </p>
        <details open={revealSecret}>
          <summary>{t.secretShow}</summary>
          <p class="nr-secret" dir="ltr">
            <code>{secret}</code>
          </p>
        </details>
        <ActionButton csrf={csrf} action={`${base}/rotate-secret`} label={t.rotate} />
        <p class="nr-help">{t.rotateHelp}</p>
      </section>
      <section class="nr-card" aria-labelledby="settings-title">
        <h2 id="settings-title">{t.settings}</h2>
        <form method="post" action={base} class="nr-form">
          <Hidden csrf={csrf} />
          <WebhookFields t={t} prefix="edit" values={values} errors={errors} />
          <button type="submit">{t.save}</button>
        </form>
      </section>
      <section class="nr-card" aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">{t.deliveries}</h2>
        <p class="nr-help">{t.deliveriesHelp}</p>
        <DeliveryLog t={t} csrf={csrf} base={base} rows={deliveries} />
      </section>
      <section class="nr-card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t.delete}</h2>
        <p class="nr-help">{t.deleteHelp}</p>
        <ActionButton csrf={csrf} action={`${base}/delete`} label={t.delete} danger />
      </section>
    </>
  );
}
