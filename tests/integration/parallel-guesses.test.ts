// Story: many machines guessing at once get no more than the three guesses of one.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, challengeStates, users } from "@/db/schema";
import { checkAnswers, startChallenge, type CheckResult } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import {
  SITI,
  wrongPair,
  answersFor,
  createStudent,
  gateRow,
  openChallenge,
  userIdOf,
  CLIENT,
  IP,
} from "./helpers";

function tally(results: CheckResult[]) {
  const judged = results.filter((r) => r.status === "wrong");
  return {
    judged: judged.length,
    refused: results.filter((r) => r.status === "locked").length,
    locks: judged.filter((r) => r.lockedNow === "locked").length,
    correct: results.filter((r) => r.status === "correct").length,
  };
}

describe("parallel wrong submissions", () => {
  it("judges at most 3 of 20 parallel wrong submissions for siti and ends locked", async () => {
    const id = await userIdOf(SITI.loginId);
    const asked = await openChallenge(SITI.loginId);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkAnswers(SITI.loginId, wrongPair(), CLIENT)),
    );

    const counts = tally(results);
    expect(counts.judged).toBeGreaterThanOrEqual(1);
    expect(counts.judged).toBeLessThanOrEqual(3);
    expect(counts.refused).toBe(20 - counts.judged);
    expect(counts.locks).toBe(1);

    expect(await gateRow(id)).toMatchObject({ lockCount: 1, accountLocked: false, attempts: 0 });
    expect(await startChallenge(SITI.loginId, IP)).toEqual({ status: "locked" });
    expect(await checkAnswers(SITI.loginId, answersFor(asked, SITI.answers), CLIENT)).toEqual({
      status: "locked",
    });

    const db = await getDb();
    const locks = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "reset_path_locked"), eq(auditEvents.targetUserId, id)));
    expect(locks).toHaveLength(1);
  });

  it("gives an unknown login ID only three guesses too, even on its very first request", async () => {
    const loginId = "parallel_stranger";
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkAnswers(loginId, wrongPair(), CLIENT)),
    );

    const counts = tally(results);
    expect(counts.correct).toBe(0);
    expect(counts.judged).toBeLessThanOrEqual(3);
    expect(counts.refused).toBe(20 - counts.judged);
    expect(counts.locks).toBe(1);

    const db = await getDb();
    const rows = await db
      .select()
      .from(challengeStates)
      .where(eq(challengeStates.gateKey, `id:${loginId}`));
    expect(rows).toEqual([expect.objectContaining({ lockCount: 1, accountLocked: false, userId: null })]);
    expect(await startChallenge(loginId, IP)).toEqual({ status: "locked" });
  });

  it("shares the three guesses between the login ID and the e-mail under parallel load", async () => {
    const answers = { 1: "hamster", 2: "lavender", 3: "chess club" };
    const id = await createStudent("many_machines", { fullName: "Arjun Pillai", answers });
    const db = await getDb();
    const email = "many.machines@students.clementi-ps.example";
    await db.update(users).set({ email }).where(eq(users.id, id));
    await openChallenge("many_machines");

    const ids = Array.from({ length: 20 }, (_, i) => (i % 2 ? email.toUpperCase() : "Many_Machines"));
    const counts = tally(await Promise.all(ids.map((loginId) => checkAnswers(loginId, wrongPair(), CLIENT))));
    expect(counts.judged).toBeLessThanOrEqual(3);
    expect(counts.refused).toBe(20 - counts.judged);
    expect(counts.locks).toBe(1);
    expect(await gateRow(id)).toMatchObject({ lockCount: 1, accountLocked: false });
  });
});
