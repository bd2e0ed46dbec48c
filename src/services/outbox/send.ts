// One attempt at one outbox message, by its channel. Each sender answers ok, or why not and
// whether trying again could help; none of them throws for a failure on the other side.
import type { OutboxMessage } from '../../core/outbox.ts';
import type { Services } from '../context.ts';
import { MailPayload } from '../mail/compose.ts';
import { sendSmtp } from '../mail/smtp.ts';
import { ChannelPostPayload } from '../telegram/channel-posts.ts';
import { sendChannelPost } from '../telegram/send-post.ts';
import { CorrectionReplyPayload, sendCorrectionReply } from '../telegram/correction-replies.ts';

export interface SendOutcome {
  ok: boolean;
  error: string;
  /** Retrying cannot help: the message is given up at once (an admin may still retry it). */
  permanent: boolean;
  /** What to keep of the message once sent, in place of its payload. */
  payload?: Record<string, unknown>;
}

export async function sendOutboxMessage(
  services: Pick<Services, 'config' | 'repos'>,
  message: OutboxMessage,
): Promise<SendOutcome> {
  switch (message.channel) {
    case 'mail': {
      // Mail queued while SMTP was set waits, rather than being dropped, if it is unset meanwhile.
      if (!services.config.mail)
        return { ok: false, error: 'No SMTP server is set (MIDAD_SMTP_URL).', permanent: false };
      const mail = MailPayload.safeParse(message.payload);
      if (!mail.success) return { ok: false, error: 'The stored mail is unreadable.', permanent: true };
      return sendSmtp(services.config.mail, mail.data);
    }
    case 'telegram': {
      const reply = CorrectionReplyPayload.safeParse(message.payload);
      if (reply.success) return sendCorrectionReply(services.repos, services.config, reply.data);
      const post = ChannelPostPayload.safeParse(message.payload);
      if (!post.success) return { ok: false, error: 'The stored post is unreadable.', permanent: true };
      const sent = await sendChannelPost(services.repos, services.config, post.data);
      // The post keeps the id Telegram gave it, for a correction to reply to.
      return sent.messageId === undefined
        ? sent
        : { ...sent, payload: { ...post.data, messageId: sent.messageId } };
    }
  }
}
