import "server-only";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { rateLimits, sessions, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import * as totp from "@/lib/auth/totp";
import type { Actor } from "./actor";
import { recordAudit, type AuditEvent } from "./audit-write";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import { queueSecondFactorLockedNotices } from "./notices";
import { sessionKey, trustSession } from "./sessions";
import type { SessionUser } from "./users";

// How the second factor's tries are counted, limited and answered (lib/data/second-factor.ts
// checks the codes themselves): per session (5 wrong codes end it) and per administrator across
// sessions (10 in a row lock the code step for 15 minutes, with notices), each try taken before
// any code is checked, so many requests at once get no more.

/** Wrong codes one session may send before it is ended. */
export const SECOND_FACTOR_MAX_TRIES = 5;
/** Wrong codes in a row for one administrator, across sessions, before the code step locks. */
export const SECOND_FACTOR_LOCK_AFTER = 10;
export const SECOND_FACTOR_LOCK_MINUTES = 15;

export type Attempt = {
  actor: Actor;
  sessionId: string;
  code: string;
  clientAddress: string | null;
  now?: Date;
};

export type CodeResult =
  /** `sessionId`: the session's new id (the old one ended), for the session cookie. */
  | { status: "passed"; sessionId: string; recoveryCodes?: string[] }
  | { status: "wrong"; triesLeft: number }
  /** Too many wrong codes in a row for this administrator: codes from the app wait; a recovery
   *  code still works. */
  | { status: "locked"; minutesLeft: number }
  | { status: "reused"; triesLeft: number }
  | { status: "signedOut" }
  | { status: "notPending" };

/** Counts this try against the session, before any code is checked, in one atomic upsert: many
 *  requests at once still get no more than the limit. "ended" when the session is not this
 *  person's or has ended; "passed" when it passed already (a second click of the button). */
export async function countTry(admin: SessionUser, sessionId: string): Promise<number | "passed" | "ended"> {
  const db = await getDb();
  const [session] = await db
    .select({ createdAt: sessions.createdAt, secondFactorAt: sessions.secondFactorAt })
    .from(sessions)
    .where(and(eq(sessions.idHash, sessionKey(sessionId)), eq(sessions.userId, admin.id)));
  if (!session) return "ended";
  if (session.secondFactorAt) return "passed";
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket: `secondFactor:${sessionKey(sessionId)}`, windowStart: session.createdAt, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  return row?.hits ?? "ended";
}

/** The session is trusted under a new id, and the administrator's run of wrong codes ends. */
export async function passed(tx: Executor, admin: SessionUser, attempt: Attempt, now: Date): Promise<string> {
  const renewed = await trustSession(tx, attempt.sessionId, now);
  if (!renewed) throw new ForbiddenError();
  await tx.update(users).set({ totpFailures: 0 }).where(eq(users.id, admin.id));
  return renewed;
}

/** The time step of the app's code, judged as this session's try and the administrator's: or the
 *  answer when it is not judged (past the session's tries, the code step locked) or wrong. */
export async function judgeAppCode(
  admin: SessionUser,
  attempt: Attempt,
  tries: number,
  secret: string,
  method: "enrol" | "totp",
  now: Date,
): Promise<number | CodeResult> {
  // Past the session's tries nothing is judged (the session ends); else the administrator's.
  if (tries > SECOND_FACTOR_MAX_TRIES) return wrongCode(admin, attempt, tries, method);
  const locked = await takeAdminTry(admin, now);
  if (locked) return locked;
  return totp.matchTimeStep(secret, attempt.code, now) ?? wrongCode(admin, attempt, tries, method);
}

/** Takes a try at the app's code for this administrator, across sessions, before it is checked:
 *  refused (with the minutes left) while the code step is locked, or while the tries already
 *  taken fill the run (they are being judged now). A right code gives the run back (`passed`). */
async function takeAdminTry(admin: SessionUser, now: Date): Promise<CodeResult | null> {
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set({ totpFailures: sql`${users.totpFailures} + 1` })
    .where(
      and(
        eq(users.id, admin.id),
        or(isNull(users.totpLockedUntil), lt(users.totpLockedUntil, now)),
        lt(users.totpFailures, SECOND_FACTOR_LOCK_AFTER),
      ),
    )
    .returning({ failures: users.totpFailures });
  if (row) return null;
  const [state] = await db
    .select({ lockedUntil: users.totpLockedUntil })
    .from(users)
    .where(and(eq(users.id, admin.id), gt(users.totpLockedUntil, now)));
  const msLeft = state?.lockedUntil
    ? state.lockedUntil.getTime() - now.getTime()
    : SECOND_FACTOR_LOCK_MINUTES * 60_000;
  return { status: "locked", minutesLeft: Math.max(1, Math.ceil(msLeft / 60_000)) };
}

/** The run's last wrong code locks the code step: audited, and the administrator and the
 *  ministry are told, in the same transaction. */
async function lockIfRunFull(admin: SessionUser, attempt: Attempt, now: Date): Promise<CodeResult | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const until = new Date(now.getTime() + SECOND_FACTOR_LOCK_MINUTES * 60_000);
    const [locked] = await tx
      .update(users)
      .set({ totpLockedUntil: until, totpFailures: 0 })
      .where(and(eq(users.id, admin.id), sql`${users.totpFailures} >= ${SECOND_FACTOR_LOCK_AFTER}`))
      .returning({ id: users.id });
    if (!locked) return null;
    await recordAudit(
      tx,
      audit(admin, attempt, "second_factor_locked", { minutes: SECOND_FACTOR_LOCK_MINUTES }),
    );
    await queueSecondFactorLockedNotices(tx, {
      userId: admin.id,
      client: { address: attempt.clientAddress, userAgent: null },
      failures: SECOND_FACTOR_LOCK_AFTER,
      until,
    });
    return { status: "locked", minutesLeft: SECOND_FACTOR_LOCK_MINUTES };
  });
}

/** Audited; the last allowed wrong code of the session ends it, and the administrator's tenth in a
 *  row locks the code step. */
export async function wrongCode(
  admin: SessionUser,
  attempt: Attempt,
  tries: number,
  method: string,
  status: "wrong" | "reused" = "wrong",
): Promise<CodeResult> {
  const triesLeft = Math.max(0, SECOND_FACTOR_MAX_TRIES - tries);
  const db = await getDb();
  await recordAudit(db, audit(admin, attempt, "second_factor_failed", { method, triesLeft }));
  const locked =
    method === "recovery_code" ? null : await lockIfRunFull(admin, attempt, attempt.now ?? new Date());
  if (triesLeft > 0) return locked ?? { status, triesLeft };
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.idHash, sessionKey(attempt.sessionId)));
    await recordAudit(tx, audit(admin, attempt, "sign_out", { reason: "second_factor_failed" }));
  });
  return { status: "signedOut" };
}

export function audit(
  admin: SessionUser,
  attempt: Attempt,
  action: AuditEvent["action"],
  detail?: AuditEvent["detail"],
): AuditEvent {
  return {
    action,
    actorUserId: admin.id,
    targetUserId: admin.id,
    schoolId: admin.schoolId,
    clientAddress: attempt.clientAddress,
    ...(detail && { detail }),
  };
}
