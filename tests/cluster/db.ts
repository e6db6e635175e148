// What the tests read and arrange straight in the cluster's database, beside the running instances.
import { and, count, eq, isNull } from "drizzle-orm";
import { inject } from "vitest";
import { openPostgres, type Database, type Db } from "@/db/client";
import {
  auditEvents,
  challengeStates,
  passwordHistory,
  signInThrottles,
  resetGrants,
  schools,
  securityAnswers,
  users,
} from "@/db/schema";
import { normaliseAnswer } from "@/lib/reset/answers";
import { hashSecret } from "@/lib/crypto/hashing";

export type Answers = Record<number, string>;

export function openClusterDb(): Promise<Database> {
  return openPostgres(inject("cluster").databaseUrl, { max: 4 });
}

export async function userIdOf(db: Db, loginId: string): Promise<number> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.loginId, loginId));
  if (!row) throw new Error(`no user ${loginId}`);
  return row.id;
}

/** An extra student of Clementi, with answers hashed as the app hashes them. */
export async function createStudent(
  db: Db,
  loginId: string,
  options: { fullName: string; password: string; answers?: Answers },
): Promise<number> {
  const [school] = await db
    .select({ id: schools.id })
    .from(schools)
    .where(eq(schools.name, "Clementi Primary School"));
  const [user] = await db
    .insert(users)
    .values({
      schoolId: school!.id,
      role: "student",
      loginId,
      fullName: options.fullName,
      passwordHash: await hashSecret(options.password),
    })
    .returning({ id: users.id });
  for (const [i, [questionId, answer]] of Object.entries(options.answers ?? {}).entries()) {
    await db.insert(securityAnswers).values({
      userId: user!.id,
      position: i + 1,
      questionId: Number(questionId),
      answerHash: await hashSecret(normaliseAnswer(answer)),
    });
  }
  return user!.id;
}

/** The gate's row of an account (`u:<id>`) or of a Login ID nobody has (`id:<login id>`). */
export const gateOf = (who: number | string) =>
  typeof who === "number" ? { gateKey: `u:${who}`, userId: who } : { gateKey: `id:${who}`, userId: null };

/** The state three locks leave behind: locked until the school unlocks it. */
export async function lockOutright(db: Db, who: number | string): Promise<void> {
  const locked = { attempts: 0, lockCount: 3, lockedUntil: null, accountLocked: true };
  await db
    .insert(challengeStates)
    .values({ ...gateOf(who), ...locked })
    .onConflictDoUpdate({ target: challengeStates.gateKey, set: locked });
}

/** Fake time: the temporary lock ran out a minute ago. */
export async function letLockRunOut(db: Db, who: number | string): Promise<void> {
  await db
    .update(challengeStates)
    .set({ lockedUntil: new Date(Date.now() - 60_000) })
    .where(eq(challengeStates.gateKey, gateOf(who).gateKey));
}

/** Forgets every run of wrong passwords (the per-account sign-in limits), for a story that signs
 *  in wrongly on purpose more often than those limits allow. */
export async function clearSignInThrottles(db: Db): Promise<void> {
  await db.delete(signInThrottles);
}

/** Forgets the wrong submissions of the current run (not the locks). */
export async function clearAttempts(db: Db, who: (number | string)[]): Promise<void> {
  for (const one of who) {
    await db
      .update(challengeStates)
      .set({ attempts: 0 })
      .where(eq(challengeStates.gateKey, gateOf(one).gateKey));
  }
}

export async function gateRow(db: Db, who: number | string) {
  const [row] = await db
    .select()
    .from(challengeStates)
    .where(eq(challengeStates.gateKey, gateOf(who).gateKey));
  return row;
}

/** Audit rows of one action about one account, or about no account (null). */
export async function auditCount(db: Db, action: string, userId: number | null): Promise<number> {
  const target = userId === null ? isNull(auditEvents.targetUserId) : eq(auditEvents.targetUserId, userId);
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), target));
  return row!.n;
}

export async function historyCount(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId));
  return row!.n;
}

export async function passwordHashOf(db: Db, userId: number): Promise<string> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row!.hash;
}

/** Fake time: every unused grant of this account ran out a minute ago. */
export async function expireGrants(db: Db, userId: number): Promise<number> {
  const expired = await db
    .update(resetGrants)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(and(eq(resetGrants.userId, userId), isNull(resetGrants.usedAt)))
    .returning({ id: resetGrants.id });
  return expired.length;
}
