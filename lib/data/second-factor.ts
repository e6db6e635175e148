import "server-only";
import { and, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { rateLimits, recoveryCodes, sessions, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import * as totp from "@/lib/auth/totp";
import { encryptionKeys } from "@/lib/config";
import { hashSecret, verifySecret } from "@/lib/hashing";
import { needsReseal } from "@/lib/secret-box";
import { assertActor } from "./actor";
import { recordAudit, type AuditEvent } from "./audit";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import { queueSecondFactorLockedNotices } from "./notices";
import { sessionKey, trustSession } from "./sessions";
import type { SessionUser } from "./users";

// An administrator's second factor. The secret waiting for enrolment is kept sealed in the user
// row (totp_enabled_at still null), not in the session: it survives a sign-out or a lost tab, so
// the entry already made in the app keeps working, and whoever can see it already has the
// password, the only factor the account has until enrolment is confirmed.

/** Wrong codes one session may send before it is ended. */
export const SECOND_FACTOR_MAX_TRIES = 5;
/** Wrong codes in a row for one administrator, across sessions, before the code step locks. */
export const SECOND_FACTOR_LOCK_AFTER = 10;
export const SECOND_FACTOR_LOCK_MINUTES = 15;

type Actor = Pick<SessionUser, "id" | "sessionVersion">;
type Attempt = { actor: Actor; sessionId: string; code: string; clientAddress: string | null; now?: Date };

export type Enrolment = { secret: string; uri: string };
export type CodeResult =
  /** `sessionId`: the session's new id (the old one ended), for the session cookie. */
  | { status: "passed"; sessionId: string; recoveryCodes?: string[] }
  | { status: "wrong"; triesLeft: number }
  /** Too many wrong codes in a row for this administrator: codes from the app wait; a recovery
   *  code still works. */
  | { status: "locked"; minutesLeft: number }
  | { status: "reused"; triesLeft: number }
  | { status: "signed-out" }
  | { status: "not-pending" };

async function adminRow(actor: Actor) {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const [row] = await db
    .select({ box: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, admin.id));
  return { admin, box: row?.box ?? null, enabled: Boolean(row?.enabledAt) };
}

export async function isEnrolled(actor: Actor): Promise<boolean> {
  return (await adminRow(actor)).enabled;
}

/** The secret to show at enrolment: made once, then the same until confirmed; null once enrolled. */
export async function pendingEnrolment(actor: Actor): Promise<Enrolment | null> {
  const { admin, box, enabled } = await adminRow(actor);
  if (enabled) return null;
  const secret = box && totp.openTotpSecret(box, encryptionKeys());
  if (!secret) {
    const db = await getDb();
    const fresh = totp.sealTotpSecret(totp.newTotpSecret(), encryptionKeys());
    const same = box === null ? isNull(users.totpSecret) : eq(users.totpSecret, box);
    await db
      .update(users)
      .set({ totpSecret: fresh })
      .where(and(eq(users.id, admin.id), isNull(users.totpEnabledAt), same));
    // Another tab may have got there first: show what is stored.
    return pendingEnrolment(actor);
  }
  return { secret, uri: totp.totpUri(secret, admin.loginId) };
}

/** The first code from the app confirms the enrolment: the factor is on, the session trusted,
 *  and 10 recovery codes are returned, to be shown once. */
export async function confirmEnrolment(attempt: Attempt): Promise<CodeResult> {
  const now = attempt.now ?? new Date();
  const { admin, box, enabled } = await adminRow(attempt.actor);
  const tries = await countTry(admin, attempt.sessionId);
  if (tries === "ended") return { status: "signed-out" };
  if (tries === "passed") return { status: "not-pending" };
  const secret = box && totp.openTotpSecret(box, encryptionKeys());
  if (enabled || !box || !secret) return { status: "not-pending" };
  // Past the session's tries nothing is judged (the session ends); else the administrator's.
  if (tries > SECOND_FACTOR_MAX_TRIES) return wrongCode(admin, attempt, tries, "enrol");
  const locked = await takeAdminTry(admin, now);
  if (locked) return locked;
  const step = totp.matchTimeStep(secret, attempt.code, now);
  if (step === null) return wrongCode(admin, attempt, tries, "enrol");
  const codes = totp.newRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashSecret(totp.normaliseRecoveryCode(code)!)));
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const enrolled = await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step })
      .where(and(eq(users.id, admin.id), isNull(users.totpEnabledAt), eq(users.totpSecret, box)))
      .returning({ id: users.id });
    if (enrolled.length === 0) return null;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, admin.id));
    await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId: admin.id, codeHash })));
    const sessionId = await passed(tx, admin, attempt, now);
    await recordAudit(tx, audit(admin, attempt, "second_factor_enrolled"));
    return sessionId;
  });
  return done ? { status: "passed", sessionId: done, recoveryCodes: codes } : { status: "not-pending" };
}

