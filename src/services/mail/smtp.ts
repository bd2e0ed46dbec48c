// Sends one mail through the SMTP server of MIDAD_SMTP_URL with nodemailer: smtp:// upgrades to
// TLS with STARTTLS when the server offers it, smtps:// speaks TLS from the first byte. The
// transport is made per attempt and closed after it: mail goes out a few at a time, and a
// server that restarted is met with a fresh connection.
import type { MailConfig } from '../../config.ts';
import type { MailPayload } from './compose.ts';

export interface SmtpResult {
  ok: boolean;
  error: string;
  /** True when retrying cannot help (the server refused the recipient for good). */
  permanent: boolean;
}

export async function sendSmtp(config: MailConfig, mail: MailPayload): Promise<SmtpResult> {
  // Loaded on first use: a site that sends no mail never pays for it.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(config.smtpUrl, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as object);
  try {
    await transport.sendMail({
      from: config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.lang, ...mail.headers },
    });
    return { ok: true, error: '', permanent: false };
  } catch (err) {
    const e = err as { message?: string; responseCode?: number; code?: string };
    // 5xx answers to the recipient or the message are final; 4xx and connection failures pass.
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'EAUTH';
    const text = `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`;
    return { ok: false, error: text.slice(0, 300), permanent };
  } finally {
    transport.close();
  }
}
