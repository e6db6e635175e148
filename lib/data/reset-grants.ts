import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { resetGrants, schools, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { config } from "@/lib/server/config";
import type { ClientInput } from "@/lib/http/request";
import type { PasswordFailure } from "@/lib/passwords/screen";
import { recordAudit } from "./audit-write";
import { clearGateForUser } from "./challenge-state";
import { getDb } from "./db";
import { queuePasswordChangedNotices } from "./notices";
import { endOneTimeCodes } from "./one-time-codes";
import { checkNewPassword, hashNewPassword, writeNewPassword, type NewPasswordInput } from "./passwords";

// A reset grant: what correct answers earn. 256 random bits, stored only as a hash, single
// use, short-lived, carried in an httpOnly cookie and never in a URL.

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** How a grant was earned: correct answers, the school's one-time code, a guardian's code. */
export type GrantVia = (typeof resetGrants.$inferSelect)["via"];

const AUDIT_VIA = {
  answers: "security_questions",
  resetCode: "reset_code",
  guardianCode: "guardian_code",
} as const;
const NOTICE_HOW = {
  answers: "self_service",
  resetCode: "reset_code",
  guardianCode: "guardian_code",
} as const;

export async function createResetGrant(tx: Tx, userId: number, via: GrantVia): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(resetGrants).values({
    tokenHash: hashToken(token),
    userId,
    via,
    expiresAt: new Date(Date.now() + config.grantMinutes * 60_000),
  });
  return token;
}

const liveGrant = (token: string) =>
  and(
    eq(resetGrants.tokenHash, hashToken(token)),
    isNull(resetGrants.usedAt),
    gt(resetGrants.expiresAt, new Date()),
  );

/** Only an active student's grant resets anything: one disabled (or no student) is refused. */
const activeStudent = and(eq(users.status, "active"), eq(users.role, "student"));

/** What the school (or the student) does next ends every live grant of these accounts, in the
 *  caller's transaction. The accounts' rows are locked first, in the order a reset locks them,
 *  so a reset under way and this change wait for each other rather than deadlock. */
export async function endResetGrants(tx: Tx, userIds: number | number[]): Promise<void> {
  const ids = Array.isArray(userIds) ? userIds : [userIds];
  if (ids.length === 0) return;
  await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids)).for("no key update");
  await tx
    .update(resetGrants)
    .set({ usedAt: new Date() })
    .where(and(inArray(resetGrants.userId, ids), isNull(resetGrants.usedAt)));
  // The one-time codes end with them (the school reset, cleared, disabled).
  await endOneTimeCodes(tx, ids);
}

/** Whom a live grant lets reset: what the policy needs to know, nothing more. */
export async function grantHolder(token: string | undefined) {
  if (!token) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      userId: users.id,
      loginId: users.loginId,
      email: users.email,
      fullName: users.fullName,
      schoolId: users.schoolId,
      schoolName: schools.name,
    })
    .from(resetGrants)
    .innerJoin(users, eq(users.id, resetGrants.userId))
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(and(liveGrant(token), activeStudent));
  return row ?? null;
}

export type ResetResult =
  | { status: "reset"; userId: number }
  | { status: "invalidGrant" }
  | { status: "policy"; failure: PasswordFailure };

class GrantGone extends Error {}

/** One transaction: grant used, new hash, history, gate cleared, sessions ended, audit row, and
 *  the notices to the student and the guardian. */
export async function resetPasswordWithGrant(
  token: string | undefined,
  input: NewPasswordInput,
  client: ClientInput,
): Promise<ResetResult> {
  const holder = await grantHolder(token);
  if (!holder || !token) return { status: "invalidGrant" };
  // The same rules as a signed-in change, the last 5 passwords included.
  const failure = await checkNewPassword({ ...holder, id: holder.userId }, input);
  if (failure) return { status: "policy", failure };
  const passwordHash = await hashNewPassword(input.newPassword);
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      // Checked again under the account's row lock: a disable that commits after the check above
      // is seen here (and one still running is waited for).
      const [account] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, holder.userId), activeStudent))
        .for("no key update");
      if (!account) throw new GrantGone();
      const used = await tx
        .update(resetGrants)
        .set({ usedAt: new Date() })
        .where(liveGrant(token))
        .returning({ userId: resetGrants.userId, via: resetGrants.via });
      if (used.length !== 1) throw new GrantGone();
      const { via } = used[0]!;
      // Any other grant of this account ends too.
      await endResetGrants(tx, holder.userId);
      await writeNewPassword(tx, holder.userId, passwordHash);
      await clearGateForUser(tx, holder.userId);
      await recordAudit(tx, {
        action: "password_reset",
        actorUserId: holder.userId,
        targetUserId: holder.userId,
        schoolId: holder.schoolId,
        clientAddress: client?.address ?? null,
        detail: { via: AUDIT_VIA[via] },
      });
      await queuePasswordChangedNotices(tx, { userId: holder.userId, how: NOTICE_HOW[via], client });
    });
  } catch (error) {
    if (error instanceof GrantGone) return { status: "invalidGrant" };
    throw error;
  }
  return { status: "reset", userId: holder.userId };
}

export async function cancelResetGrant(
  token: string | undefined,
  clientAddress: string | null,
): Promise<void> {
  const holder = await grantHolder(token);
  if (!holder || !token) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(resetGrants).set({ usedAt: new Date() }).where(liveGrant(token));
    await recordAudit(tx, {
      action: "reset_cancelled",
      actorUserId: holder.userId,
      targetUserId: holder.userId,
      schoolId: holder.schoolId,
      clientAddress,
    });
  });
}
