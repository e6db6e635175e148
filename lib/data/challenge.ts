import "server-only";
import { createHmac } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { securityAnswers } from "@/db/schema";
import { normaliseAnswer } from "@/lib/reset/answers";
import { authSecret } from "@/lib/server/config";
import { HashingBusyError, hashPool } from "@/lib/crypto/hash-pool";
import { hashSecret, needsRehash, verifyAgainstDummy, verifySecret } from "@/lib/crypto/hashing";
import type { GateStatus } from "@/lib/limits/lockout";
import { wrongAnswersMark, wrongMarksKey } from "@/lib/limits/wrong-marks";
import type { ClientInput } from "@/lib/http/request";
import { QUESTION_IDS, QUESTIONS_TO_ASK, QUESTIONS_TO_SET } from "@/lib/reset/questions";
import { recordAudit } from "./audit-write";
import {
  forgetIdleUnknownGates,
  gateKeyFor,
  readGate,
  readGateStatus,
  recordGateCorrect,
  recordGateWrong,
  recordWrongAudited,
  reserveGateAttempt,
  type GateKey,
} from "./challenge-state";
import { drawQuestions, readDrawnQuestions } from "./drawn-questions";
import { getDb } from "./db";
import { createResetGrant } from "./reset-grants";
import { findAccountByLoginId, normaliseLoginId } from "./users";

// The challenge: two of the three questions set up. A login ID that does not exist, or has no
// answers yet, meets decoy questions and the same pages, messages and work.

export type ChallengeView =
  { status: "open"; questionIds: number[] } | { status: Exclude<GateStatus, "open"> };

export type CheckResult =
  | { status: "correct"; grantToken: string }
  | { status: "wrong"; lockedNow: GateStatus }
  | { status: Exclude<GateStatus, "open"> };

/** Two questions derived from a keyed hash of the ID: the same every time, unguessable. */
export function decoyQuestions(normalisedLoginId: string): number[] {
  const digest = createHmac("sha256", authSecret()).update(`decoy:${normalisedLoginId}`).digest();
  const pool = [...QUESTION_IDS];
  const first = pool.splice(digest[0]! % pool.length, 1)[0]!;
  return [first, pool[digest[1]! % pool.length]!];
}

async function resolve(loginId: string) {
  const normalised = normaliseLoginId(loginId);
  const db = await getDb();
  const account = await findAccountByLoginId(db, normalised);
  const answers = account
    ? await db
        .select({ questionId: securityAnswers.questionId, hash: securityAnswers.answerHash })
        .from(securityAnswers)
        .where(eq(securityAnswers.userId, account.id))
        .orderBy(asc(securityAnswers.position))
    : [];
  const enrolled = account !== undefined && account.status === "active" && answers.length >= QUESTIONS_TO_SET;
  const gate: GateKey = gateKeyFor(account, normalised);
  return { normalised, account, answers, enrolled, gate };
}

/** The Search (a POST): the questions are drawn and kept, and the start is audited. The only step
 *  of the reset path that writes before answers are checked; its page (a GET) only reads. */
export async function startChallenge(loginId: string, clientAddress: string | null): Promise<ChallengeView> {
  await forgetIdleUnknownGates();
  const { normalised, account, answers, enrolled, gate } = await resolve(loginId);
  const status = await readGateStatus(gate);
  if (status !== "open") return { status };
  const questionIds = enrolled
    ? await drawQuestions(
        gate,
        answers.map((a) => a.questionId),
      )
    : await drawQuestions(gate, [...QUESTION_IDS], decoyQuestions(normalised));
  const db = await getDb();
  await recordAudit(db, {
    action: "challenge_started",
    targetUserId: account?.id ?? null,
    schoolId: account?.schoolId ?? null,
    clientAddress,
  });
  return { status: "open", questionIds };
}

/** What the challenge page shows (a GET): it reads and writes nothing. Null when this Login ID has
 *  no questions drawn (no Search was posted for it, or its row has expired): search again. */
