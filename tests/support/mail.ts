import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** Header name (lower case) to value, as sent. */
  headers: Record<string, string>;
  /** Files sent with a multipart message, decoded. */
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

/** Decodes RFC 2047 encoded words; adjacent ones are joined as bytes, since a character may straddle two. */
function decodeWords(header: string): string {
  const bytesOf = (encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return header.replace(/(?:=\?utf-8\?[QB]\?[^?]*\?=\s*)+/gi, (run) => {
    const words = [...run.matchAll(/=\?utf-8\?([QB])\?([^?]*)\?=/gi)];
    const decoded = Buffer.concat(words.map((w) => bytesOf(w[1]!, w[2]!))).toString('utf8');
    // Whitespace after the last word separates it from plain text that follows.
    return decoded + (/\s$/.test(run) ? ' ' : '');
  });
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Splits a message or a part into its (unfolded) head, a header reader, and its body. */
function splitPart(raw: string) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, 'im'))?.[1] ?? '';
  return { head, body, header };
}

/** Reads a text message as nodemailer writes it: single-part, or multipart with its text first and files after. */
export function parseMail(raw: string): Omit<ReceivedMail, 'to'> {
  const { head, body, header } = splitPart(raw);
  const headers = Object.fromEntries(head.split(/\r?\n/).map((line) => line.match(/^([\w-]+):\s*(.*)$/)).filter((m) => m !== null).map((m) => [m[1]!.toLowerCase(), m[2]!]));
  const boundary = header('Content-Type').match(/^multipart\/[\w-]+;.*boundary="?([^";]+)"?/i)?.[1];
  if (!boundary) return { subject: decodeWords(header('Subject')), text: decodeBody(body, header('Content-Transfer-Encoding')), headers };
  const parts = body.split(`--${boundary}`).slice(1, -1).map((part) => splitPart(part.replace(/^\r?\n/, '')));
  const decoded = parts.map((p) => ({ type: p.header('Content-Type').split(';')[0]!.trim(), disposition: p.header('Content-Disposition'), content: decodeBody(p.body.replace(/\r?\n$/, ''), p.header('Content-Transfer-Encoding')) }));
  const text = decoded.find((p) => p.type === 'text/plain' && !/attachment/i.test(p.disposition))?.content ?? '';
  const attachments = decoded
    .filter((p) => /attachment/i.test(p.disposition))
    .map((p) => ({ filename: p.disposition.match(/filename="?([^";]+)"?/)?.[1] ?? '', contentType: p.type, content: p.content }));
  return { subject: decodeWords(header('Subject')), text, headers, attachments };
}

/** A real SMTP server on a free local port that keeps what it receives, for tests. */
export class TestMailServer {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer;
  private waiters: Array<() => void> = [];
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.received.push({ to, ...parseMail(Buffer.concat(chunks).toString('utf8')) });
          for (const wake of this.waiters.splice(0)) wake();
          callback();
        });
      },
    });
  }

  /** Listens on the given port (a free one by default). */
  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The newest message to an address, waiting briefly for it to arrive. */
  async lastTo(address: string, timeoutMs = 5000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.received].reverse().find((m) => m.to.includes(address));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} arrived`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** The n-th message (counting from 1) to an address, waiting briefly for it to arrive. */
  async nthTo(address: string, n: number, timeoutMs = 5000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.filter((m) => m.to.includes(address))[n - 1];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail number ${n} to ${address} arrived`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** The first message to an address whose subject matches, waiting for it: mail goes out through the job queue, after the page answers. */
  async withSubject(address: string, subject: RegExp, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((m) => m.to.includes(address) && subject.test(m.subject));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} about ${subject} arrived; received: ${JSON.stringify(this.received.filter((m) => m.to.includes(address)).map((m) => m.subject))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** The first link in a message to this address. */
  async linkTo(address: string): Promise<string> {
    const mail = await this.lastTo(address);
    const link = mail.text.match(/https?:\/\/\S+/)?.[0];
    if (!link) throw new Error(`the mail to ${address} has no link`);
    return link;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
