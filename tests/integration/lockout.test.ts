// Story: three wrong submissions in a row lock the reset path; a correct one ends the run.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { checkAnswers, startChallenge } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import {
  SITI,
  answerCorrectly,
  answerWrongly,
  answersFor,
  createStudent,
  gateRow,
  openChallenge,
  userIdOf,
  type Answers,
  CLIENT,
  IP,
} from "./helpers";

describe("the lockout gate after wrong answers", () => {
  it("locks the reset path after 3 wrong answers", async () => {
    const asked = await openChallenge(SITI.loginId);
    expect(await answerWrongly(SITI.loginId)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await answerWrongly(SITI.loginId)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await answerWrongly(SITI.loginId)).toEqual({ status: "wrong", lockedNow: "locked" });

    expect(await startChallenge(SITI.loginId, IP)).toEqual({ status: "locked" });
    expect(await startChallenge(SITI.email, IP)).toEqual({ status: "locked" });
    const correct = answersFor(asked, SITI.answers);
    expect(await checkAnswers(SITI.loginId, correct, CLIENT)).toEqual({ status: "locked" });
    expect(await checkAnswers(SITI.email, correct, CLIENT)).toEqual({ status: "locked" });

    const id = await userIdOf(SITI.loginId);
    const gate = await gateRow(id);
    expect(gate).toMatchObject({ lockCount: 1, accountLocked: false });
    const minutes = (gate!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const db = await getDb();
    const audit = (action: string) =>
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.targetUserId, id)));
    expect(await audit("challenge_failed")).toHaveLength(3);
    expect(await audit("reset_path_locked")).toHaveLength(1);
    expect(await audit("challenge_refused")).toHaveLength(2);
  });

  it("starts a new run after a correct answer: 2 wrong, 1 correct, 2 wrong do not lock", async () => {
    const answers: Answers = { 1: "elephant", 6: "lego bricks", 7: "toy story" };
    const id = await createStudent("run_breaker", { fullName: "Nurul Aisyah Binte Ali", answers });

    await openChallenge("run_breaker");
    expect((await answerWrongly("run_breaker")).status).toBe("wrong");
    expect((await answerWrongly("run_breaker")).status).toBe("wrong");
    expect((await answerCorrectly("run_breaker", answers)).status).toBe("correct");
    await openChallenge("run_breaker");
    expect(await answerWrongly("run_breaker")).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await answerWrongly("run_breaker")).toEqual({ status: "wrong", lockedNow: "open" });

    expect((await startChallenge("run_breaker", IP)).status).toBe("open");
    expect(await gateRow(id)).toMatchObject({
      attempts: 2,
      lockCount: 0,
      lockedUntil: null,
      accountLocked: false,
    });
    // The third wrong one in the new run locks.
    expect(await answerWrongly("run_breaker")).toEqual({ status: "wrong", lockedNow: "locked" });
  });

  it("counts wrong answers whether the student types the login ID or the e-mail", async () => {
    const answers: Answers = { 2: "turquoise", 4: "nasi lemak", 8: "charlotte's web" };
    await createStudent("two_names", { fullName: "Chen Jia Hui", answers });
    const db = await getDb();
    const email = "two.names@students.clementi-ps.example";
    await db.update(users).set({ email }).where(eq(users.loginId, "two_names"));

    const byName = await openChallenge("two_names");
    expect(await openChallenge("Two.Names@Students.Clementi-PS.example")).toEqual(byName);
    expect((await answerWrongly("two_names")).status).toBe("wrong");
    expect((await answerWrongly(email)).status).toBe("wrong");
    expect(await answerWrongly("TWO_NAMES")).toEqual({ status: "wrong", lockedNow: "locked" });
  });
});
