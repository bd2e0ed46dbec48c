// Interface text of the account (security) page: its words live with the newsroom's shared
// text, which the navigation also uses; this is the part the page needs.
import { type MessageKey, messages } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import { type NewsroomMessages, newsroomMessages } from '../messages.ts';

const KEYS = [
  'security',
  'myProfile',
  'twoFactor',
  'twoFactorOn',
  'twoFactorOff',
  'twoFactorRequired',
  'enable2fa',
  'disable2fa',
  'enrolScan',
  'enrolSecret',
  'enrolConfirm',
  'confirm',
  'recoveryTitle',
  'recoveryHelp',
  'twoFactorEnabled',
  'twoFactorDisabled',
  'changePassword',
  'currentPassword',
  'newPassword',
  'passwordChanged',
  'wrongPassword',
  'codeInvalid',
  'save',
] as const satisfies readonly (keyof NewsroomMessages)[];

export type AccountMessages = Pick<NewsroomMessages, (typeof KEYS)[number]>;

export function accountMessages(lang: Lang): AccountMessages {
  const all = newsroomMessages(lang);
  return Object.fromEntries(KEYS.map((key) => [key, all[key]])) as AccountMessages;
}

/** A refusal's message key: one of this page's, or a password rule's from the shared text. */
export function problemText(lang: Lang, key: string): string {
  const own = accountMessages(lang) as Record<string, string>;
  return own[key] ?? messages(lang)[key as MessageKey] ?? key;
}
