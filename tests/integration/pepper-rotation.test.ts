// Story: the school rotates the pepper from k1 to k2. Hashes made with k1, or before any
// pepper, still sign in, and each is rehashed with k2 at its next sign-in.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { securityAnswers, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { parseStoredHash } from "@/lib/crypto/hash-format";
import { hashSecret, needsRehash } from "@/lib/crypto/hashing";
import { NO_PEPPERS, pepperRing } from "@/lib/crypto/peppers";
import { SITI, createStudent, earnGrant, signIn, userIdOf } from "./helpers";

// Before anything hashes (the seed too): the configuration is read at first use.
const { K1_SECRET } = vi.hoisted(() => {
  const k1 = Buffer.alloc(32, 0x11).toString("base64");
  const k2 = Buffer.alloc(32, 0x22).toString("base64");
  vi.stubEnv("PASSWORD_PEPPERS", `k2:${k2},k1:${k1}`);
  return { K1_SECRET: k1 };
});
afterAll(() => vi.unstubAllEnvs());

const PASSWORD = "Lantern-Festival-19";
const onlyK1 = pepperRing([{ id: "k1", secret: Buffer.from(K1_SECRET, "base64") }]);

async function storedHashOf(userId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row!.hash;
}

async function studentWithHash(loginId: string, passwordHash: string): Promise<number> {
  const userId = await createStudent(loginId, { fullName: "Rotation Test Child", password: PASSWORD });
  const db = await getDb();
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
  return userId;
}

describe("pepper rotation from k1 to k2", () => {
  it("hashes new passwords and answers with k2", async () => {
    const sitiId = await userIdOf(SITI.loginId);
    expect(await storedHashOf(sitiId)).toMatch(/^pepper:k2:\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const db = await getDb();
    const answers = await db.select().from(securityAnswers).where(eq(securityAnswers.userId, sitiId));
    expect(answers).toHaveLength(3);
    for (const answer of answers) expect(parseStoredHash(answer.answerHash)?.keyId).toBe("k2");
    await signIn(SITI);
    await earnGrant(SITI.loginId, SITI.answers);
  });

  it("signs in with a hash made with k1 and rehashes it with k2", async () => {
    const userId = await studentWithHash("k1_kid", await hashSecret(PASSWORD, { peppers: onlyK1 }));
    expect(parseStoredHash(await storedHashOf(userId))?.keyId).toBe("k1");

    const first = await signIn({ loginId: "k1_kid", password: PASSWORD });
    const fresh = await storedHashOf(userId);
    expect(parseStoredHash(fresh)).toMatchObject({
      keyId: "k2",
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(needsRehash(fresh)).toBe(false);

    const second = await signIn({ loginId: "k1_kid", password: PASSWORD });
    expect(second.sessionVersion).toBe(first.sessionVersion);
  });

  it("signs in with a hash made before any pepper and rehashes it with k2", async () => {
    const userId = await studentWithHash(
      "no_pepper_kid",
      await hashSecret(PASSWORD, { peppers: NO_PEPPERS }),
    );
    expect(parseStoredHash(await storedHashOf(userId))?.keyId).toBeNull();

    await signIn({ loginId: "no_pepper_kid", password: PASSWORD });
    expect(parseStoredHash(await storedHashOf(userId))?.keyId).toBe("k2");
    await signIn({ loginId: "no_pepper_kid", password: PASSWORD });
  });
});
