import "server-only";
import { and, asc, eq, gt, or } from "drizzle-orm";
import { challengeStates, users } from "@/db/schema";
import { ROW_ID_MAX } from "@/lib/forms";
import { assertActor } from "./actor";
import { recordAudit } from "./audit";
import { clearGateForUser } from "./challenge-state";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import type { SessionUser } from "./users";

type Actor = Pick<SessionUser, "id" | "sessionVersion">;

export type LockedAccount = {
  userId: number;
  loginId: string;
  fullName: string;
  className: string | null;
  lock: "temporary" | "account";
  lockedUntil: Date | null;
};

/** The administrator's own school only. */
export async function listLockedAccounts(actor: Actor, now = new Date()): Promise<LockedAccount[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      loginId: users.loginId,
      fullName: users.fullName,
      className: users.className,
      accountLocked: challengeStates.accountLocked,
      lockedUntil: challengeStates.lockedUntil,
    })
    .from(challengeStates)
    .innerJoin(users, eq(users.id, challengeStates.userId))
    .where(
      and(
        eq(users.schoolId, admin.schoolId),
        eq(users.role, "student"),
        or(eq(challengeStates.accountLocked, true), gt(challengeStates.lockedUntil, now)),
      ),
    )
    .orderBy(asc(users.fullName));
  return rows.map(({ accountLocked, ...row }) => ({ ...row, lock: accountLocked ? "account" : "temporary" }));
}

/** Clears the gate of one of the administrator's own students; returns whom it unlocked. */
export async function unlockAccount(
  actor: Actor,
  userId: number,
  clientAddress: string | null,
): Promise<{ fullName: string }> {
  const admin = await assertActor(actor, "admin");
  // An id no row can have is nobody of this school (and PostgreSQL would refuse the comparison).
  if (!Number.isInteger(userId) || userId < 1 || userId > ROW_ID_MAX) throw new ForbiddenError();
  const db = await getDb();
  const [target] = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.schoolId, admin.schoolId), eq(users.role, "student")));
  if (!target) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    await clearGateForUser(tx, target.id);
    await recordAudit(tx, {
      action: "account_unlocked",
      actorUserId: admin.id,
      targetUserId: target.id,
      schoolId: admin.schoolId,
      clientAddress,
    });
  });
  return { fullName: target.fullName };
}
