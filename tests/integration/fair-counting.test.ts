// Story: a child presses Check Answers twice, or types the same wrong answers again: that is one
// guess, not three, and the account does not lock for it. Three different wrong pairs still lock.
// Only a keyed hash of the wrong answers is kept, for the run, and forgotten when the run ends.
import { eq, isNull, not } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, challengeStates } from "@/db/schema";
import { checkAnswers } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { CLIENT, createStudent, earnGrant, gateRow, openChallenge, type Answers } from "./helpers";

const ANSWERS: Answers = { 1: "giraffe", 4: "laksa", 7: "frozen" };
const PAIR_A = ["elephant", "satay"];
const PAIR_B = ["zebra", "mee goreng"];
const PAIR_C = ["tiger", "roti prata"];

async function student(loginId: string): Promise<number> {
  return createStudent(loginId, { answers: ANSWERS, fullName: "Fair Count Student" });
}

async function submit(loginId: string, answers: string[]) {
  await openChallenge(loginId);
  return checkAnswers(loginId, answers, CLIENT);
}

describe("the same wrong answers count once", () => {
  it("does not lock for one wrong pair sent three times, typed a little differently", async () => {
    const id = await student("fair_repeat");
    const sent = [PAIR_A, PAIR_A, ["  ELEPHANT ", "Satay  "]];
    for (const answers of sent) {
      expect(await submit("fair_repeat", answers)).toEqual({ status: "wrong", lockedNow: "open" });
    }
    expect((await gateRow(id))?.attempts).toBe(1);
    // Still open: the right answers give a grant.
    await earnGrant("fair_repeat", ANSWERS);
    // The run is over: its marks are forgotten.
    expect((await gateRow(id))?.wrongMarks).toBeNull();
    const db = await getDb();
    const repeats = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetUserId, id));
    expect(repeats.filter((r) => r.action === "challenge_repeated")).toHaveLength(2);
  });

  it("locks on three different wrong pairs, repeats in between or not", async () => {
    await student("fair_lock");
    expect(await submit("fair_lock", PAIR_A)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await submit("fair_lock", PAIR_B)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await submit("fair_lock", PAIR_A)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await submit("fair_lock", PAIR_B)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await submit("fair_lock", PAIR_C)).toEqual({ status: "wrong", lockedNow: "locked" });
    // Locked, a repeat is refused like anything else, and the lock forgot the marks.
    expect(await checkAnswers("fair_lock", PAIR_A, CLIENT)).toEqual({ status: "locked" });
  });

  it("counts the same answers again after the run ends (a new run, a new count)", async () => {
    const id = await student("fair_new_run");
    await submit("fair_new_run", PAIR_A);
    await earnGrant("fair_new_run", ANSWERS);
    await submit("fair_new_run", PAIR_A);
    expect((await gateRow(id))?.attempts).toBe(1);
  });

  it("treats a Login ID nobody has the same way", async () => {
    for (let i = 0; i < 4; i++) {
      expect(await submit("fair_nobody", PAIR_A)).toEqual({ status: "wrong", lockedNow: "open" });
    }
    expect(await submit("fair_nobody", PAIR_B)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await submit("fair_nobody", PAIR_C)).toEqual({ status: "wrong", lockedNow: "locked" });
  });

  it("keeps no answer in a readable form: 128-bit keyed hashes only", async () => {
    const id = await student("fair_stored");
    await submit("fair_stored", PAIR_A);
    await submit("fair_stored", PAIR_B);
    const marks = (await gateRow(id))?.wrongMarks ?? [];
    expect(marks).toHaveLength(2);
    const db = await getDb();
    const everyMark = (
      await db
        .select({ marks: challengeStates.wrongMarks })
        .from(challengeStates)
        .where(not(isNull(challengeStates.wrongMarks)))
    ).flatMap((row) => row.marks ?? []);
    for (const mark of everyMark) {
      expect(mark).toMatch(/^[0-9a-f]{32}$/);
      for (const answer of [...PAIR_A, ...PAIR_B, ...PAIR_C]) expect(mark).not.toContain(answer);
    }
    // Another student's same wrong answers make another mark: nothing links the two.
    const other = await student("fair_stored_twin");
    await submit("fair_stored_twin", PAIR_A);
    const twin = (await gateRow(other))?.wrongMarks ?? [];
    expect(twin).toHaveLength(1);
    expect(marks).not.toContain(twin[0]);
  });
});