export async function challengeView(loginId: string): Promise<ChallengeView | null> {
  const normalised = normaliseLoginId(loginId);
  const account = await findAccountByLoginId(await getDb(), normalised);
  const { status, drawn } = await readGate(gateKeyFor(account, normalised));
  if (status !== "open") return { status };
  return drawn && drawn.length === QUESTIONS_TO_ASK ? { status: "open", questionIds: drawn } : null;
}

/** Answers just proved right whose stored hashes are weaker than ours or under an old pepper:
 *  the only moment their plain text is at hand to hash again. */
async function rehashedAnswers(
  stored: { questionId: number; hash: string }[],
  asked: number[],
  given: string[],
) {
  const stale = asked.flatMap((questionId, i) => {
    const answer = stored.find((a) => a.questionId === questionId);
    return answer && needsRehash(answer.hash)
      ? [{ questionId, answer: normaliseAnswer(given[i] ?? "") }]
      : [];
  });
  return Promise.all(
    stale.map(async ({ questionId, answer }) => ({ questionId, hash: await hashSecret(answer) })),
  );
}

/** Answers in the order of the questions shown. The attempt is reserved before judging. */
export async function checkAnswers(
  loginId: string,
  given: string[],
  client: ClientInput,
): Promise<CheckResult> {
  const { normalised, account, answers, enrolled, gate } = await resolve(loginId);
  const db = await getDb();
  const clientAddress = client?.address ?? null;
  const audit = { targetUserId: account?.id ?? null, schoolId: account?.schoolId ?? null, clientAddress };
  // No attempt is taken when its answers could not be judged now.
  if (hashPool().saturated) throw new HashingBusyError();
  const asked = (await readDrawnQuestions(gate)) ?? (enrolled ? [] : decoyQuestions(normalised));
  const normalisedGiven = given.slice(0, QUESTIONS_TO_ASK).map(normaliseAnswer);
  const mark = wrongAnswersMark(wrongMarksKey(authSecret()), gate.key, asked, normalisedGiven);
  const reservation = await reserveGateAttempt(gate, new Date(), mark);
  if (!reservation.reserved) {
    // A locked gate, or the same wrong answers again, answers after the same work as an open
    // one: its timing tells nothing.
    await Promise.all(normalisedGiven.map((answer) => verifyAgainstDummy(answer)));
    if (reservation.status === "repeat") {
      await recordAudit(db, { action: "challenge_repeated", ...audit });
      return { status: "wrong", lockedNow: "open" };
    }
    await recordAudit(db, { action: "challenge_refused", ...audit });
    return { status: reservation.status };
  }
  let correct: boolean;
  try {
    // Both answers are always verified, so the work never tells which one was wrong.
    const verdicts = await Promise.all(
      Array.from({ length: QUESTIONS_TO_ASK }, (_, i) => {
        const stored = answers.find((a) => a.questionId === asked[i]);
        const answer = normaliseAnswer(given[i] ?? "");
        return stored ? verifySecret(stored.hash, answer) : verifyAgainstDummy(answer);
      }),
    );
    correct = enrolled && asked.length === QUESTIONS_TO_ASK && verdicts.every(Boolean);
  } catch (error) {
    // A reserved attempt that cannot be judged still counts as wrong.
    await recordGateWrong(gate, client, new Date());
    throw error;
  }
  if (correct) {
    const rehashed = await rehashedAnswers(answers, asked, given);
    const grantToken = await db.transaction(async (tx) => {
      for (const { questionId, hash } of rehashed) {
        await tx
          .update(securityAnswers)
          .set({ answerHash: hash })
          .where(and(eq(securityAnswers.userId, account!.id), eq(securityAnswers.questionId, questionId)));
      }
      await recordGateCorrect(tx, gate);
      await recordAudit(tx, { action: "challenge_passed", actorUserId: account!.id, ...audit });
      return createResetGrant(tx, account!.id, "answers");
    });
    return { status: "correct", grantToken };
  }
  const lockedNow = await recordWrongAudited(gate, client, mark, "challenge_failed", audit);
  return { status: "wrong", lockedNow };
}
