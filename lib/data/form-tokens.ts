import "server-only";
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { usedFormTokens } from "@/db/schema";
import { authSecret } from "@/lib/config";

// One-time tokens for the forms whose post must not happen twice: without JavaScript, reloading
// the page that answered a post posts it again (the administrator's Reset password would reset a
// second time and kill the temporary password just shown). The page makes a token (a GET writes
// nothing); the change claims it in its own transaction, so the same post twice changes once. A
// token is signed for the administrator and the form it was made for, and lives 12 hours; used
// ones are kept a day, longer than any token lives, then forgotten.

const MAX_AGE_MS = 12 * 60 * 60_000;
const KEEP_USED_MS = 24 * 60 * 60_000;
/** A token is `issued.nonce.signature`: well under this. */
const MAX_LENGTH = 120;

/** A key of its own, derived from AUTH_SECRET (rotating it ends every open form, as it ends every
 *  session). */
let signingKey: { secret: string; key: Buffer } | undefined;
function keyOf(secret: string): Buffer {
  if (signingKey?.secret !== secret) {
    signingKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "", "mims-sspr form tokens", 32)) };
  }
  return signingKey.key;
}

function signature(userId: number, purpose: string, issued: string, nonce: string): string {
  return createHmac("sha256", keyOf(authSecret()))
    .update(`form-token\n${userId}\n${purpose}\n${issued}\n${nonce}`)
    .digest("base64url");
}

/** A fresh token for `purpose` (the form and what it acts on, e.g. `reset-password:42`). */
export function newFormToken(userId: number, purpose: string, now = Date.now()): string {
  const issued = Math.floor(now / 1000).toString(36);
  const nonce = randomBytes(16).toString("base64url");
  return `${issued}.${nonce}.${signature(userId, purpose, issued, nonce)}`;
}

/** Whether the token was made here, for this administrator and this form, less than 12 hours ago. */
export function isFormTokenValid(
  token: unknown,
  userId: number,
  purpose: string,
  now = Date.now(),
): token is string {
  if (typeof token !== "string" || token.length > MAX_LENGTH) return false;
  const [issued = "", nonce = "", mac = "", ...rest] = token.split(".");
  if (rest.length > 0 || !/^[0-9a-z]{1,10}$/.test(issued) || !/^[\w-]{22}$/.test(nonce)) return false;
  const expected = Buffer.from(signature(userId, purpose, issued, nonce));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const age = now - parseInt(issued, 36) * 1000;
  return age >= -60_000 && age <= MAX_AGE_MS;
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
