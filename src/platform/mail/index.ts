import nodemailer from 'nodemailer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

export interface Message {
  to: string;
  subject: string;
  text: string;
  /** The one link the message is about, logged when mail goes to the outbox. */
  link?: string;
  /** Extra headers (List-Unsubscribe for notifications). */
  headers?: Record<string, string>;
  /** Files sent with it (an event's calendar entry). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface Mailer {
  /**
   * Sends a message; answers false when it could not. It never throws: mail goes out after the
   * command has committed, and a mail server that is down must not turn that success into an error.
   * People can ask again (a new verification or reset link, a new invitation).
   */
  send(message: Message): Promise<boolean>;
}

const from = 'Cabildo <no-reply@cabildo.local>';

/** Sends over SMTP when a URL is configured; otherwise writes .eml files to the outbox. */
export function createMailer(options: { smtpUrl?: string; outboxDir: string; log: Logger }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(message) {
        try {
          await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, headers: message.headers, attachments: message.attachments });
          return true;
        } catch (error) {
          options.log.error({ error: (error as Error).message }, 'mail could not be sent');
          return false;
        }
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, headers: message.headers, attachments: message.attachments });
      mkdirSync(options.outboxDir, { recursive: true });
      const file = join(options.outboxDir, `${Date.now()}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`);
      writeFileSync(file, info.message as Buffer);
      // Without SMTP the operator needs the link to finish sign-up; the address stays out of the log.
      options.log.info({ file, link: message.link }, 'mail written to outbox');
      return true;
    },
  };
}
