// A mail as the outbox keeps it: recipient, subject, and the same text twice, as plain text and
// as HTML. The HTML is a single centred table with inline styles (what Gmail and Outlook
// render alike), with `dir` and `lang` on the document, the body and the table, so Arabic mail
// reads right to left in clients that drop the <html> element.
import { z } from 'zod';
import { type Lang, LANGUAGES } from '../../core/types.ts';

export const MailPayload = z.object({
  to: z.string().min(3),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  lang: z.enum(LANGUAGES),
  /** Extra headers, e.g. List-Unsubscribe on newsletters. */
  headers: z.record(z.string(), z.string()).optional(),
});
export type MailPayload = z.infer<typeof MailPayload>;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface MailContent {
  lang: Lang;
  /** The site's name, at the top. */
  siteName: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A list of linked items (a digest's articles), after the paragraphs. */
  items?: { title: string; url: string; text: string }[];
  /** A last line in small print (why the mail came, how long the link lasts). */
  footer?: string;
}

/** The plain-text part: the same words, the link on a line of its own. */
export function mailText(c: MailContent): string {
  const parts = [c.heading, '', ...c.paragraphs.flatMap((p) => [p, ''])];
  for (const item of c.items ?? [])
    parts.push(`* ${item.title}`, ...(item.text ? [item.text] : []), item.url, '');
  if (c.action) parts.push(`${c.action.label}:`, c.action.url, '');
  if (c.footer) parts.push('--', c.footer);
  parts.push(c.siteName);
  return `${parts.join('\n').trim()}\n`;
}

export function mailHtml(c: MailContent): string {
  const dir = c.lang === 'ar' ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const font =
    c.lang === 'ar'
      ? "Tahoma, 'Segoe UI', 'Noto Naskh Arabic', Arial, sans-serif"
      : "'Segoe UI', Helvetica, Arial, sans-serif";
  const p = (text: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.7;text-align:${align}">${escapeHtml(text)}</p>`;
  const action = c.action
    ? `<p style="margin:24px 0;text-align:center"><a href="${escapeHtml(c.action.url)}" style="display:inline-block;padding:12px 24px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-size:16px">${escapeHtml(c.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;line-height:1.6;text-align:${align};color:#555555"><span dir="ltr" style="word-break:break-all">${escapeHtml(c.action.url)}</span></p>`
    : '';
  const items = (c.items ?? [])
    .map(
      (item) =>
        `<p style="margin:0 0 4px;font-size:17px;line-height:1.5;text-align:${align}"><a href="${escapeHtml(item.url)}" style="color:#1d4ed8;text-decoration:none;font-weight:bold">${escapeHtml(item.title)}</a></p>` +
        (item.text
          ? `<p style="margin:0 0 18px;font-size:15px;line-height:1.6;text-align:${align};color:#3f3f46">${escapeHtml(item.text)}</p>`
          : '<p style="margin:0 0 18px"></p>'),
    )
    .join('\n');
  const footer = c.footer
    ? `<p style="margin:24px 0 0;font-size:13px;line-height:1.6;text-align:${align};color:#666666">${escapeHtml(c.footer)}</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="${c.lang}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(c.heading)}</title></head>
<body dir="${dir}" style="margin:0;padding:0;background:#f4f4f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" lang="${c.lang}" style="max-width:560px;background:#ffffff;border-radius:8px;font-family:${font};color:#18181b">
<tr><td style="padding:24px 28px 0;font-size:14px;color:#555555;text-align:${align}">${escapeHtml(c.siteName)}</td></tr>
<tr><td style="padding:12px 28px 28px;text-align:${align}">
<h1 style="margin:0 0 20px;font-size:22px;line-height:1.4;text-align:${align}">${escapeHtml(c.heading)}</h1>
${c.paragraphs.map(p).join('\n')}
${items}${action}${footer}
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}
