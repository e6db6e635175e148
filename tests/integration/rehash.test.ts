// Story: a password hash from before today's parameters is replaced at the next successful
// sign-in, without ending anyone's session; a current one is left alone.
import { hash } from "@node-rs/argon2";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, securityAnswers, users } from "@/db/schema";
import { checkAnswers, startChallenge } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { authenticate } from "@/lib/data/sign-in";
import { parseStoredHash } from "@/lib/crypto/hash-format";
import { LIM, createStudent, signIn, CLIENT, IP } from "./helpers";

const PASSWORD = "Harbour-Lights-58";

async function storedHashOf(userId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row!.hash;
}

async function setStoredHash(userId: number, passwordHash: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

async function lastSignInDetail(userId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "sign_in"), eq(auditEvents.targetUserId, userId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.detail ?? null;
}

describe("rehash at sign-in", () => {
  it("replaces a hash made with m=4096, t=1 by one with m=19456, t=2, p=1", async () => {
    const userId = await createStudent("old_hash_kid", { fullName: "Wong Kai Ren", password: PASSWORD });
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await setStoredHash(userId, weak);

    const first = await signIn({ loginId: "old_hash_kid", password: PASSWORD });
    const fresh = await storedHashOf(userId);
    expect(fresh).not.toBe(weak);
    expect(parseStoredHash(fresh)).toMatchObject({
      algorithm: "argon2id",
      version: 19,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(await lastSignInDetail(userId)).toEqual({ rehashed: true });

    // Same password, same sessions: the rehash ends none.
    const second = await signIn({ loginId: "old_hash_kid", password: PASSWORD });
    expect(second.sessionVersion).toBe(first.sessionVersion);
    expect(await storedHashOf(userId)).toBe(fresh);
    expect(await lastSignInDetail(userId)).toBeNull();
  });

  it("leaves a weak hash alone when the password typed is wrong", async () => {
    const userId = await createStudent("still_old_kid", { fullName: "Wong Kai Ren", password: PASSWORD });
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await setStoredHash(userId, weak);
    expect(await authenticate("still_old_kid", "Harbour-Lights-59", IP)).toBeNull();
    expect(await storedHashOf(userId)).toBe(weak);
  });

  it("leaves a current hash as it is", async () => {
    const lim = await signIn(LIM);
    const before = await storedHashOf(lim.id);
    await signIn(LIM);
    expect(await storedHashOf(lim.id)).toBe(before);
  });
});

describe("rehash of security answers", () => {
  it("replaces weak answer hashes once they are proved right, and they keep working", async () => {
    const userId = await createStudent("old_answers_kid", {
      fullName: "Chua Mei Ling",
      answers: { 1: "hamster", 2: "lavender", 3: "chess club" },
    });
    const db = await getDb();
    for (const [questionId, answer] of [
      [1, "hamster"],
      [2, "lavender"],
      [3, "chess club"],
    ] as const) {
      const weak = await hash(answer, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
      await db
        .update(securityAnswers)
        .set({ answerHash: weak })
        .where(and(eq(securityAnswers.userId, userId), eq(securityAnswers.questionId, questionId)));
    }
    const answers: Record<number, string> = { 1: "Hamster", 2: "LAVENDER", 3: "chess  club" };
    const view = await startChallenge("old_answers_kid", IP);
    const asked = view.status === "open" ? view.questionIds : [];
    const first = await checkAnswers(
      "old_answers_kid",
      asked.map((id) => answers[id]!),
      CLIENT,
    );
    expect(first.status).toBe("correct");

    const rows = await db
      .select({ questionId: securityAnswers.questionId, hash: securityAnswers.answerHash })
      .from(securityAnswers)
      .where(eq(securityAnswers.userId, userId));
    for (const row of rows) {
      const memoryCost = parseStoredHash(row.hash)?.memoryCost;
      // The two answers proved right are rehashed; the third waits for its turn.
      expect(memoryCost).toBe(asked.includes(row.questionId) ? 19456 : 4096);
    }
    const again = await startChallenge("old_answers_kid", IP);
    const askedAgain = again.status === "open" ? again.questionIds : [];
    const second = await checkAnswers(
      "old_answers_kid",
      askedAgain.map((id) => answers[id]!),
      CLIENT,
    );
    expect(second.status).toBe("correct");
  });
});
