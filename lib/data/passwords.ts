import "server-only";
import { eq, sql } from "drizzle-orm";
import { passwordHistory, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { hashSecret, verifySecret } from "@/lib/hashing";
import { firstFailure, normalisePassword, type RuleResult } from "@/lib/password-policy";
import { assertActor } from "./actor";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import { passwordContextOf, type SessionUser } from "./users";

export type NewPasswordInput = { newPassword: string; confirmPassword: string };

export type ChangePasswordResult =
  { status: "changed" } | { status: "wrongCurrentPassword" } | { status: "policy"; failure: RuleResult };

/** The policy check the server enforces; null when the new password is acceptable. */
export function checkNewPassword(
  user: { loginId: string; email: string | null; fullName: string },
  input: NewPasswordInput,
): RuleResult | null {
  return firstFailure(input.newPassword, passwordContextOf(user), input.confirmPassword);
}

export function hashNewPassword(password: string): Promise<string> {
  return hashSecret(normalisePassword(password));
}

/** New hash, history, must-change cleared, session version bumped: every old session ends. */
export async function writeNewPassword(tx: Tx, userId: number, passwordHash: string): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await tx.insert(passwordHistory).values({ userId, passwordHash });
}

async function currentHash(userId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? "";
}

/** Signed in: current password, then the new one under the policy. */
export async function changeOwnPassword(
  actor: Pick<SessionUser, "id" | "sessionVersion">,
  input: NewPasswordInput & { currentPassword: string },
  clientAddress: string | null,
): Promise<ChangePasswordResult> {
  const user = await assertActor(actor);
  if (!(await verifySecret(await currentHash(user.id), normalisePassword(input.currentPassword)))) {
    return { status: "wrongCurrentPassword" };
  }
  const failure = checkNewPassword(user, input);
  if (failure) return { status: "policy", failure };
  const passwordHash = await hashNewPassword(input.newPassword);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await writeNewPassword(tx, user.id, passwordHash);
    await recordAudit(tx, {
      action: "password_changed",
      actorUserId: user.id,
      targetUserId: user.id,
      schoolId: user.schoolId,
      clientAddress,
    });
  });
  return { status: "changed" };
}
