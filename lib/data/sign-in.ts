import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashSecret, needsRehash, verifyAgainstDummy, verifySecret } from "@/lib/hashing";
import { normalisePassword } from "@/lib/password-policy";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import { findAccountByLoginId } from "./users";

export type SignedIn = { id: number; role: "student" | "admin"; sessionVersion: number };

/** Same work and the same answer whether the login ID exists or not: an argon2 verify always runs. */
export async function authenticate(
  loginId: string,
  password: string,
  clientAddress: string | null,
): Promise<SignedIn | null> {
  const db = await getDb();
  const account = await findAccountByLoginId(db, loginId);
  const candidate = normalisePassword(password);
  const ok = account
    ? await verifySecret(account.passwordHash, candidate)
    : await verifyAgainstDummy(candidate);
  if (!account || !ok || account.status !== "active") {
    await recordAudit(db, {
      action: "sign_in_failed",
      targetUserId: account?.id ?? null,
      schoolId: account?.schoolId ?? null,
      clientAddress,
    });
    return null;
  }
  // The one moment the password is known: a hash with old parameters or an old pepper is
  // replaced, in the same UPDATE, unless a change got there first. Same password: the session
  // version stays.
  const fresh = needsRehash(account.passwordHash) ? await hashSecret(candidate) : null;
  const rehash = fresh && {
    passwordHash: sql`CASE WHEN ${users.passwordHash} = ${account.passwordHash} THEN ${fresh} ELSE ${users.passwordHash} END`,
  };
  await db
    .update(users)
    .set({ lastSignInAt: new Date(), ...rehash })
    .where(eq(users.id, account.id));
  await recordAudit(db, {
    action: "sign_in",
    actorUserId: account.id,
    targetUserId: account.id,
    schoolId: account.schoolId,
    clientAddress,
    ...(fresh && { detail: { rehashed: true } }),
  });
  return { id: account.id, role: account.role, sessionVersion: account.sessionVersion };
}

export async function recordSignOut(user: { id: number; schoolId: number }, clientAddress: string | null) {
  const db = await getDb();
  await recordAudit(db, {
    action: "sign_out",
    actorUserId: user.id,
    targetUserId: user.id,
    schoolId: user.schoolId,
    clientAddress,
  });
}
