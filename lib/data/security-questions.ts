import "server-only";
import { asc, eq } from "drizzle-orm";
import { securityAnswers, users } from "@/db/schema";
import {
  normaliseAnswer,
  setupNeedsPassword,
  validateAnswerSet,
  type AnswerSetProblems,
} from "@/lib/reset/answers";
import { hashSecret, verifySecret } from "@/lib/crypto/hashing";
import type { ClientInput } from "@/lib/http/request";
import { normalisePassword } from "@/lib/passwords/policy";
import { QUESTIONS_TO_SET } from "@/lib/reset/questions";
import { assertActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { clearDrawnQuestions } from "./drawn-questions";
import { getDb } from "./db";
import { queueQuestionsSetNotices } from "./notices";
import { endResetGrants } from "./reset-grants";
import { resumeSession } from "./sessions";
import { passwordContextOf } from "./users";

export type SaveAnswersInput = {
  questionIds: number[];
  answers: string[];
  /** Needed when answers are already set up, or when the sign-in is not recent. */
  currentPassword?: string;
};

/** The person setting up answers, and the server-side session they act through. */
export type SetupActor = Actor & { sessionId: string };

export type SaveAnswersResult =
  | { status: "saved" }
  | { status: "invalid"; problems: AnswerSetProblems }
  | { status: "currentPasswordRequired" }
  | { status: "wrongCurrentPassword" };

/** Which questions the person has set up (never the answers). */
export async function questionsSetUp(actor: Actor): Promise<number[]> {
  const user = await assertActor(actor);
  return questionIdsOf(user.id);
}

async function questionIdsOf(userId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ questionId: securityAnswers.questionId })
    .from(securityAnswers)
    .where(eq(securityAnswers.userId, userId))
    .orderBy(asc(securityAnswers.position));
  return rows.map((row) => row.questionId);
}

/** The sign-in time is read here from the session's own row, never taken from the caller. */
export async function saveSecurityAnswers(
  actor: SetupActor,
  input: SaveAnswersInput,
  client: ClientInput,
): Promise<SaveAnswersResult> {
  const user = await assertActor(actor);
  // Exactly the three slots the validation checks are stored; anything beyond them never is.
  const questionIds = input.questionIds.slice(0, QUESTIONS_TO_SET);
  const answers = input.answers.slice(0, QUESTIONS_TO_SET);
  const problems = validateAnswerSet({ questionIds, answers }, passwordContextOf(user));
  if (Object.keys(problems).length > 0) return { status: "invalid", problems };

  const db = await getDb();
  const replacing = (await questionIdsOf(user.id)).length > 0;
  const session = replacing ? null : await resumeSession(actor.sessionId, user);
  if (setupNeedsPassword(replacing, session?.createdAt)) {
    if (!input.currentPassword) return { status: "currentPasswordRequired" };
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    if (!(await verifySecret(row?.hash ?? "", normalisePassword(input.currentPassword)))) {
      return { status: "wrongCurrentPassword" };
    }
  }
  const hashes = await Promise.all(answers.map((answer) => hashSecret(normaliseAnswer(answer))));
  await db.transaction(async (tx) => {
    // A grant earned with the old answers ends with them.
    await endResetGrants(tx, user.id);
    await tx.delete(securityAnswers).where(eq(securityAnswers.userId, user.id));
    await tx.insert(securityAnswers).values(
      questionIds.map((questionId, i) => ({
        userId: user.id,
        position: i + 1,
        questionId,
        answerHash: hashes[i]!,
      })),
    );
    await clearDrawnQuestions(tx, user.id);
    await recordAudit(tx, {
      action: "questions_set",
      actorUserId: user.id,
      targetUserId: user.id,
      schoolId: user.schoolId,
      clientAddress: client?.address ?? null,
      detail: { replaced: replacing },
    });
    await queueQuestionsSetNotices(tx, { userId: user.id, replaced: replacing, client });
  });
  return { status: "saved" };
}
