// Security answers: how they are normalised before hashing, and which sets of answers are
// acceptable. Pure, so it can be unit-tested and shared.
import { nameTokens, type PasswordContext } from "../passwords/policy";
import { QUESTIONS_TO_SET, isQuestionId, questionById } from "./questions";

export const ANSWER_MIN_LENGTH = 3;
export const ANSWER_MAX_LENGTH = 40;

/** NFKC, trimmed, inner spaces collapsed, lower case: "  Chicken   RICE " → "chicken rice". */
export function normaliseAnswer(answer: string): string {
  return answer.normalize("NFKC").trim().replace(/\s+/gu, " ").toLowerCase();
}

export type AnswerProblem =
  | "questionMissing"
  | "questionRepeated"
  | "answerTooShort"
  | "answerTooLong"
  | "answerRepeated"
  | "answerIsName"
  | "answerIsQuestion"
  | "answerInvalid";

export type AnswerSetInput = { questionIds: number[]; answers: string[] };
/** Problems keyed by field: `question1..3`, `answer1..3`. */
export type AnswerSetProblems = Partial<Record<string, AnswerProblem>>;

// Control characters never belong in an answer a child types.
const CONTROL_CHARS = /\p{Cc}/u;

export function answerProblem(
  answer: string,
  questionId: number,
  context: PasswordContext,
): AnswerProblem | null {
  if (CONTROL_CHARS.test(answer)) return "answerInvalid";
  const normalised = normaliseAnswer(answer);
  const length = [...normalised].length;
  if (length < ANSWER_MIN_LENGTH) return "answerTooShort";
  if (length > ANSWER_MAX_LENGTH) return "answerTooLong";
  if (nameTokens(context).includes(normalised)) return "answerIsName";
  const question = questionById(questionId);
  if (question?.words.some((word) => word === normalised)) return "answerIsQuestion";
  if (question && normaliseAnswer(question.text) === normalised) return "answerIsQuestion";
  return null;
}

export function validateAnswerSet(input: AnswerSetInput, context: PasswordContext): AnswerSetProblems {
  const problems: AnswerSetProblems = {};
  const seenQuestions = new Set<number>();
  // Every one of the three slots is checked, so a set with a missing entry is never valid.
  const slots = Array.from({ length: QUESTIONS_TO_SET }, (_, i) => i);
  slots.forEach((i) => {
    const id = input.questionIds[i] ?? 0;
    const field = `question${i + 1}`;
    if (!isQuestionId(id)) problems[field] = "questionMissing";
    else if (seenQuestions.has(id)) problems[field] = "questionRepeated";
    seenQuestions.add(id);
  });
  const seenAnswers = new Set<string>();
  slots.forEach((i) => {
    const answer = input.answers[i] ?? "";
    const field = `answer${i + 1}`;
    const problem = answerProblem(answer, input.questionIds[i] ?? 0, context);
    const normalised = normaliseAnswer(answer);
    if (problem) problems[field] = problem;
    else if (seenAnswers.has(normalised)) problems[field] = "answerRepeated";
    seenAnswers.add(normalised);
  });
  return problems;
}

/** Just after signing in, a first set-up needs no password again (sign in, then set up); later,
 *  someone at a computer left signed in could plant answers and keep a way back in. Replacing
 *  answers always needs it. */
export const FIRST_SETUP_WITHOUT_PASSWORD_MINUTES = 5;

/** Whether setting up answers must ask for the current password. No known sign-in time: it must. */
export function setupNeedsPassword(
  replacing: boolean,
  signedInAt: Date | undefined,
  now = new Date(),
): boolean {
  if (replacing || !signedInAt) return true;
  return now.getTime() - signedInAt.getTime() > FIRST_SETUP_WITHOUT_PASSWORD_MINUTES * 60_000;
}
