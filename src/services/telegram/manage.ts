// Setting a language's Telegram channel (admins): a bot token and the channel it posts to. Before
// anything is stored, the Bot API is asked who the bot is (getMe) and whether it can see the
// channel (getChat), so a wrong token or channel is said on save rather than found out on the
// first publish. The token is written, replaced or removed, never read back to the newsroom.
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { type Lang, LANGUAGES } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { BOT_TOKEN, callBotApi, CHANNEL_ID } from './bot-api.ts';
import { chatKey, type TelegramChannelView, telegramChannelViews, tokenKey } from './channels.ts';

/** Field problems as message codes, which the newsroom turns into its language. */
export class TelegramInvalid extends Invalid {
  constructor(readonly problems: Record<string, TelegramProblem>) {
    super('The Telegram channel could not be saved.', problems);
  }
}
export type TelegramProblem =
  | 'errTokenFormat'
  | 'errTokenRefused'
  | 'errTokenMissing'
  | 'errChatFormat'
  | 'errChatNotFound'
  | 'errUnreachable';

export const SaveTelegramInput = z.object({
  lang: z.enum(LANGUAGES),
  /** Empty: keep the stored token. */
  token: z.string().max(200),
  chatId: z.string().max(100),
});
export type SaveTelegramInput = z.input<typeof SaveTelegramInput>;

async function check(services: Services, token: string, chatId: string): Promise<void> {
  const api = services.config.telegramApiUrl;
  const me = await callBotApi(api, token, 'getMe', {}, 10_000);
  if (!me.ok) {
    throw new TelegramInvalid(
      me.status === 401 || me.status === 404 ? { token: 'errTokenRefused' } : { form: 'errUnreachable' },
    );
  }
  const chat = await callBotApi(api, token, 'getChat', { chat_id: chatId }, 10_000);
  if (!chat.ok) {
    throw new TelegramInvalid(
      chat.status !== null && chat.status >= 400 && chat.status < 500
        ? { chatId: 'errChatNotFound' }
        : { form: 'errUnreachable' },
    );
  }
}

export async function saveTelegramChannel(
  services: Services,
  actor: Actor,
  input: SaveTelegramInput,
): Promise<void> {
  authorize(actor.person, { kind: 'settings.manage' });
  const data = parseInput(SaveTelegramInput, input);
  const token = data.token.trim();
  const chatId = data.chatId.trim();
  const problems: Record<string, TelegramProblem> = {};
  if (token !== '' && !BOT_TOKEN.test(token)) problems.token = 'errTokenFormat';
  if (!CHANNEL_ID.test(chatId)) problems.chatId = 'errChatFormat';
  const stored = await services.repos.settings.get(tokenKey(data.lang));
  const current = typeof stored === 'string' ? stored : '';
  if (token === '' && current === '') problems.token = 'errTokenMissing';
  if (Object.keys(problems).length > 0) throw new TelegramInvalid(problems);
  await check(services, token || current, chatId);
  await services.transaction(async (trx) => {
    const before = await trx.settings.get(chatKey(data.lang));
    await trx.settings.setMany({
      [chatKey(data.lang)]: chatId,
      ...(token !== '' ? { [tokenKey(data.lang)]: token } : {}),
    });
    await recordAudit(trx, actor, {
      action: 'telegram.saved',
      targetType: 'settings',
      targetId: `telegram.${data.lang}`,
      // The token itself is never written to the log.
      details: {
        lang: data.lang,
        chatId: { from: before ?? null, to: chatId },
        token: token ? 'replaced' : 'kept',
      },
    });
  });
}

export const RemoveTelegramInput = z.object({ lang: z.enum(LANGUAGES) });

/** Forgets the language's token and channel: nothing more is posted there. */
export async function removeTelegramChannel(
  services: Services,
  actor: Actor,
  input: { lang: Lang },
): Promise<void> {
  authorize(actor.person, { kind: 'settings.manage' });
  const { lang } = parseInput(RemoveTelegramInput, input);
  await services.transaction(async (trx) => {
    const before = await trx.settings.get(chatKey(lang));
    await trx.settings.setMany({ [chatKey(lang)]: undefined, [tokenKey(lang)]: undefined });
    await recordAudit(trx, actor, {
      action: 'telegram.removed',
      targetType: 'settings',
      targetId: `telegram.${lang}`,
      details: { lang, chatId: before ?? null },
    });
  });
}

/** The channels as the newsroom shows them: the channel and whether a token is set, never the token. */
export function telegramSettings(
  services: Services,
  person: Actor['person'],
): Promise<TelegramChannelView[]> {
  authorize(person, { kind: 'settings.manage' });
  return telegramChannelViews(services.repos);
}
