// Story: the third temporary lock locks the account until the school unlocks it.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { challengeStates } from "@/db/schema";
import { listLockedAccounts } from "@/lib/data/student-accounts";
import { checkAnswers, startChallenge } from "@/lib/data/challenge";
import { gateKeyFor, readGateStatus } from "@/lib/data/challenge-state";
import { getDb } from "@/lib/data/db";
import {
  CLEMENTI_ADMIN,
  SITI,
  answerWrongly,
  answersFor,
  gateRow,
  letLockRunOut,
  openChallenge,
  signIn,
  userIdOf,
  CLIENT,
  IP,
} from "./helpers";

const YEAR = 365 * 24 * 60 * 60_000;

describe("the account lock after three temporary locks", () => {
  it("locks siti's account on the third lock, and keeps it locked as time passes", async () => {
    const id = await userIdOf(SITI.loginId);
    const admin = await signIn(CLEMENTI_ADMIN);
    const locks: string[] = [];

    for (let run = 1; run <= 3; run++) {
      const asked = await openChallenge(SITI.loginId);
      expect(await answerWrongly(SITI.loginId)).toEqual({ status: "wrong", lockedNow: "open" });
      expect(await answerWrongly(SITI.loginId)).toEqual({ status: "wrong", lockedNow: "open" });
      const third = await answerWrongly(SITI.loginId);
      locks.push(third.status === "wrong" ? third.lockedNow : `refused: ${third.status}`);
      expect(await gateRow(id)).toMatchObject({ lockCount: run, attempts: 0 });
      if (run < 3) {
        // Locked for now, and the school sees it as a temporary lock.
        expect(await checkAnswers(SITI.loginId, answersFor(asked, SITI.answers), CLIENT)).toEqual({
          status: "locked",
        });
        const listed = await listLockedAccounts(admin);
        expect(listed).toEqual([
          expect.objectContaining({ userId: id, loginId: SITI.loginId, lock: "temporary" }),
        ]);
        await letLockRunOut(id);
        expect(await listLockedAccounts(admin)).toEqual([]);
      }
    }
    expect(locks).toEqual(["locked", "locked", "accountLocked"]);

    const asked = (await gateRow(id))!.drawnQuestions!;
    expect(await startChallenge(SITI.loginId, IP)).toEqual({ status: "accountLocked" });
    expect(await startChallenge(SITI.email, IP)).toEqual({ status: "accountLocked" });
    expect(await checkAnswers(SITI.loginId, answersFor(asked, SITI.answers), CLIENT)).toEqual({
      status: "accountLocked",
    });

    // However much time passes (a year later, as the clock and as the row's age), only the school
    // unlocks it.
    const gate = gateKeyFor({ id }, SITI.loginId);
    expect(await readGateStatus(gate, new Date(Date.now() + YEAR))).toBe("accountLocked");
    const db = await getDb();
    await db
      .update(challengeStates)
      .set({ updatedAt: new Date(Date.now() - YEAR) })
      .where(eq(challengeStates.gateKey, gate.key));
    expect(await startChallenge(SITI.loginId, IP)).toEqual({ status: "accountLocked" });
    expect(await checkAnswers(SITI.loginId, answersFor(asked, SITI.answers), CLIENT)).toEqual({
      status: "accountLocked",
    });

    for (const now of [new Date(), new Date(Date.now() + YEAR)]) {
      const listed = await listLockedAccounts(admin, now);
      expect(listed).toEqual([
        {
          userId: id,
          loginId: SITI.loginId,
          fullName: "Siti Nur Rahman",
          className: "P5 Integrity",
          lock: "account",
          lockedUntil: null,
        },
      ]);
    }
  });
});
