// The invitation as a mail, when the site can send mail (MIDAD_SMTP_URL): queued in the
// transaction that stores the invitation, so it goes out exactly when the link exists. Without
// SMTP nothing is queued and the admin passes the link on by hand, as before.
import type { Lang } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { mailHtml, mailText, type MailContent } from '../mail/compose.ts';
import { queueMail } from '../mail/queue-mail.ts';
import { INVITATION_DAYS } from './rules.ts';

export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/newsroom/invite/${token}`;
}

const TEXT: Record<
  Lang,
  {
    subject: (site: string) => string;
    greeting: (name: string) => string;
    invited: (site: string) => string;
    again: (site: string) => string;
    action: string;
    expires: (days: number) => string;
  }
> = {
  ar: {
    subject: (site) => `دعوة للانضمام إلى فريق تحرير ${site}`,
    greeting: (name) => `مرحبًا ${name}،`,
    invited: (site) => `دُعيت للانضمام إلى فريق تحرير ${site}. اختر كلمة مرورك من الرابط أدناه لتفعيل حسابك.`,
    again: (site) =>
      `هذا رابط جديد لحسابك في فريق تحرير ${site}. اختر منه كلمة مرور جديدة؛ الروابط السابقة لم تعد تعمل.`,
    action: 'اختيار كلمة المرور',
    expires: (days) => `يصلح هذا الرابط لمرة واحدة خلال ${days} أيام. إن لم تكن تنتظر هذه الرسالة فتجاهلها.`,
  },
  fr: {
    subject: (site) => `Invitation à rejoindre la rédaction de ${site}`,
    greeting: (name) => `Bonjour ${name},`,
    invited: (site) =>
      `Vous êtes invité·e à rejoindre la rédaction de ${site}. Choisissez votre mot de passe avec le lien ci-dessous pour activer votre compte.`,
    again: (site) =>
      `Voici un nouveau lien pour votre compte à la rédaction de ${site}. Choisissez-y un nouveau mot de passe ; les liens précédents ne fonctionnent plus.`,
    action: 'Choisir mon mot de passe',
    expires: (days) =>
      `Ce lien sert une seule fois et reste valable ${days} jours. Si vous n’attendiez pas ce message, ignorez-le.`,
  },
  en: {
    subject: (site) => `Invitation to join the ${site} newsroom`,
    greeting: (name) => `Hello ${name},`,
    invited: (site) =>
      `You have been invited to join the ${site} newsroom. Choose your password with the link below to activate your account.`,
    again: (site) =>
      `Here is a new link for your account in the ${site} newsroom. Choose a new password there; earlier links no longer work.`,
    action: 'Choose my password',
    expires: (days) =>
      `This link works once, for ${days} days. If you were not expecting this message, ignore it.`,
  },
};

/** Queues the mail carrying an invitation link; false when the site sends no mail. */
export async function queueInvitationMail(
  trx: Pick<Repositories, 'outbox'>,
  context: { mailEnabled: boolean; publicUrl: string; siteName: string },
  invitation: { to: string; name: string; lang: Lang; token: string; tokenHash: string; again: boolean },
): Promise<boolean> {
  if (!context.mailEnabled) return false;
  const t = TEXT[invitation.lang];
  const content: MailContent = {
    lang: invitation.lang,
    siteName: context.siteName,
    heading: t.subject(context.siteName),
    paragraphs: [
      t.greeting(invitation.name),
      invitation.again ? t.again(context.siteName) : t.invited(context.siteName),
    ],
    action: { label: t.action, url: invitationUrl(context.publicUrl, invitation.token) },
    footer: t.expires(INVITATION_DAYS),
  };
  // One mail per link: the token's hash names it, never the token itself.
  return queueMail(trx, `mail:invitation:${invitation.tokenHash}`, {
    to: invitation.to,
    subject: t.subject(context.siteName),
    text: mailText(content),
    html: mailHtml(content),
    lang: invitation.lang,
  });
}
