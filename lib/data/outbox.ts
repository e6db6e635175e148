// The outbox's delivery side: claim due notices, then record each outcome. Framework-free (no
// `server-only`, no config), unlike the rest of lib/data, because the same code runs in every app
// instance, in the cron route and in scripts/outbox-worker.ts (lib/mail/outbox-worker.ts sends).
//
// A claim is a lease: the row becomes `sending` and its next_attempt_at moves to the lease's
// end, so a worker that dies after claiming leaves a row that is due again once the lease runs
// out. The claim also counts the try; that count fences the outcome: a worker whose lease ran
// out and whose row was claimed again cannot overwrite the newer claim's result.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notices } from "@/db/schema";

/** The database the worker is handed (the app's, or the one scripts/outbox-worker.ts opened). */
export type { Db };

export type ClaimedNotice = {
  id: number;
  toAddress: string;
  subject: string;
  /** Sealed when `sealed` (lib/mail/sealed-body.ts): the worker opens it to send it. */
  body: string;
  sealed: boolean;
  messageId: string;
  createdAt: Date;
  /** This claim's try number, and its fencing token. */
  attempts: number;
};

const due = (now: Date) =>
  and(inArray(notices.status, ["pending", "sending"]), lte(notices.nextAttemptAt, now));

/** Up to `limit` due rows, locked with SKIP LOCKED so parallel workers never take the same one. */
export async function claimDueNotices(
  db: Db,
  options: { limit: number; leaseMs: number; maxAttempts: number; now?: Date },
): Promise<ClaimedNotice[]> {
  const now = options.now ?? new Date();
  const leaseEnd = new Date(now.getTime() + options.leaseMs);
  const candidates = db
    .select({ id: notices.id })
    .from(notices)
    .where(and(due(now), sql`${notices.attempts} < ${options.maxAttempts}`))
    .orderBy(asc(notices.nextAttemptAt), asc(notices.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(notices)
    .set({
      status: "sending",
      attempts: sql`${notices.attempts} + 1`,
      claimedUntil: leaseEnd,
      nextAttemptAt: leaseEnd,
    })
    .where(inArray(notices.id, candidates))
    .returning({
      id: notices.id,
      toAddress: notices.toAddress,
      subject: notices.subject,
      body: notices.body,
      sealed: notices.sealed,
      messageId: notices.messageId,
      createdAt: notices.createdAt,
      attempts: notices.attempts,
    });
}

/** A row whose last try was claimed and never reported (the worker died) has no try left. */
export async function failAbandonedNotices(db: Db, maxAttempts: number, now = new Date()): Promise<number> {
  const rows = await db
    .update(notices)
    .set({ status: "failed", claimedUntil: null, lastError: "interrupted" })
    .where(
      and(
        eq(notices.status, "sending"),
        lte(notices.nextAttemptAt, now),
        sql`${notices.attempts} >= ${maxAttempts}`,
      ),
    )
    .returning({ id: notices.id });
  return rows.length;
}

const ourClaim = (notice: ClaimedNotice) =>
  and(eq(notices.id, notice.id), eq(notices.status, "sending"), eq(notices.attempts, notice.attempts));

export async function markNoticeSent(db: Db, notice: ClaimedNotice, now = new Date()): Promise<void> {
  await db
    .update(notices)
    .set({ status: "sent", sentAt: now, claimedUntil: null, lastError: null })
    .where(ourClaim(notice));
}

/** Another try after `retryInMs`, or failed for good. `errorCode` is a short code, never a text. */
export async function markNoticeFailed(
  db: Db,
  notice: ClaimedNotice,
  outcome: { errorCode: string; retryInMs: number | null },
  now = new Date(),
): Promise<void> {
  const retry = outcome.retryInMs !== null;
  await db
    .update(notices)
    .set({
      status: retry ? "pending" : "failed",
      nextAttemptAt: retry ? new Date(now.getTime() + outcome.retryInMs!) : now,
      claimedUntil: null,
      lastError: outcome.errorCode.slice(0, 40),
    })
    .where(ourClaim(notice));
}
