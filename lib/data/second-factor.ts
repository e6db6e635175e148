import "server-only";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { recoveryCodes, users } from "@/db/schema";
import * as totp from "@/lib/auth/totp";
import { encryptionKeys } from "@/lib/server/config";
import { hashSecret, verifySecret } from "@/lib/crypto/hashing";
import { needsReseal } from "@/lib/crypto/secret-box";
import { assertActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { getDb } from "./db";
import {
  SECOND_FACTOR_MAX_TRIES,
  audit,
  countTry,
  judgeAppCode,
  passed,
  wrongCode,
  type Attempt,
  type CodeResult,
} from "./second-factor-tries";

// The second factor of the school's staff (administrators and teachers alike). The secret waiting for enrolment is kept sealed in the user
// row (totp_enabled_at still null), not in the session: it survives a sign-out or a lost tab, so
// the entry already made in the app keeps working, and whoever can see it already has the
// password, the only factor the account has until enrolment is confirmed.

export {
  SECOND_FACTOR_LOCK_AFTER,
  SECOND_FACTOR_LOCK_MINUTES,
  SECOND_FACTOR_MAX_TRIES,
  type CodeResult,
} from "./second-factor-tries";

export type Enrolment = { secret: string; uri: string };

/** The member of staff (checked) and their second factor's row. */
async function adminRow(actor: Actor) {
  const admin = await assertActor(actor, "staff");
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
  if (tries === "ended") return { status: "signedOut" };
  if (tries === "passed") return { status: "notPending" };
  const secret = box && totp.openTotpSecret(box, encryptionKeys());
  if (enabled || !box || !secret) return { status: "notPending" };
  const step = await judgeAppCode(admin, attempt, tries, secret, "enrol", now);
  if (typeof step !== "number") return step;
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
  return done ? { status: "passed", sessionId: done, recoveryCodes: codes } : { status: "notPending" };
}

/** A code from the app at a later sign-in: right, of a time step not used before. */
export async function verifyTotpCode(attempt: Attempt): Promise<CodeResult> {
  const now = attempt.now ?? new Date();
  const { admin, box, enabled } = await adminRow(attempt.actor);
  const tries = await countTry(admin, attempt.sessionId);
  if (tries === "ended") return { status: "signedOut" };
  if (tries === "passed") return { status: "notPending" };
  const secret = box && totp.openTotpSecret(box, encryptionKeys());
  if (!enabled || !box || !secret) return { status: "notPending" };
  const step = await judgeAppCode(admin, attempt, tries, secret, "totp", now);
  if (typeof step !== "number") return step;
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
  if (tries === "ended") return { status: "signedOut" };
  if (tries === "passed") return { status: "notPending" };
  if (!enabled) return { status: "notPending" };
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
