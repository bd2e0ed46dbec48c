// The API tokens page: the secret of a token just made (shown once), the form to make one, and
// the person's tokens with a revoke button each. Works without JavaScript.
import { InputField } from '../views/Field.tsx';
import type { ApiTokenMessages } from './messages.ts';

export interface TokenRow {
  id: number;
  name: string;
  hint: string;
  created: string;
  lastUsed: string | null;
  expires: string | null;
  state: 'live' | 'revoked' | 'expired';
}

export interface TokensView {
  tokens: TokenRow[];
  /** The secret of the token just created: this page is the only place it is ever shown. */
  secret: string | null;
  /** Staff who must first turn on two-step verification see no form. */
  canCreate: boolean;
  form: { name: string; expires: string };
  errors: { name?: string };
}

export function TokensPage({ t, csrf, view }: { t: ApiTokenMessages; csrf: string; view: TokensView }) {
  return (
    <>
      <p>{t.intro}</p>
      {view.secret ? (
        <section aria-labelledby="secret-title" class="nr-card" id="new-token">
          <h2 id="secret-title">{t.createdTitle}</h2>
          <p>{t.createdHelp}</p>
          <p class="nr-secret" dir="ltr">
            <code data-secret={view.secret}>{view.secret}</code>
          </p>
        </section>
      ) : null}
      {view.canCreate ? <CreateForm t={t} csrf={csrf} view={view} /> : null}
      <section aria-labelledby="tokens-title" class="nr-card">
        <h2 id="tokens-title">{t.yourTokens}</h2>
        {view.tokens.length === 0 ? <p>{t.none}</p> : <TokenTable t={t} csrf={csrf} tokens={view.tokens} />}
      </section>
    </>
  );
}

function CreateForm({ t, csrf, view }: { t: ApiTokenMessages; csrf: string; view: TokensView }) {
  const choices: [string, string][] = [
    ['30', t.days30],
    ['90', t.days90],
    ['365', t.days365],
    ['never', t.never],
  ];
  return (
    <section aria-labelledby="create-title" class="nr-card">
      <h2 id="create-title">{t.newToken}</h2>
      <form method="post" action="/newsroom/account/tokens" class="nr-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <InputField
          id="token-name"
          name="name"
          label={t.name}
          value={view.form.name}
          dir="auto"
          required
          maxlength={80}
          error={view.errors.name}
        />
        <p class="nr-help">{t.nameHelp}</p>
        <p>
          <label for="token-expires">{t.expires}</label>
          <select id="token-expires" name="expires">
            {choices.map(([value, label]) => (
              <option key={value} value={value} selected={view.form.expires === value}>
                {label}
              </option>
            ))}
          </select>
        </p>
        <button type="submit">{t.create}</button>
      </form>
    </section>
  );
}

function TokenTable({ t, csrf, tokens }: { t: ApiTokenMessages; csrf: string; tokens: TokenRow[] }) {
  const stateText = { live: t.live, revoked: t.revoked, expired: t.expired };
  return (
    <div class="nr-table-wrap">
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.hint}</th>
            <th scope="col">{t.created}</th>
            <th scope="col">{t.lastUsed}</th>
            <th scope="col">{t.expiry}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} id={`token-${token.id}`}>
              <td data-label={t.name}>
                <bdi>{token.name}</bdi>
              </td>
              <td data-label={t.hint} dir="ltr">
                <code>{token.hint}…</code>
              </td>
              <td data-label={t.created}>{token.created}</td>
              <td data-label={t.lastUsed}>{token.lastUsed ?? t.neverUsed}</td>
              <td data-label={t.expiry}>{token.expires ?? t.noExpiry}</td>
              <td data-label={t.status}>
                {stateText[token.state]}{' '}
                {token.state === 'live' ? (
                  <form
                    method="post"
                    action={`/newsroom/account/tokens/${token.id}/revoke`}
                    class="nr-inline"
                  >
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="nr-danger" aria-label={`${t.revoke}: ${token.name}`}>
                      {t.revoke}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
