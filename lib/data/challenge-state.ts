import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { challengeStates } from "@/db/schema";
import type { Executor, Tx } from "@/db/client";
import { config } from "@/lib/server/config";
import type { ClientInput } from "@/lib/http/request";
import {
  OPEN_GATE,
  clearGate,
  gateStatus,
  recordCorrectAnswer,
  recordWrongAnswer,
  reserveAttempt,
  settleStaleRun,
  type GateState,
  type GateStatus,
} from "@/lib/limits/lockout";
import { getDb } from "./db";
import { queueLockNotices } from "./notices";
import { endOneTimeCodes } from "./one-time-codes";
import { recordAudit, type AuditEvent } from "./audit-write";
import { isPossibleLoginId } from "./users";

// The lockout gate's rows. Every transition runs under a row lock (SELECT … FOR UPDATE), so
// parallel requests, on one server or many, see each other's reservations.

export type GateKey = { key: string; userId: number | null };

export function gateKeyFor(account: { id: number } | undefined, normalisedLoginId: string): GateKey {
  if (account) return { key: `u:${account.id}`, userId: account.id };
  // A Login ID no account can have still meets a gate (the same pages and work), keyed by its hash.
  return isPossibleLoginId(normalisedLoginId)
    ? { key: `id:${normalisedLoginId}`, userId: null }
    : { key: `id#${createHash("sha256").update(normalisedLoginId).digest("hex")}`, userId: null };
}

function toGate(row: typeof challengeStates.$inferSelect | undefined, now = new Date()): GateState {
  if (!row) return { ...OPEN_GATE };
  const { attempts, lockCount, lockedUntil, accountLocked } = row;
  return settleStaleRun(
    { attempts, lockCount, lockedUntil, accountLocked },
    row.updatedAt,
    now,
    config.lockout,
  );
}

/** The gate's row, made if missing, locked (FOR UPDATE) until `tx` ends (lib/data/drawn-questions.ts too). */
export async function lockRow(tx: Tx, gate: GateKey) {
  await tx.insert(challengeStates).values({ gateKey: gate.key, userId: gate.userId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(challengeStates)
    .where(eq(challengeStates.gateKey, gate.key))
    .for("update");
  return row!;
}

/** The gate under a row lock, with a stale run settled and written back; `marks`: the wrong
 *  answers' marks of the current run. */
async function lockGateWithMarks(
  tx: Tx,
  gate: GateKey,
  now: Date,
): Promise<{ state: GateState; marks: string[] }> {
  const row = await lockRow(tx, gate);
  const state = toGate(row, now);
  if (state.attempts !== row.attempts || state.lockCount !== row.lockCount) {
    await writeGate(tx, gate.key, state, { wrongMarks: null });
    // A stale run settled as wrong can lock: the family hears of it (from an unknown device).
    await noticeNewLock(tx, gate, gateStatus(state, now), state, null);
    return { state, marks: [] };
  }
  return { state, marks: row.wrongMarks ?? [] };
}

/** The gate under a row lock, with a stale run settled and written back. */
async function lockGate(tx: Tx, gate: GateKey, now: Date): Promise<GateState> {
  return (await lockGateWithMarks(tx, gate, now)).state;
}

/** The notices of a lock, in the transaction that locks. Unknown login IDs have no one to tell. */
async function noticeNewLock(
  tx: Tx,
  gate: GateKey,
  status: GateStatus,
  state: GateState,
  client: ClientInput,
): Promise<void> {
  if (status === "open" || gate.userId === null) return;
  await queueLockNotices(tx, { userId: gate.userId, lock: status, lockedUntil: state.lockedUntil, client });
}

async function writeGate(
  tx: Executor,
  key: string,
  state: GateState,
  extra: { drawnQuestions?: number[] | null; wrongMarks?: string[] | null } = {},
) {
  await tx
    .update(challengeStates)
    .set({ ...state, ...extra, updatedAt: new Date() })
    .where(eq(challengeStates.gateKey, key));
}

/** The gate's status and the questions drawn for it, in one read. */
export async function readGate(
  gate: GateKey,
  now = new Date(),
): Promise<{ status: GateStatus; drawn: number[] | null }> {
  const db = await getDb();
  const [row] = await db.select().from(challengeStates).where(eq(challengeStates.gateKey, gate.key));
  return { status: gateStatus(toGate(row, now), now), drawn: row?.drawnQuestions ?? null };
}

export async function readGateStatus(gate: GateKey, now = new Date()): Promise<GateStatus> {
  return (await readGate(gate, now)).status;
}

/** Take an attempt before judging. Returns the gate's status when refused, or "repeat" when the
 *  gate is open and these are the same wrong answers as before in this run (`mark`,
 *  lib/limits/wrong-marks.ts): they are wrong again, and count once. */
export async function reserveGateAttempt(
  gate: GateKey,
  now = new Date(),
  mark?: string,
): Promise<{ reserved: true } | { reserved: false; status: Exclude<GateStatus, "open"> | "repeat" }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { state, marks } = await lockGateWithMarks(tx, gate, now);
    const status = gateStatus(state, now);
    // (A lock forgets the run's marks: after one, there is nothing to repeat.)
    if (status === "open" && mark !== undefined && marks.includes(mark)) {
      return { reserved: false, status: "repeat" };
    }
    const next = reserveAttempt(state, now, config.lockout);
    if (!next) {
      // Open but full: the run's last attempts are being judged right now; they will lock it.
      return { reserved: false, status: status === "open" ? "locked" : status };
    }
    // A lock that ran out starts a fresh run: the old run's marks go with it.
    await writeGate(tx, gate.key, next, state.lockedUntil ? { wrongMarks: null } : {});
    return { reserved: true };
  });
}

