// Newsletter mails as outbox payloads: the confirmation, a digest and a breaking alert. Every
// mail sent to a subscriber carries List-Unsubscribe with its one-click POST (RFC 8058), so a
// mail client's "unsubscribe" button works without opening a page.
import { CONFIRM_LINK_HOURS, type DigestKind, type Subscriber } from '../../core/newsletters.ts';
import type { NewsletterArticle } from '../../db/repositories/newsletters-contract.ts';
import { articlePath } from '../../core/urls.ts';
import { type MailPayload, mailHtml, mailText, type MailContent } from '../mail/compose.ts';
import { NEWSLETTER_MAIL_TEXT } from './mail-text.ts';
import { confirmUrl, unsubscribeUrl } from './links.ts';

function payload(
  to: string,
  subject: string,
  content: MailContent,
  headers?: Record<string, string>,
): MailPayload {
  return {
    to,
    subject,
    text: mailText(content),
    html: mailHtml(content),
    lang: content.lang,
    ...(headers ? { headers } : {}),
  };
}

function unsubscribeParts(publicUrl: string, s: Subscriber) {
  const url = unsubscribeUrl(publicUrl, s.lang, s.unsubscribeToken);
  return {
    footer: `${NEWSLETTER_MAIL_TEXT[s.lang].unsubscribeFooter} ${url}`,
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

export function confirmationMail(
  publicUrl: string,
  siteName: string,
  s: Subscriber,
  token: string,
): MailPayload {
  const t = NEWSLETTER_MAIL_TEXT[s.lang];
  return payload(s.email, t.confirmSubject(siteName), {
    lang: s.lang,
    siteName,
    heading: t.confirmHeading,
    paragraphs: [t.confirmBody(siteName)],
    action: { label: t.confirmAction, url: confirmUrl(publicUrl, s.lang, token) },
    footer: t.confirmFooter(CONFIRM_LINK_HOURS),
  });
}

const itemOf = (publicUrl: string) => (a: NewsletterArticle) => ({
  title: a.title,
  text: a.dek,
  url: `${publicUrl}${articlePath(a)}`,
});

export function digestMail(
  publicUrl: string,
  siteName: string,
  kind: DigestKind,
  s: Subscriber,
  articles: NewsletterArticle[],
): MailPayload {
  const t = NEWSLETTER_MAIL_TEXT[s.lang];
  const u = unsubscribeParts(publicUrl, s);
  const subject = (kind === 'daily' ? t.dailySubject : t.weeklySubject)(siteName, articles.length);
  return payload(
    s.email,
    subject,
    {
      lang: s.lang,
      siteName,
      heading: kind === 'daily' ? t.dailyHeading : t.weeklyHeading,
      paragraphs: [],
      items: articles.map(itemOf(publicUrl)),
      footer: u.footer,
    },
    u.headers,
  );
}

export function alertMail(
  publicUrl: string,
  siteName: string,
  s: Subscriber,
  article: NewsletterArticle,
): MailPayload {
  const t = NEWSLETTER_MAIL_TEXT[s.lang];
  const u = unsubscribeParts(publicUrl, s);
  const item = itemOf(publicUrl)(article);
  return payload(
    s.email,
    t.alertSubject(siteName, article.title),
    {
      lang: s.lang,
      siteName,
      heading: `${t.alertHeading}: ${article.title}`,
      paragraphs: article.dek ? [article.dek] : [],
      action: { label: t.readArticle, url: item.url },
      footer: u.footer,
    },
    u.headers,
  );
}
