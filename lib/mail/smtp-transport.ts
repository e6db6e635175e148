import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { MailSendError, type MailTransport } from "./transport";

export type SmtpTimeouts = { connectMs: number; socketMs: number };

/** Every stage of a send ends well inside the outbox's lease (lib/mail/outbox-worker.ts), so a
 *  stalled server makes a retry, not a second worker sending beside the first. */
export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectMs: 10_000, socketMs: 30_000 };

/** `url`: smtp://user:pass@host:587 (STARTTLS when offered; add ?requireTLS=true to insist) or
 *  smtps://…:465. The URL holds a password: it is never logged or stored. */
export function smtpTransport(url: string, timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS): MailTransport {
  // Built here, not by createTransport({ url, ... }): nodemailer 8's createTransport keeps only
  // the URL's settings and drops the rest, timeouts included (a stalled server then hangs the
  // send for good); SMTPTransport merges the two. tests/integration/notices-delivery.test.ts.
  const smtp = new SMTPTransport({
    url,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
  const transporter = nodemailer.createTransport(smtp);
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          date: mail.date,
          // RFC 3834: no out-of-office replies to a notice.
          headers: { "Auto-Submitted": "auto-generated" },
        });
      } catch (error) {
        throw sendErrorOf(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}

function sendErrorOf(error: unknown): MailSendError {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const name = typeof code === "string" ? code.replace(/[^A-Z0-9_]/gi, "").slice(0, 24) || "ERROR" : "ERROR";
  const reply = typeof responseCode === "number" ? responseCode : null;
  const refused = (name === "EENVELOPE" || name === "EMESSAGE") && reply !== null && reply >= 500;
  return new MailSendError(reply ? `${name}_${reply}` : name, refused);
}
