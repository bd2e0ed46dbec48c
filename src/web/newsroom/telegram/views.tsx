// The Telegram channels page: one form per language. The token field is always empty: a saved
// token is never sent back to the browser, only whether there is one.
import type { Lang } from '../../../core/types.ts';
import type { TelegramChannelView } from '../../../services/telegram/channels.ts';
import type { TelegramMessages } from './messages.ts';

export function TelegramSettingsLink({ t }: { t: TelegramMessages }) {
  return (
    <p class="nr-card">
      <a href="/newsroom/settings/telegram">{t.link}</a>
    </p>
  );
}

export function TelegramPage({
  t,
  csrf,
  channels,
  typed,
  errors,
}: {
  t: TelegramMessages;
  csrf: string;
  channels: TelegramChannelView[];
  /** The language whose form was refused, with the channel as typed. */
  typed: { lang: Lang; chatId: string } | null;
  errors: Record<string, string>;
}) {
  return (
    <>
      <p class="nr-help">{t.intro}</p>
      <p class="nr-help">
        <a href="/newsroom/outbox?status=failed">{t.outbox}</a>
      </p>
      {channels.map((c) => {
        const own = typed?.lang === c.lang;
        const err = (field: string) => (own ? errors[field] : undefined);
        const id = (field: string) => `tg-${c.lang}-${field}`;
        return (
          <section key={c.lang} class="nr-card" id={`telegram-${c.lang}`} aria-labelledby={id('title')}>
            <h2 id={id('title')}>{t[`lang_${c.lang}`]}</h2>
            {own && errors.form ? <p class="nr-error">{errors.form}</p> : null}
            <form method="post" action={`/newsroom/settings/telegram/${c.lang}`} class="nr-form">
              <input type="hidden" name="_csrf" value={csrf} />
              <p>
                <label for={id('chat')}>{t.chatId}</label>
                <input
                  id={id('chat')}
                  name="chatId"
                  type="text"
                  dir="ltr"
                  autocomplete="off"
                  maxlength={100}
                  value={own ? typed.chatId : c.chatId}
                  aria-invalid={err('chatId') ? 'true' : undefined}
                  aria-describedby={`${id('chat')}-help${err('chatId') ? ` ${id('chat')}-error` : ''}`}
                />
                <span id={`${id('chat')}-help`} class="nr-help">
                  {t.chatIdHelp}
                </span>
                {err('chatId') ? (
                  <span id={`${id('chat')}-error`} class="nr-error">
                    {err('chatId')}
                  </span>
                ) : null}
              </p>
              <p>
                <label for={id('token')}>{t.token}</label>
                <input
                  id={id('token')}
                  name="token"
                  type="password"
                  dir="ltr"
                  autocomplete="off"
                  maxlength={200}
                  value=""
                  aria-invalid={err('token') ? 'true' : undefined}
                  aria-describedby={`${id('token')}-help${err('token') ? ` ${id('token')}-error` : ''}`}
                />
                <span id={`${id('token')}-help`} class="nr-help" data-token-set={c.tokenSet ? 'yes' : 'no'}>
                  {c.tokenSet ? t.tokenSet : t.tokenUnset}
                </span>
                {err('token') ? (
                  <span id={`${id('token')}-error`} class="nr-error">
                    {err('token')}
                  </span>
                ) : null}
              </p>
              <button type="submit">{t.save}</button>
            </form>
            {c.tokenSet || c.chatId ? (
              <form method="post" action={`/newsroom/settings/telegram/${c.lang}/remove`} class="nr-inline">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="nr-danger">
                  {t.remove}
                </button>
              </form>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
