// A real SMTP server (the smtp-server package) on 127.0.0.1 for mail tests: it accepts any
// sender and recipient, parses what arrives (mailparser) and keeps it. It can be stopped and
// started again on the same port, as a mail server that goes down and comes back.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** Whether the session was upgraded to TLS (STARTTLS) before the mail was sent. */
  secure: boolean;
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for MIDAD_SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  /** Resolves once `count` mails in all have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/**
 * With `starttls`, the server offers STARTTLS with smtp-server's own self-signed certificate
 * (the client must be told to accept it); without, it offers plain SMTP only.
 */
export async function startSmtpServer(options: { starttls?: boolean } = {}): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  let port = 0;
  let server: SMTPServer | null = null;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: options.starttls ? [] : ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              mails.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                secure: session.secure,
                raw,
                parsed,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    const s = server;
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.server.address() as AddressInfo).port;
  };
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    mails,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return mails;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: listen,
  };
}