/** A code from the app at a later sign-in: right, of a time step not used before. */
export async function verifyTotpCode(attempt: Attempt): Promise<CodeResult> {
  const now = attempt.now ?? new Date();
  const { admin, box, enabled } = await adminRow(attempt.actor);
  const tries = await countTry(admin, attempt.sessionId);
  if (tries === "ended") return { status: "signed-out" };
  if (tries === "passed") return { status: "not-pending" };
  const secret = box && totp.openTotpSecret(box, encryptionKeys());
  if (!enabled || !box || !secret) return { status: "not-pending" };
  // Past the session's tries nothing is judged (the session ends); else the administrator's.
  if (tries > SECOND_FACTOR_MAX_TRIES) return wrongCode(admin, attempt, tries, "totp");
  const locked = await takeAdminTry(admin, now);
  if (locked) return locked;
  const step = totp.matchTimeStep(secret, attempt.code, now);
  if (step === null) return wrongCode(admin, attempt, tries, "totp");
  const db = await getDb();
  const sessionId = await db.transaction(async (tx) => {
    // Compared and moved forward in one statement: a code (or an older one) is never taken twice.
    const fresh = await tx
      .update(users)
      .set({ totpLastStep: step })
      .where(
        and(
          eq(users.id, admin.id),
          isNotNull(users.totpEnabledAt),
          or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
        ),
      )
      .returning({ id: users.id });
    if (fresh.length === 0) return null;
    // A key sealed under an older encryption key (or the first version's AUTH_SECRET) is sealed
    // again under the current one, now that it is open.
    if (needsReseal(box, encryptionKeys())) {
      await tx
        .update(users)
        .set({ totpSecret: totp.sealTotpSecret(secret, encryptionKeys()) })
        .where(and(eq(users.id, admin.id), eq(users.totpSecret, box)));
    }
    const renewed = await passed(tx, admin, attempt, now);
    await recordAudit(tx, audit(admin, attempt, "second_factor_passed", { method: "totp" }));
    return renewed;
  });
  return sessionId ? { status: "passed", sessionId } : wrongCode(admin, attempt, tries, "totp", "reused");
}

/** A recovery code instead of the app's code: each one opens one session, once. */
export async function redeemRecoveryCode(attempt: Attempt): Promise<CodeResult> {
  const now = attempt.now ?? new Date();
  const { admin, enabled } = await adminRow(attempt.actor);
  const tries = await countTry(admin, attempt.sessionId);
  if (tries === "ended") return { status: "signed-out" };
  if (tries === "passed") return { status: "not-pending" };
  if (!enabled) return { status: "not-pending" };
  const code = tries <= SECOND_FACTOR_MAX_TRIES ? totp.normaliseRecoveryCode(attempt.code) : null;
  const db = await getDb();
  const unused = code
    ? await db
        .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, admin.id), isNull(recoveryCodes.usedAt)))
    : [];
  let match: number | undefined;
  for (const row of unused)
    if (match === undefined && (await verifySecret(row.codeHash, code!))) match = row.id;
  if (match === undefined) return wrongCode(admin, attempt, tries, "recovery_code");
  const codesLeft = unused.length - 1;
  const sessionId = await db.transaction(async (tx) => {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.id, match), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (used.length === 0) return null;
    const renewed = await passed(tx, admin, attempt, now);
    await recordAudit(tx, audit(admin, attempt, "recovery_code_used", { codesLeft }));
    await recordAudit(tx, audit(admin, attempt, "second_factor_passed", { method: "recovery_code" }));
    return renewed;
  });
  return sessionId ? { status: "passed", sessionId } : wrongCode(admin, attempt, tries, "recovery_code");
}

/** Counts this try against the session, before any code is checked, in one atomic upsert: many
 *  requests at once still get no more than the limit. "ended" when the session is not this
 *  person's or has ended; "passed" when it passed already (a second click of the button). */
async function countTry(admin: SessionUser, sessionId: string): Promise<number | "passed" | "ended"> {
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
async function passed(tx: Executor, admin: SessionUser, attempt: Attempt, now: Date): Promise<string> {
  const renewed = await trustSession(tx, attempt.sessionId, now);
  if (!renewed) throw new ForbiddenError();
  await tx.update(users).set({ totpFailures: 0 }).where(eq(users.id, admin.id));
  return renewed;
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
      client: attempt.clientAddress,
      failures: SECOND_FACTOR_LOCK_AFTER,
      until,
    });
    return { status: "locked", minutesLeft: SECOND_FACTOR_LOCK_MINUTES };
  });
}

/** Audited; the last allowed wrong code of the session ends it, and the administrator's tenth in a
 *  row locks the code step. */
async function wrongCode(
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
  return { status: "signed-out" };
}

function audit(
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