/** Returns the lock this wrong answer caused, if any; a lock's notices go in its transaction.
 *  `mark`: the answers' mark, kept for the rest of the run (forgotten when this one locks). */
export async function recordGateWrong(
  gate: GateKey,
  client: ClientInput = null,
  now = new Date(),
  mark?: string,
): Promise<GateStatus> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { state: before, marks } = await lockGateWithMarks(tx, gate, now);
    const after = recordWrongAnswer(before, now, config.lockout);
    if (after === before) {
      if (mark !== undefined && !marks.includes(mark)) {
        await tx
          .update(challengeStates)
          .set({ wrongMarks: [...marks, mark] })
          .where(eq(challengeStates.gateKey, gate.key));
      }
      return "open";
    }
    await writeGate(tx, gate.key, after, { wrongMarks: null });
    const lockedNow = gateStatus(after, now);
    await noticeNewLock(tx, gate, lockedNow, after, client);
    return lockedNow;
  });
}

/** A judged wrong submission (answers or a code): counted, with its mark, and audited as
 *  `failed`, plus the lock it caused. Returns that lock, if any. */
export async function recordWrongAudited(
  gate: GateKey,
  client: ClientInput,
  mark: string,
  failed: "challenge_failed" | "reset_code_failed" | "guardian_code_failed",
  audit: Omit<AuditEvent, "action">,
  now = new Date(),
): Promise<GateStatus> {
  const lockedNow = await recordGateWrong(gate, client, now, mark);
  const db = await getDb();
  await recordAudit(db, { action: failed, ...audit });
  if (lockedNow !== "open") {
    await recordAudit(db, {
      action: lockedNow === "accountLocked" ? "account_locked" : "reset_path_locked",
      ...audit,
    });
  }
  return lockedNow;
}

/** A correct answer ends the run and lets the next challenge draw new questions. */
export async function recordGateCorrect(tx: Tx, gate: GateKey): Promise<void> {
  const state = await lockGate(tx, gate, new Date());
  await writeGate(tx, gate.key, recordCorrectAnswer(state), { drawnQuestions: null, wrongMarks: null });
}

/** After a completed reset or a school unlock: the gate starts over, and a one-time code handed
 *  out or sent before (the school's, a guardian's) no longer works. */
export async function clearGateForUser(tx: Executor, userId: number): Promise<void> {
  await writeGate(tx, `u:${userId}`, clearGate(), { drawnQuestions: null, wrongMarks: null });
  await endOneTimeCodes(tx, userId);
}

/** How long the rows kept for Login IDs no account has live after their last use: a day, or 90
 *  days for one that has ever been locked (a real account keeps its locks, and stays locked until
 *  the school unlocks it, so an unknown ID must not forget sooner than a school would act). Cleared
 *  at most every ten minutes per instance. */
const UNKNOWN_GATE_DAYS = 1;
const UNKNOWN_LOCKED_GATE_DAYS = 90;
const CLEAN_EVERY_MS = 10 * 60_000;
let lastCleaned = 0;

export async function forgetIdleUnknownGates(now = new Date()): Promise<void> {
  if (now.getTime() - lastCleaned < CLEAN_EVERY_MS) return;
  lastCleaned = now.getTime();
  const db = await getDb();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await db
    .delete(challengeStates)
    .where(
      and(
        isNull(challengeStates.userId),
        lt(challengeStates.updatedAt, daysAgo(UNKNOWN_GATE_DAYS)),
        eq(challengeStates.accountLocked, false),
        eq(challengeStates.lockCount, 0),
      ),
    );
  await db
    .delete(challengeStates)
    .where(
      and(isNull(challengeStates.userId), lt(challengeStates.updatedAt, daysAgo(UNKNOWN_LOCKED_GATE_DAYS))),
    );
}
