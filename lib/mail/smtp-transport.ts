import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { smtpRequiresTls } from "./smtp-url";
import { MailSendError, type MailTransport } from "./transport";

export type SmtpTimeouts = { connectMs: number; socketMs: number };

/** Certificates to trust besides the system's: a private CA (the tests' self-signed one). In
 *  production, NODE_EXTRA_CA_CERTS does the same for the whole process. */
export type SmtpTrust = { ca?: string | Buffer };

/** Every stage of a send ends well inside the outbox's lease (lib/mail/delivery.ts), so a
 *  stalled server makes a retry, not a second worker sending beside the first. */
export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectMs: 10_000, socketMs: 30_000 };

/** `url`: smtp://user:pass@host:587 (STARTTLS, required: a server that does not offer it gets
 *  neither the login nor the message; `?requireTLS=false` allows plain text, for a local catcher)
 *  or smtps://…:465. Certificates are verified. The URL holds a password: never logged or stored. */
export function smtpTransport(
  url: string,
  timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS,
  trust: SmtpTrust = {},
): MailTransport {
  const requireTLS = smtpRequiresTls(url);
  // Built here, not by createTransport({ url, ... }): nodemailer 8's createTransport keeps only
  // the URL's settings and drops the rest, timeouts included (a stalled server then hangs the
  // send for good); SMTPTransport merges the two. tests/integration/notices-delivery.test.ts.
  const smtp = new SMTPTransport({
    url,
    requireTLS,
    ...(trust.ca ? { tls: { ca: trust.ca } } : {}),
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
