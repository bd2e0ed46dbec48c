// What the Telegram channel forms may carry; the rules are the service's.
import { z } from 'zod';
import { LANGUAGES } from '../../../core/types.ts';

export const TelegramForm = z.object({
  token: z.string().max(200).default(''),
  chatId: z.string().max(100).default(''),
});
export type TelegramForm = z.infer<typeof TelegramForm>;

export const TelegramParams = z.object({ lang: z.enum(LANGUAGES) });

export const TelegramQuery = z.object({
  done: z.enum(['saved', 'removed']).optional().catch(undefined),
});
