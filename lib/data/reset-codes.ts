import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { resetCodes } from "@/db/schema";
import type { Executor } from "@/db/client";
import { hashSecret } from "@/lib/crypto/hashing";
import type { ClientInput } from "@/lib/http/request";
import { endOfSchoolDay, newResetCode, normaliseResetCode } from "@/lib/reset/reset-code";
import { config } from "@/lib/server/config";
import { redeemOneTimeCode, type CodeResult, type OneTimeCodeKind } from "./code-redemption";

// One-time reset codes (lib/reset/reset-code.ts): the school issues one (lib/data/student-accounts.ts
// issueResetCode), the child redeems it at /sspr/code for the same reset grant as correct answers,
// through the answers' gate (lib/data/code-redemption.ts).

export type { CodeResult };

/** A new live code for the student, replacing any other: returned once, kept as its hash. */
export async function storeNewResetCode(
  tx: Executor,
  userId: number,
  issuedBy: number,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newResetCode();
  const expiresAt = endOfSchoolDay(now, config.schoolTimeZone);
  const values = { userId, codeHash: await hashSecret(code), issuedBy, expiresAt, createdAt: now };
  await tx.insert(resetCodes).values(values).onConflictDoUpdate({ target: resetCodes.userId, set: values });
  return { code, expiresAt };
}

const resetCode: OneTimeCodeKind = {
  normalise: (typed) => normaliseResetCode(typed),
  markId: 0,
  via: "resetCode",
  failed: "reset_code_failed",
  async liveHash(db, userId, now) {
    const [stored] = await db
      .select({ codeHash: resetCodes.codeHash })
      .from(resetCodes)
      .where(and(eq(resetCodes.userId, userId), gt(resetCodes.expiresAt, now)));
    return stored?.codeHash;
  },
  async take(tx, userId, codeHash) {
    const [used] = await tx
      .delete(resetCodes)
      .where(and(eq(resetCodes.userId, userId), eq(resetCodes.codeHash, codeHash)))
      .returning({ issuedBy: resetCodes.issuedBy });
    return used ? { action: "reset_code_used", detail: { issuedBy: used.issuedBy } } : null;
  },
};

/** Login ID and code, as the child typed them. */
export function redeemResetCode(
  loginId: string,
  typed: string,
  client: ClientInput,
  now = new Date(),
): Promise<CodeResult> {
  return redeemOneTimeCode(resetCode, loginId, typed, client, now);
}
