// Shared steps for the integration stories: who the demo people are, and the moves they make.
import { eq } from "drizzle-orm";
import { challengeStates, schools, securityAnswers, sessions, users } from "@/db/schema";
import { normaliseAnswer } from "@/lib/reset/answers";
import { resetPasswordFormToken, resetStudentPassword } from "@/lib/data/student-accounts";
import { checkAnswers, startChallenge, type CheckResult } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { sessionKey, startSession } from "@/lib/data/sessions";
import { authenticate } from "@/lib/data/sign-in";
import { loadSessionUser, type SessionUser } from "@/lib/data/users";
import { hashSecret } from "@/lib/crypto/hashing";
import type { ClientInfo } from "@/lib/http/request";

export const IP = "203.0.113.10";
/** The client of the data functions' calls in these stories: the address above, no user agent. */
export const CLIENT: ClientInfo = { address: IP, userAgent: null };

export type Answers = Record<number, string>;

export const ALEX = { loginId: "alex_tan", password: "Sunny-Harbour-42" };
export const SITI = {
  loginId: "siti_rahman",
  email: "siti_rahman@students.clementi-ps.example",
  password: "Blue-Kite-Flying-7",
  answers: { 2: "purple", 3: "badminton", 4: "chicken rice" } as Answers,
};
export const LIM = { loginId: "lim_wei_jie", password: "Green-Paper-Boat-5" };
export const CLEMENTI_ADMIN = { loginId: "clementi_admin", password: "Quiet-Library-2026" };
export const JURONG_ADMIN = { loginId: "jurongwest_admin", password: "Silver-Bicycle-2026" };
/** Clementi's form teacher of P3 Diligence (Aiden) who also teaches P4 Courage (Alex). */
export const TEACHER = { loginId: "tan_mei_hua", password: "Chalk-Garden-2026" };
export const AIDEN = { loginId: "aiden_chua", password: "Kite-Runner-Beach-9" };

/** Two answers that match nobody's questions. */
export const WRONG = ["not the answer", "still not it"];

/** Signs in and returns the session's person, as the app's session callback would load it. */
export async function signIn(person: { loginId: string; password: string }): Promise<SessionUser> {
  const signed = await authenticate(person.loginId, person.password, IP);
  if (!signed) throw new Error(`${person.loginId} could not sign in`);
  const user = await loadSessionUser(signed.id, signed.sessionVersion);
  if (!user) throw new Error(`${person.loginId} has no session`);
  return user;
}

/** Signs in as the app does: the person, and a new server-side session they act through. */
export async function signInWithSession(person: {
  loginId: string;
  password: string;
}): Promise<SessionUser & { sessionId: string }> {
  const user = await signIn(person);
  return { ...user, sessionId: await startSession(user.id) };
}

/** Fake time: the session was signed in this many minutes ago. */
export async function backdateSignIn(sessionId: string, minutes: number): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ createdAt: new Date(Date.now() - minutes * 60_000) })
    .where(eq(sessions.idHash, sessionKey(sessionId)));
}

export async function userIdOf(loginId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.loginId, loginId));
  if (!row) throw new Error(`no user ${loginId}`);
  return row.id;
}

/** An extra student, written straight into the database (answers hashed as the app does). */
export async function createStudent(
  loginId: string,
  options: {
    fullName?: string;
    password?: string;
    answers?: Answers;
    school?: string;
    className?: string;
    status?: "active" | "disabled";
  } = {},
): Promise<number> {
  const db = await getDb();
  const schoolName = options.school ?? "Clementi Primary School";
  const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, schoolName));
  const [user] = await db
    .insert(users)
    .values({
      schoolId: school!.id,
      role: "student",
      loginId,
      fullName: options.fullName ?? "Extra Student Kumar",
      className: options.className ?? null,
      status: options.status ?? "active",
      passwordHash: await hashSecret(options.password ?? "Extra-Pupil-Password-1"),
    })
    .returning({ id: users.id });
  const entries = Object.entries(options.answers ?? {});
  for (const [i, [questionId, answer]] of entries.entries()) {
    await db.insert(securityAnswers).values({
      userId: user!.id,
      position: i + 1,
      questionId: Number(questionId),
      answerHash: await hashSecret(normaliseAnswer(answer)),
    });
  }
  return user!.id;
}

/** The answers to the questions asked, in the order asked. */
export function answersFor(questionIds: number[], answers: Answers): string[] {
  return questionIds.map((id) => {
    const answer = answers[id];
    if (answer === undefined) throw new Error(`no answer for question ${id}`);
    return answer;
  });
}

/** Starts a challenge that must be open and returns the two questions asked. */
export async function openChallenge(loginId: string): Promise<number[]> {
  const view = await startChallenge(loginId, IP);
  if (view.status !== "open") throw new Error(`challenge for ${loginId} is ${view.status}`);
  return view.questionIds;
}

export async function answerCorrectly(loginId: string, answers: Answers): Promise<CheckResult> {
  return checkAnswers(loginId, answersFor(await openChallenge(loginId), answers), CLIENT);
}

/** Starts a challenge and earns a reset grant with the right answers. */
export async function earnGrant(loginId: string, answers: Answers): Promise<string> {
  const result = await answerCorrectly(loginId, answers);
  if (result.status !== "correct") throw new Error(`expected a grant, got ${result.status}`);
  return result.grantToken;
}

let wrongGuesses = 0;
/** A wrong pair, a new one each time: a guess of its own, counted (the same pair sent again counts
 *  once: lib/limits/wrong-marks.ts). */
export function wrongPair(): string[] {
  wrongGuesses += 1;
  return WRONG.map((answer) => `${answer} ${wrongGuesses}`);
}

export async function answerWrongly(loginId: string): Promise<CheckResult> {
  return checkAnswers(loginId, wrongPair(), CLIENT);
}

export async function gateRow(userId: number) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(challengeStates)
    .where(eq(challengeStates.gateKey, `u:${userId}`));
  return row;
}

/** Fake time: the temporary lock of this account ran out a minute ago. */
export async function letLockRunOut(userId: number): Promise<void> {
  const db = await getDb();
  await db
    .update(challengeStates)
    .set({ lockedUntil: new Date(Date.now() - 60_000) })
    .where(eq(challengeStates.gateKey, `u:${userId}`));
}

/** The state three locks leave behind, written straight into the gate's row. */
export async function lockAccountOutright(userId: number): Promise<void> {
  const db = await getDb();
  const locked = { attempts: 0, lockCount: 3, lockedUntil: null, accountLocked: true };
  await db
    .insert(challengeStates)
    .values({ gateKey: `u:${userId}`, userId, ...locked })
    .onConflictDoUpdate({ target: challengeStates.gateKey, set: locked });
}

export const newPassword = (password: string) => ({ newPassword: password, confirmPassword: password });

/** What the student page's Reset password form posts: the student and a fresh one-time token. */
export function resetForm(actor: Pick<SessionUser, "id">, userId: number) {
  return { userId, formToken: resetPasswordFormToken(actor, userId) };
}

/** The school's Reset password, pressed once; the temporary password it shows. */
export async function resetByAdmin(admin: SessionUser, userId: number, client: ClientInfo = CLIENT) {
  const reset = await resetStudentPassword(admin, resetForm(admin, userId), client);
  if (reset.status !== "reset") throw new Error(`not reset: ${reset.status}`);
  return reset;
}
