import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { usedFormTokens } from "@/db/schema";
import { authSecret } from "@/lib/server/config";
import { signValue, verifiedValue } from "@/lib/crypto/signed-value";

// One-time tokens for the forms whose post must not happen twice: without JavaScript, reloading
// the page that answered a post posts it again (the administrator's Reset password would reset a
// second time and kill the temporary password just shown). The page makes a token (a GET writes
// nothing); the change claims it in its own transaction, so the same post twice changes once. A
// token is a random nonce signed for the administrator and the form it was made for, and lives
// 12 hours; used ones are kept a day, longer than any token lives, then forgotten.

const MAX_AGE_SECONDS = 12 * 60 * 60;
const KEEP_USED_MS = 24 * 60 * 60_000;

/** What a token is signed for: this administrator and this form (lib/crypto/signed-value.ts; its key is
 *  derived from AUTH_SECRET, so rotating that ends every open form, as it ends every session). */
const signedFor = (userId: number, purpose: string) => `form-token:${userId}:${purpose}`;

/** A fresh token for `purpose` (the form and what it acts on, e.g. `reset-password:42`). */
export function newFormToken(userId: number, purpose: string, now = Date.now()): string {
  const nonce = randomBytes(16).toString("base64url");
  return signValue(authSecret(), signedFor(userId, purpose), nonce, new Date(now));
}

/** Whether the token was made here, for this administrator and this form, less than 12 hours ago. */
export function isFormTokenValid(
  token: unknown,
  userId: number,
  purpose: string,
  now = Date.now(),
): token is string {
  if (typeof token !== "string") return false;
  return (
    verifiedValue(authSecret(), signedFor(userId, purpose), token, MAX_AGE_SECONDS, new Date(now)) !== null
  );
}

/** Only a hash is stored: a row says a token was used, and cannot be turned back into one. */
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Whether the token was used already (a cheap look before costly work; the claim decides). */
export async function isFormTokenUsed(db: Executor, token: string): Promise<boolean> {
  const [row] = await db
    .select({ tokenHash: usedFormTokens.tokenHash })
    .from(usedFormTokens)
    .where(eq(usedFormTokens.tokenHash, hashOf(token)));
  return row !== undefined;
}

/** Claims the token inside the change's transaction: true the first time, false ever after (a
 *  second post at the same moment waits for the first's transaction, then gets false). */
export async function claimFormToken(tx: Executor, userId: number, token: string): Promise<boolean> {
  const claimed = await tx
    .insert(usedFormTokens)
    .values({ tokenHash: hashOf(token), userId })
    .onConflictDoNothing()
    .returning({ tokenHash: usedFormTokens.tokenHash });
  return claimed.length === 1;
}

/** Used tokens older than a day: no token lives that long, so they can go. */
export async function forgetOldFormTokens(db: Executor, now = new Date()): Promise<void> {
  await db.delete(usedFormTokens).where(lt(usedFormTokens.usedAt, new Date(now.getTime() - KEEP_USED_MS)));
}
