// Story: a notice is never lost. The mail server is down for a while, stalls, or refuses a
// recipient: every message still arrives once, or is marked failed for the school to see.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notices } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { queuePasswordChangedNotices } from "@/lib/data/notices";
import { deliverDueNotices } from "@/lib/mail/delivery";
import { smtpTransport } from "@/lib/mail/smtp-transport";
import { CLIENT } from "./helpers";
import { freePort, startMailServer } from "./mail-server";
import { FAST, createFamily, deliverAll, noticesOf } from "./notice-steps";

async function familiesWithNotices(count: number) {
  const db = await getDb();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const family = await createFamily();
    await db.transaction((tx) =>
      queuePasswordChangedNotices(tx, { userId: family.userId, how: "signed_in", client: CLIENT }),
    );
    ids.push(family.userId);
  }
  return db.select().from(notices).where(inArray(notices.userId, ids));
}

describe("delivery that survives a mail server's trouble", () => {
  it("delivers every message once when the mail server comes back after being down", async () => {
    const rows = await familiesWithNotices(3);
    const port = await freePort();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}?requireTLS=false`, {
      connectMs: 2_000,
      socketMs: 2_000,
    });
    const db = await getDb();

    // Down: nobody listens. Every notice waits for another try; nothing is lost or failed.
    const down = await deliverDueNotices(db, transport, {
      ...FAST,
      batchSize: 10,
      retryBaseMs: 60_000,
      retryMaxMs: 60_000,
    });
    expect(down).toMatchObject({ claimed: rows.length, sent: 0, retried: rows.length, failed: 0 });
    const waiting = await db
      .select()
      .from(notices)
      .where(
        inArray(
          notices.id,
          rows.map((r) => r.id),
        ),
      );
    for (const row of waiting) {
      expect(row).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
      // A short code only: no address, no server text.
      expect(row.lastError).toMatch(/^[A-Z0-9_]+$/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    // Not due yet: a pass now sends nothing.
    expect((await deliverDueNotices(db, transport, FAST)).claimed).toBe(0);

    // Up again, and the retries come due.
    const server = await startMailServer({ port });
    await db
      .update(notices)
      .set({ nextAttemptAt: new Date() })
      .where(
        inArray(
          notices.id,
          rows.map((r) => r.id),
        ),
      );
    await deliverAll(transport);
    const ids = server.accepted.map((mail) => mail.messageId);
    expect(ids.sort()).toEqual(rows.map((row) => row.messageId).sort());
    expect(new Set(ids).size).toBe(ids.length);
    transport.close();
    await server.close();
  });

  it("retries a send the mail server stalled, and the message arrives once", async () => {
    const server = await startMailServer({ onMessage: (_mail, nth) => (nth === 1 ? "stall" : "accept") });
    const transport = smtpTransport(server.url, { connectMs: 2_000, socketMs: 300 });
    const family = await createFamily();
    const db = await getDb();
    await db.transaction((tx) =>
      queuePasswordChangedNotices(tx, { userId: family.userId, how: "signed_in", client: CLIENT }),
    );
    await deliverAll(transport);
    const rows = await noticesOf(family.userId);
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    // The stalled message was read once and never accepted; it was sent again, same Message-ID.
    expect(rows.reduce((tries, row) => tries + row.attempts, 0)).toBe(3);
    expect(server.seen).toHaveLength(3);
    expect(server.accepted.map((mail) => mail.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
    expect(server.seen.filter((mail) => mail.messageId === server.seen[0]!.messageId)).toHaveLength(2);
    transport.close();
    await server.close();
  });

  it("marks a notice failed after the last try, and one refused for good at once", async () => {
    const port = await freePort();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}?requireTLS=false`, {
      connectMs: 1_000,
      socketMs: 1_000,
    });
    const [row] = await familiesWithNotices(1);
    const db = await getDb();
    await deliverAll(transport, { ...FAST, maxAttempts: 2 });
    const [failed] = await db.select().from(notices).where(eq(notices.id, row!.id));
    expect(failed).toMatchObject({ status: "failed", attempts: 2, sentAt: null });
    transport.close();

    const family = await createFamily();
    const server = await startMailServer({ refuse: (rcpt) => rcpt === family.guardian });
    const working = smtpTransport(server.url, { connectMs: 2_000, socketMs: 2_000 });
    await db.transaction((tx) =>
      queuePasswordChangedNotices(tx, { userId: family.userId, how: "signed_in", client: CLIENT }),
    );
    await deliverAll(working);
    expect(
      (await noticesOf(family.userId)).map((n) => [n.recipientRole, n.status, n.attempts, n.lastError]),
    ).toEqual([
      ["student", "sent", 1, null],
      // The server's words quote the address: only the code is kept.
      ["guardian", "failed", 1, "EENVELOPE_550"],
    ]);
    working.close();
    await server.close();
  });
});
