import "server-only";
import { and, desc, eq, notInArray } from "drizzle-orm";
import { passwordHistory, users } from "@/db/schema";
import type { Executor, Tx } from "@/db/client";
import { verifySecret } from "@/lib/crypto/hashing";

// The last passwords of an account may not come back, on a change or a reset alike.

export const PASSWORD_HISTORY_SIZE = 5;

/** The current hash and the last 5 of history (after the first change, the current password is
 *  the newest of those 5; before it, as for a first password from the school, it is not in
 *  history at all, so it is read from the account). */
async function recentHashes(db: Executor, userId: number): Promise<string[]> {
  const [account] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const past = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY_SIZE);
  return [...new Set([account?.hash, ...past.map((row) => row.hash)])].filter((hash) => hash !== undefined);
}

/** One verify after another, not all at once: this runs for one person and should not take
 *  every hashing thread from the others. `password` is already normalised. */
export async function isRecentPassword(db: Executor, userId: number, password: string): Promise<boolean> {
  for (const hash of await recentHashes(db, userId)) {
    if (await verifySecret(hash, password)) return true;
  }
  return false;
}

/** Adds the new hash and forgets all but the last 5: older ones no longer count, and every hash
 *  kept is one more that a stolen database would offer to crack. */
export async function recordPasswordHistory(tx: Tx, userId: number, passwordHash: string): Promise<void> {
  await tx.insert(passwordHistory).values({ userId, passwordHash });
  const kept = tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY_SIZE);
  await tx
    .delete(passwordHistory)
    .where(and(eq(passwordHistory.userId, userId), notInArray(passwordHistory.id, kept)));
}
