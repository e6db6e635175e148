import "server-only";
import { eq } from "drizzle-orm";
import { resetCodes } from "@/db/schema";
import type { Executor } from "@/db/client";
import { HashingBusyError, hashPool } from "@/lib/crypto/hash-pool";
import { hashSecret, verifyAgainstDummy, verifySecret } from "@/lib/crypto/hashing";
import type { ClientInput } from "@/lib/http/request";
import { wrongAnswersMark, wrongMarksKey } from "@/lib/limits/wrong-marks";
import { endOfSchoolDay, newResetCode, normaliseResetCode } from "@/lib/reset/reset-code";
import { authSecret, config } from "@/lib/server/config";
import { recordAudit } from "./audit-write";
import {
  gateKeyFor,
  recordGateCorrect,
  recordGateWrong,
  recordWrongAudited,
  reserveGateAttempt,
} from "./challenge-state";
import { getDb } from "./db";
import { createResetGrant } from "./reset-grants";
import { findAccountByLoginId, normaliseLoginId } from "./users";

// One-time reset codes (lib/reset/reset-code.ts): the school issues one (lib/data/student-accounts.ts
// issueResetCode), the child redeems it at /sspr/code for the same reset grant as correct answers.
// Redeeming goes through the answers' gate: an attempt is reserved before the code is judged, a
// wrong code counts as wrong answers do, a locked gate refuses, and a Login ID without a code (or
// without an account) gets the same work and the same answer.

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

export type CodeResult =
  { status: "correct"; grantToken: string } | { status: "wrong" } | { status: "locked" | "accountLocked" };

/** Login ID and code, as the child typed them. */
export async function redeemResetCode(
  loginId: string,
  typed: string,
  client: ClientInput,
  now = new Date(),
): Promise<CodeResult> {
  const normalised = normaliseLoginId(loginId);
  const db = await getDb();
  const account = await findAccountByLoginId(db, normalised);
  const gate = gateKeyFor(account, normalised);
  const code = normaliseResetCode(typed) ?? "";
  const audit = {
    targetUserId: account?.id ?? null,
    schoolId: account?.schoolId ?? null,
    clientAddress: client?.address ?? null,
  };
  if (hashPool().saturated) throw new HashingBusyError();
  const mark = wrongAnswersMark(wrongMarksKey(authSecret()), gate.key, [0], [code]);
  const reservation = await reserveGateAttempt(gate, now, mark);
  if (!reservation.reserved) {
    await verifyAgainstDummy(code);
    if (reservation.status === "repeat") return { status: "wrong" };
    await recordAudit(db, { action: "challenge_refused", ...audit });
    return { status: reservation.status };
  }
  const [stored] = account ? await db.select().from(resetCodes).where(eq(resetCodes.userId, account.id)) : [];
  const usable =
    stored && account?.role === "student" && account.status === "active" && stored.expiresAt > now;
  let correct: boolean;
  try {
    correct =
      usable && code !== ""
        ? await verifySecret(stored.codeHash, code)
        : (await verifyAgainstDummy(code), false);
  } catch (error) {
    await recordGateWrong(gate, client, now);
    throw error;
  }
  if (!correct || !account || !stored) {
    const lockedNow = await recordWrongAudited(gate, client, mark, "reset_code_failed", audit, now);
    return lockedNow === "open" ? { status: "wrong" } : { status: lockedNow };
  }
  const grantToken = await db.transaction(async (tx) => {
    // Used once: the row goes before the grant is made, under the gate's lock.
    const used = await tx
      .delete(resetCodes)
      .where(eq(resetCodes.userId, account.id))
      .returning({ issuedBy: resetCodes.issuedBy, codeHash: resetCodes.codeHash });
    if (used[0]?.codeHash !== stored.codeHash) return null;
    await recordGateCorrect(tx, gate);
    await recordAudit(tx, {
      action: "reset_code_used",
      actorUserId: account.id,
      ...audit,
      detail: { issuedBy: used[0].issuedBy },
    });
    return createResetGrant(tx, account.id);
  });
  return grantToken ? { status: "correct", grantToken } : { status: "wrong" };
}
