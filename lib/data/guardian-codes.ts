import "server-only";
import { performance } from "node:perf_hooks";
import { and, eq, gt, gte, lt } from "drizzle-orm";
import { guardianCodeSends, guardianCodes, schools, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { HashingBusyError, hashPool } from "@/lib/crypto/hash-pool";
import { hashSecret } from "@/lib/crypto/hashing";
import type { ClientInput } from "@/lib/http/request";
import type { GateStatus } from "@/lib/limits/lockout";
import {
  guardianCodeExpiry,
  guardianLimitWindowStart,
  mayGuardianCodeBeSent,
  newGuardianCode,
  normaliseGuardianCode,
} from "@/lib/reset/guardian-code";
import { recordAudit } from "./audit-write";
import { gateKeyFor, readGateStatus } from "./challenge-state";
import { redeemOneTimeCode, type CodeResult, type OneTimeCodeKind } from "./code-redemption";
import { getDb } from "./db";
import { queueGuardianCodeNotice } from "./notices";
import { findAccountByLoginId, normaliseLoginId } from "./users";

// A guardian's approval (lib/reset/guardian-code.ts): where the school turns it on, a student asks
// at /sspr/guardian for a code sent to the guardian's e-mail on file, and redeems it at
// /sspr/guardian/code for the same reset grant as correct answers, through the answers' gate
// (lib/data/code-redemption.ts). Asking answers the same, after the same work, for every Login ID.

/** The least time a request takes, whatever it found. The work is the same for every Login ID (a
 *  code drawn and hashed), but a real send writes four rows more than an unknown ID: a few
 *  milliseconds that many tries could tell apart. Every answer waits until this much time has
 *  passed since the request began, so the difference is hidden while the server keeps up. */
export const GUARDIAN_REQUEST_FLOOR_MS = 400;

/** Why no code was sent: for the school's audit log only. */
type Refusal = "noAccount" | "off" | "locked" | "noAddress" | "limit";

/** Whether a code may go to this student's guardian now, with the student's row locked so that
 *  requests at the same moment are counted one after the other. */
async function refusalFor(tx: Tx, userId: number, gate: GateStatus, now: Date): Promise<Refusal | null> {
  const [student] = await tx
    .select({
      role: users.role,
      status: users.status,
      guardianEmail: users.guardianEmail,
      offered: schools.guardianApproval,
    })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(eq(users.id, userId))
    .for("no key update", { of: users });
  if (!student || student.role !== "student" || student.status !== "active") return "noAccount";
  if (!student.offered) return "off";
  // The answers' lock holds here too: a locked account gets no code (and could not use one).
  if (gate !== "open") return "locked";
  if (!student.guardianEmail?.trim()) return "noAddress";
  const sent = await tx
    .select({ sentAt: guardianCodeSends.sentAt })
    .from(guardianCodeSends)
    .where(
      and(eq(guardianCodeSends.userId, userId), gte(guardianCodeSends.sentAt, guardianLimitWindowStart(now))),
    );
  return mayGuardianCodeBeSent(
    sent.map((row) => row.sentAt),
    now,
  )
    ? null
    : "limit";
}

/** A student asks for the guardian's approval. Every Login ID gets the same (nothing) back after
 *  the same work, a code drawn and hashed: unknown, not offered by the school, locked, no guardian
 *  e-mail, over the limit, or sent. Only the audit log says which. */
export async function requestGuardianCode(
  loginId: string,
  client: ClientInput,
  now = new Date(),
): Promise<void> {
  if (hashPool().saturated) throw new HashingBusyError();
  const started = performance.now();
  try {
    await requestNow(loginId, client, now);
  } finally {
    // A timer may fire a fraction of a millisecond early: wait again until the floor has passed.
    for (let left = GUARDIAN_REQUEST_FLOOR_MS; left > 0;) {
      left = GUARDIAN_REQUEST_FLOOR_MS - (performance.now() - started);
      if (left > 0) await new Promise((done) => setTimeout(done, Math.ceil(left)));
    }
  }
}

async function requestNow(loginId: string, client: ClientInput, now: Date): Promise<void> {
  const code = newGuardianCode();
  const codeHash = await hashSecret(code);
  const normalised = normaliseLoginId(loginId);
  const db = await getDb();
  const account = await findAccountByLoginId(db, normalised);
  const gate = await readGateStatus(gateKeyFor(account, normalised), now);
  const audit = {
    targetUserId: account?.id ?? null,
    schoolId: account?.schoolId ?? null,
    clientAddress: client?.address ?? null,
  };
  await db.transaction(async (tx) => {
    const refused = account ? await refusalFor(tx, account.id, gate, now) : "noAccount";
    await recordAudit(tx, {
      action: "guardian_code_requested",
      ...audit,
      detail: refused ? { sent: false, refused } : { sent: true },
    });
    if (refused || !account) return;
    // One live code per student: a new one ends the one before.
    const expiresAt = guardianCodeExpiry(now);
    const values = { userId: account.id, codeHash, expiresAt, createdAt: now };
    await tx
      .insert(guardianCodes)
      .values(values)
      .onConflictDoUpdate({ target: guardianCodes.userId, set: values });
    await tx.insert(guardianCodeSends).values({ userId: account.id, sentAt: now });
    await tx
      .delete(guardianCodeSends)
      .where(
        and(
          eq(guardianCodeSends.userId, account.id),
          lt(guardianCodeSends.sentAt, guardianLimitWindowStart(now)),
        ),
      );
    await queueGuardianCodeNotice(tx, { userId: account.id, client, at: now, code, expiresAt });
    await recordAudit(tx, { action: "guardian_code_sent", ...audit });
  });
}

const guardianCode: OneTimeCodeKind = {
  normalise: normaliseGuardianCode,
  markId: -1,
  via: "guardianCode",
  failed: "guardian_code_failed",
  async liveHash(db, userId, now) {
    // Only while the school offers it (turning it off also ends the school's codes).
    const [stored] = await db
      .select({ codeHash: guardianCodes.codeHash })
      .from(guardianCodes)
      .innerJoin(users, eq(users.id, guardianCodes.userId))
      .innerJoin(schools, eq(schools.id, users.schoolId))
      .where(
        and(
          eq(guardianCodes.userId, userId),
          gt(guardianCodes.expiresAt, now),
          eq(schools.guardianApproval, true),
        ),
      );
    return stored?.codeHash;
  },
  async take(tx, userId, codeHash) {
    const used = await tx
      .delete(guardianCodes)
      .where(and(eq(guardianCodes.userId, userId), eq(guardianCodes.codeHash, codeHash)))
      .returning({ userId: guardianCodes.userId });
    return used.length === 1 ? { action: "guardian_code_used" } : null;
  },
};

/** Login ID and the code from the guardian's e-mail, as typed. */
export function redeemGuardianCode(
  loginId: string,
  typed: string,
  client: ClientInput,
  now = new Date(),
): Promise<CodeResult> {
  return redeemOneTimeCode(guardianCode, loginId, typed, client, now);
}
