// The signed-in person's security: two-step verification and password.
import type { Enrolment } from '../../../services/auth/two-factor.ts';
import { InputField } from '../views/Field.tsx';
import type { AccountMessages } from './messages.ts';

export interface AccountView {
  twoFactorEnabled: boolean;
  enrolment: Enrolment | null;
  recoveryCodes: string[] | null;
  errors: Record<string, string>;
}

export function AccountPage({
  t,
  csrf,
  view,
  tokensLabel,
}: {
  t: AccountMessages;
  csrf: string;
  view: AccountView;
  /** The link to the person's API tokens (words from the tokens page). */
  tokensLabel: string;
}) {
  return (
    <>
      <p>
        <a href="/newsroom/profile">{t.myProfile}</a> · <a href="/newsroom/account/tokens">{tokensLabel}</a>
      </p>
      <section aria-labelledby="twofactor-title" class="nr-card">
        <h2 id="twofactor-title">{t.twoFactor}</h2>
        {view.recoveryCodes ? (
          <div class="nr-recovery">
            <h3>{t.recoveryTitle}</h3>
            <p>{t.recoveryHelp}</p>
            <ol class="nr-codes" dir="ltr">
              {view.recoveryCodes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        <p>{view.twoFactorEnabled ? t.twoFactorOn : t.twoFactorOff}</p>
        {view.enrolment ? (
          <Enrol t={t} csrf={csrf} enrolment={view.enrolment} error={view.errors.code} />
        ) : view.twoFactorEnabled ? (
          <form method="post" action="/newsroom/account/2fa/disable" class="nr-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <InputField
              id="disable-password"
              name="password"
              type="password"
              dir="ltr"
              autocomplete="current-password"
              required
              label={t.currentPassword}
              error={view.errors.disablePassword}
            />
            <button type="submit" class="nr-danger">
              {t.disable2fa}
            </button>
          </form>
        ) : (
          <form method="post" action="/newsroom/account/2fa/start" class="nr-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit">{t.enable2fa}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="password-title" class="nr-card">
        <h2 id="password-title">{t.changePassword}</h2>
        <form method="post" action="/newsroom/account/password" class="nr-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <InputField
            id="current"
            name="current"
            type="password"
            dir="ltr"
            autocomplete="current-password"
            required
            label={t.currentPassword}
            error={view.errors.current}
          />
          <InputField
            id="new"
            name="password"
            type="password"
            dir="ltr"
            autocomplete="new-password"
            minlength={12}
            required
            label={t.newPassword}
            error={view.errors.password}
          />
          <button type="submit">{t.save}</button>
        </form>
      </section>
    </>
  );
}

function Enrol({
  t,
  csrf,
  enrolment,
  error,
}: {
  t: AccountMessages;
  csrf: string;
  enrolment: Enrolment;
  error?: string;
}) {
  return (
    <div class="nr-enrol">
      <p>{t.enrolScan}</p>
      {/* The QR code is generated on our server from the secret: nothing leaves the site. */}
      <div
        class="nr-qr"
        role="img"
        aria-label={t.enrolSecret}
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <p>
        {t.enrolSecret}:{' '}
        <code class="nr-secret" dir="ltr" data-secret={enrolment.secret}>
          {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      <form method="post" action="/newsroom/account/2fa/confirm" class="nr-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <p>
          <label for="code">{t.enrolConfirm}</label>
          <input
            id="code"
            name="code"
            dir="ltr"
            inputmode="numeric"
            autocomplete="one-time-code"
            required
            maxlength={10}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'code-error' : undefined}
          />
          {error ? (
            <span id="code-error" class="nr-error">
              {error}
            </span>
          ) : null}
        </p>
        <button type="submit">{t.confirm}</button>
      </form>
    </div>
  );
}
