// How a claimed notice leaves: SMTP (smtp-transport.ts) or, in development without SMTP_URL, the
// development mailbox, which is the outbox rows themselves (/dev/mailbox) plus a line on stdout.

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Stable across tries: a receiver can drop a duplicate. */
  messageId: string;
  date: Date;
};

export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** A failed send, reduced to a short code (never the server's text, which can quote addresses). */
export class MailSendError extends Error {
  constructor(
    readonly code: string,
    /** The server refused the message or its recipient for good (a 5xx reply): no retry. */
    readonly permanent: boolean,
  ) {
    super(`mail not sent: ${code}`);
    this.name = "MailSendError";
  }
}

export function devMailboxTransport(print: (line: string) => void = console.info): MailTransport {
  return {
    send(mail) {
      print(`[mail] to ${mail.to}: ${mail.subject} (development mailbox: /dev/mailbox)`);
      return Promise.resolve();
    },
    close() {},
  };
}
