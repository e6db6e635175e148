import "server-only";
import type { Executor, Tx } from "@/db/client";
import { HashingBusyError, hashPool } from "@/lib/crypto/hash-pool";
import { verifyAgainstDummy, verifySecret } from "@/lib/crypto/hashing";
import type { ClientInput } from "@/lib/http/request";
import { wrongAnswersMark, wrongMarksKey } from "@/lib/limits/wrong-marks";
import { authSecret } from "@/lib/server/config";
import { recordAudit, type AuditEvent } from "./audit-write";
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

// Redeeming a one-time code, the school's (lib/data/reset-codes.ts) or a guardian's
// (lib/data/guardian-codes.ts), for the same reset grant as correct answers. It goes through the
// answers' gate: an attempt is reserved before the code is judged, a wrong code counts as wrong
// answers do, a locked gate refuses (a code never opens a lock), and a Login ID without a code,
// or without an account, gets the same work and the same answer.

export type CodeResult =
  { status: "correct"; grantToken: string } | { status: "wrong" } | { status: "locked" | "accountLocked" };

/** What differs between the kinds of one-time code. */
export type OneTimeCodeKind = {
  /** The code as typed, normalised; null when it cannot be one. */
  normalise(typed: string): string | null;
  /** The code's place in the marks of wrong answers (lib/limits/wrong-marks.ts), so the same
   *  text typed as a code of another kind is not a repeat. */
  markId: number;
  /** What the grant it earns says of how it was earned. */
  via: "resetCode" | "guardianCode";
  failed: "reset_code_failed" | "guardian_code_failed";
  /** The hash of the student's code that is live at `now`, if there is one. */
  liveHash(db: Executor, userId: number, now: Date): Promise<string | undefined>;
  /** Takes the code judged (used once), in the grant's transaction: its use's audit action and
   *  detail, or null when it is gone (taken or replaced meanwhile). */
  take(tx: Tx, userId: number, codeHash: string): Promise<Pick<AuditEvent, "action" | "detail"> | null>;
};

/** Login ID and code, as the child typed them. */
export async function redeemOneTimeCode(
  kind: OneTimeCodeKind,
  loginId: string,
  typed: string,
  client: ClientInput,
  now: Date,
): Promise<CodeResult> {
  const normalised = normaliseLoginId(loginId);
  const db = await getDb();
  const account = await findAccountByLoginId(db, normalised);
  const gate = gateKeyFor(account, normalised);
  const code = kind.normalise(typed) ?? "";
  const audit = {
    targetUserId: account?.id ?? null,
    schoolId: account?.schoolId ?? null,
    clientAddress: client?.address ?? null,
  };
  if (hashPool().saturated) throw new HashingBusyError();
  const mark = wrongAnswersMark(wrongMarksKey(authSecret()), gate.key, [kind.markId], [code]);
  const reservation = await reserveGateAttempt(gate, now, mark);
  if (!reservation.reserved) {
    await verifyAgainstDummy(code);
    if (reservation.status === "repeat") return { status: "wrong" };
    await recordAudit(db, { action: "challenge_refused", ...audit });
    return { status: reservation.status };
  }
  const student = account?.role === "student" && account.status === "active" ? account : undefined;
  const storedHash = student ? await kind.liveHash(db, student.id, now) : undefined;
  let correct: boolean;
  try {
    correct =
      storedHash && code !== ""
        ? await verifySecret(storedHash, code)
        : (await verifyAgainstDummy(code), false);
  } catch (error) {
    await recordGateWrong(gate, client, now);
    throw error;
  }
  if (!correct || !student || !storedHash) {
    const lockedNow = await recordWrongAudited(gate, client, mark, kind.failed, audit, now);
    return lockedNow === "open" ? { status: "wrong" } : { status: lockedNow };
  }
  const grantToken = await db.transaction(async (tx) => {
    // Used once: the code goes before the grant is made, under the gate's lock.
    const used = await kind.take(tx, student.id, storedHash);
    if (!used) return null;
    await recordGateCorrect(tx, gate);
    await recordAudit(tx, { ...used, actorUserId: student.id, ...audit });
    return createResetGrant(tx, student.id, kind.via);
  });
  return grantToken ? { status: "correct", grantToken } : { status: "wrong" };
}
