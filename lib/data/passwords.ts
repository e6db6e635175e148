import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { hashSecret, verifySecret } from "@/lib/crypto/hashing";
import type { ClientInput } from "@/lib/http/request";
import { firstFailure, normalisePassword } from "@/lib/passwords/policy";
import { screenPassword, type PasswordFailure } from "@/lib/passwords/screen";
import { assertActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { getDb } from "./db";
import { queuePasswordChangedNotices } from "./notices";
import { isRecentPassword, recordPasswordHistory } from "./password-history";
import { passwordContextOf } from "./users";
import { endResetGrants } from "./reset-grants";
import { clearSignInThrottle } from "./sign-in-throttle";

export type NewPasswordInput = { newPassword: string; confirmPassword: string };

export type ChangePasswordResult =
  { status: "changed" } | { status: "wrongCurrentPassword" } | { status: "policy"; failure: PasswordFailure };

/** Whose new password is checked: what the rules need to know about them. */
export type PasswordOwner = {
  id: number;
  loginId: string;
  email: string | null;
  fullName: string;
  schoolName: string | null;
};

/** Every rule the server enforces, cheapest first: the school's policy (the browser's checklist
 *  runs the same code), then common passwords and context words, then the last 5 passwords
 *  (argon2 work). Null when the new password is acceptable. */
export async function checkNewPassword(
  owner: PasswordOwner,
  input: NewPasswordInput,
): Promise<PasswordFailure | null> {
  const policyFailure = firstFailure(input.newPassword, passwordContextOf(owner), input.confirmPassword);
  if (policyFailure) return policyFailure;
  const screened = await screenPassword(input.newPassword, owner);
  if (screened) return screened;
  const reused = await isRecentPassword(await getDb(), owner.id, normalisePassword(input.newPassword));
  return reused ? { rule: "reused", ok: false } : null;
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
  await recordPasswordHistory(tx, userId, passwordHash);
  // Guesses at the old password no longer matter: the account's sign-in is not slowed any more;
  // and a reset grant earned before the change resets nothing after it.
  await clearSignInThrottle(tx, userId);
  await endResetGrants(tx, userId);
}

async function currentHash(userId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? "";
}

/** Signed in: current password, then the new one under every rule. */
export async function changeOwnPassword(
  actor: Actor,
  input: NewPasswordInput & { currentPassword: string },
  client: ClientInput,
): Promise<ChangePasswordResult> {
  const user = await assertActor(actor);
  if (!(await verifySecret(await currentHash(user.id), normalisePassword(input.currentPassword)))) {
    return { status: "wrongCurrentPassword" };
  }
  const failure = await checkNewPassword(user, input);
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
      clientAddress: client?.address ?? null,
    });
    await queuePasswordChangedNotices(tx, { userId: user.id, how: "signed_in", client });
  });
  return { status: "changed" };
}
