import type { Db } from '../db/index.ts';
import type { JobHandler, JobQueue } from '../jobs/index.ts';
import { isLocale, type Locale, type Values } from '../i18n/index.ts';
import { composeMail } from './compose.ts';
import type { MailAttachment, Mailer } from './index.ts';

/** A mail to send, written when it goes out, in the recipient's language. */
export interface MailRequest {
  to: string;
  /** The recipient's language (their account's, or the best guess for someone without one). */
  locale: string;
  /** Catalog key of the message: `<key>.subject` and `<key>.body`. */
  key: string;
  values?: Values;
  /** The path of the one link the message is about; BASE_URL is put in front when it is sent. */
  path: string;
  /** For notifications: the path that stops this kind of mail in one click (RFC 8058). */
  unsubscribePath?: string;
  /** Files sent with it, made when it is queued (an event's calendar entry). */
  attachments?: MailAttachment[];
}

export const mailJobKind = 'platform.mail';

/** Queues a mail in the caller's transaction: it goes out only if the change that causes it commits. */
export function queueMail(jobs: JobQueue, tx: Db, now: Date, mail: MailRequest): Promise<void> {
  return jobs.enqueue(tx, { kind: mailJobKind, payload: mail, summary: `${mail.key} → ${mail.to}` }, now);
}

/** Sends a queued mail; a refusal by the mail server throws, so the job is tried again later. */
export function mailHandler(mailer: Mailer, baseUrl: string): JobHandler {
  return async (payload) => {
    const mail = payload as MailRequest;
    const locale: Locale = isLocale(mail.locale) ? mail.locale : 'en';
    const message = composeMail(locale, mail.key, mail.to, { ...mail.values, link: `${baseUrl}${mail.path}` });
    if (mail.attachments?.length) message.attachments = mail.attachments;
    if (mail.unsubscribePath) {
      const url = `${baseUrl}${mail.unsubscribePath}`;
      message.headers = { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    }
    if (!(await mailer.send(message))) throw new Error('the mail server did not take the message');
  };
}
