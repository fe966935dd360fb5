import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** The raw message with quoted-printable undone (what a reader sees, headers included). */
  text: string;
}

/**
 * A real SMTP server in the test's own process (smtp-server): counts what arrives, and can refuse the next
 * messages or hold each one for a while, like a slow or failing mail relay.
 */
export class SmtpInbox {
  readonly received: ReceivedMail[] = [];
  /** Messages still to refuse with a temporary error (451). */
  refuseNext = 0;
  /** Refuse every message while true. */
  refuseAll = false;
  /** Milliseconds to hold each message before accepting it. */
  delayMs = 0;
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const finish = () => {
            if (this.refuseAll || this.refuseNext > 0) {
              if (this.refuseNext > 0) this.refuseNext--;
              callback(Object.assign(new Error('Tillfälligt fel i testservern'), { responseCode: 451 }));
              return;
            }
            this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decodeQuotedPrintable(Buffer.concat(chunks).toString('latin1')) });
            callback(null);
          };
          if (this.delayMs) setTimeout(finish, this.delayMs);
          else finish();
        });
      },
    });
  }

  static async start(): Promise<SmtpInbox> {
    const inbox = new SmtpInbox();
    await new Promise<void>((done) => inbox.server.listen(0, '127.0.0.1', done));
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** Mails to `address`. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

/** Undoes quoted-printable (soft line breaks and =XX bytes) and reads the bytes as UTF-8. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes = Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}
