// Story: someone on the network between the app and the school's mail server strips STARTTLS, or
// answers with their own certificate. The app then sends neither its SMTP login nor the notice;
// the notice waits for another try. Plain SMTP only when SMTP_URL says `?requireTLS=false`.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notices } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { queuePasswordChangedNotices } from "@/lib/data/notices";
import { deliverDueNotices } from "@/lib/mail/delivery";
import { smtpTransport, type SmtpTrust } from "@/lib/mail/smtp-transport";
import { CLIENT } from "./helpers";
import {
  selfSignedCertificate,
  startMailServer,
  startWiretap,
  type Certificate,
  type MailServer,
  type Wiretap,
} from "./mail-server";
import { FAST, createFamily, noticesOf, type Family } from "./notice-steps";

const LOGIN = { user: "sspr-relay", pass: "Relay-Secret-4711" };
const TIMEOUTS = { connectMs: 3_000, socketMs: 3_000 };

let certificate: Certificate;
const open: { close(): Promise<void> }[] = [];

beforeAll(() => {
  certificate = selfSignedCertificate();
});
afterAll(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

/** A mail server that wants the login, seen through a wiretap on the way to it. */
async function serverBehindWiretap(tls?: Certificate): Promise<{ server: MailServer; wire: Wiretap }> {
  const server = await startMailServer({ login: LOGIN, ...(tls ? { tls } : {}) });
  const wire = await startWiretap(server.port);
  open.push(wire, server);
  return { server, wire };
}

/** A family whose two password-changed notices wait in the outbox. */
async function familyWithNotices(): Promise<Family> {
  const family = await createFamily();
  const db = await getDb();
  await db.transaction((tx) =>
    queuePasswordChangedNotices(tx, { userId: family.userId, how: "signed_in", client: CLIENT }),
  );
  return family;
}

/** One pass of the outbox over `url`; a failed send waits a minute (not due again in this test). */
async function deliverOnce(url: string, trust: SmtpTrust = {}) {
  const db = await getDb();
  const transport = smtpTransport(url, TIMEOUTS, trust);
  try {
    return await deliverDueNotices(db, transport, { ...FAST, retryBaseMs: 60_000, retryMaxMs: 60_000 });
  } finally {
    transport.close();
  }
}

async function dueAgain(family: Family) {
  const db = await getDb();
  await db.update(notices).set({ nextAttemptAt: new Date() }).where(eq(notices.userId, family.userId));
}

function expectNothingLeaked(wire: Wiretap, family: Family) {
  const heard = wire.heard();
  expect(heard).not.toMatch(/AUTH|MAIL FROM|RCPT TO/i);
  for (const secret of [LOGIN.pass, Buffer.from(`\0${LOGIN.user}\0${LOGIN.pass}`).toString("base64")])
    expect(heard).not.toContain(secret);
  for (const address of [family.student, family.guardian]) expect(heard).not.toContain(address);
}

describe("notices go to the mail server only over TLS", () => {
  it("sends neither the login nor a notice to a server without STARTTLS, unless the URL says requireTLS=false", async () => {
    const { server, wire } = await serverBehindWiretap();
    const family = await familyWithNotices();
    const url = `smtp://${LOGIN.user}:${LOGIN.pass}@127.0.0.1:${wire.port}`;

    expect(await deliverOnce(url)).toMatchObject({ claimed: 2, sent: 0, retried: 2, failed: 0 });
    for (const row of await noticesOf(family.userId)) {
      expect(row).toMatchObject({ status: "pending", sentAt: null, attempts: 1 });
      expect(row.lastError).toMatch(/^ETLS/);
    }
    expect(server.logins).toEqual([]);
    expect(server.seen).toEqual([]);
    expect(wire.heard()).toContain("STARTTLS");
    expectNothingLeaked(wire, family);

    // Said explicitly (a local catcher such as Mailpit): plain text, read by anyone on the way.
    await dueAgain(family);
    expect(await deliverOnce(`${url}?requireTLS=false`)).toMatchObject({ sent: 2 });
    expect((await noticesOf(family.userId)).map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(server.logins).toEqual([
      { user: LOGIN.user, secure: false },
      { user: LOGIN.user, secure: false },
    ]);
    expect(wire.heard()).toContain(family.guardian);
  });

  it("sends the login and the notices inside TLS, and only to a certificate it can verify", async () => {
    const { server, wire } = await serverBehindWiretap(certificate);
    const family = await familyWithNotices();
    const url = `smtp://${LOGIN.user}:${LOGIN.pass}@127.0.0.1:${wire.port}`;

    // Someone else's certificate (here: one the app was not told to trust): no login, no notice.
    // nodemailer reports the failed handshake as a socket error.
    expect(await deliverOnce(url)).toMatchObject({ claimed: 2, sent: 0, retried: 2 });
    for (const row of await noticesOf(family.userId))
      expect(row).toMatchObject({ status: "pending", sentAt: null, attempts: 1 });
    expect(server.logins).toEqual([]);
    expect(server.seen).toEqual([]);

    // The school's certificate: the login and both notices go through TLS.
    await dueAgain(family);
    expect(await deliverOnce(url, { ca: certificate.cert })).toMatchObject({ sent: 2, retried: 0 });
    expect((await noticesOf(family.userId)).map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(server.logins).toEqual([
      { user: LOGIN.user, secure: true },
      { user: LOGIN.user, secure: true },
    ]);
    expect(server.accepted.flatMap((mail) => mail.rcptTo).sort()).toEqual(
      [family.student, family.guardian].sort(),
    );
    // The wire carried the STARTTLS request in clear, and after it only ciphertext.
    expect(wire.heard()).toContain("STARTTLS");
    expectNothingLeaked(wire, family);
  });
});
