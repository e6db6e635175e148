// Story: the school unlocks a locked account; other schools and students cannot.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { listLockedAccounts, unlockAccount } from "@/lib/data/student-accounts";
import { startChallenge } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import {
  ALEX,
  CLEMENTI_ADMIN,
  JURONG_ADMIN,
  LIM,
  SITI,
  answerCorrectly,
  answerWrongly,
  gateRow,
  lockAccountOutright,
  signIn,
  userIdOf,
  CLIENT,
  IP,
} from "./helpers";

let sitiId: number;

describe("unlocking an account", () => {
  // Every story starts with siti's account locked, as three locks leave it.
  beforeEach(async () => {
    sitiId = await userIdOf(SITI.loginId);
    await lockAccountOutright(sitiId);
    expect(await startChallenge(SITI.loginId, IP)).toEqual({ status: "accountLocked" });
  });

  it("refuses jurongwest_admin, who does not see siti among the locked accounts", async () => {
    const jurong = await signIn(JURONG_ADMIN);
    expect(await listLockedAccounts(jurong)).toEqual([]);
    await expect(unlockAccount(jurong, sitiId, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await gateRow(sitiId)).toMatchObject({ accountLocked: true });
    expect(await startChallenge(SITI.loginId, IP)).toEqual({ status: "accountLocked" });
  });

  it("refuses students: they cannot list locked accounts or unlock one", async () => {
    for (const student of [await signIn(ALEX), await signIn(LIM)]) {
      await expect(listLockedAccounts(student)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(unlockAccount(student, sitiId, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // Nor with a made-up session, nor with none.
    await expect(listLockedAccounts({ id: sitiId, sessionVersion: 99 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(unlockAccount(null as never, sitiId, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await gateRow(sitiId)).toMatchObject({ accountLocked: true });
  });

  it("refuses clementi_admin for a student of another school, or an administrator", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    for (const loginId of [LIM.loginId, JURONG_ADMIN.loginId, CLEMENTI_ADMIN.loginId]) {
      await expect(unlockAccount(admin, await userIdOf(loginId), CLIENT)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    await expect(unlockAccount(admin, 987_654, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lets clementi_admin unlock siti, who can then answer again; the unlock is audited", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    expect(await listLockedAccounts(admin)).toEqual([
      expect.objectContaining({ userId: sitiId, lock: "account" }),
    ]);

    await unlockAccount(admin, sitiId, { address: "198.51.100.23", userAgent: null });
    expect(await listLockedAccounts(admin)).toEqual([]);
    expect(await gateRow(sitiId)).toMatchObject({
      attempts: 0,
      lockCount: 0,
      lockedUntil: null,
      accountLocked: false,
    });

    const db = await getDb();
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account_unlocked"), eq(auditEvents.targetUserId, sitiId)));
    expect(rows).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        targetUserId: sitiId,
        schoolId: admin.schoolId,
        clientAddress: "198.51.100.23",
      }),
    ]);

    // A fresh start: a wrong answer is just wrong, and the right ones earn a grant.
    expect(await answerWrongly(SITI.loginId)).toEqual({ status: "wrong", lockedNow: "open" });
    expect((await answerCorrectly(SITI.loginId, SITI.answers)).status).toBe("correct");
  });
});
