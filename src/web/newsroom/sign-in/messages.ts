// Interface text of the sign-in pages: the words live with the newsroom's shared text (the
// navigation says "sign in" and "sign out" too); this is the part these pages need.
import type { Lang } from '../../../core/types.ts';
import { type NewsroomMessages, newsroomMessages } from '../messages.ts';

const KEYS = [
  'signInTitle',
  'email',
  'password',
  'signInButton',
  'signInFailed',
  'signInThrottled',
  'secondFactorTitle',
  'secondFactorHelp',
  'code',
  'verify',
  'codeInvalid',
] as const satisfies readonly (keyof NewsroomMessages)[];

export type SignInMessages = Pick<NewsroomMessages, (typeof KEYS)[number]>;

export function signInMessages(lang: Lang): SignInMessages {
  const all = newsroomMessages(lang);
  return Object.fromEntries(KEYS.map((key) => [key, all[key]])) as SignInMessages;
}
