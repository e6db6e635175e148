// Story: nobody can tell from the challenge whether a login ID exists or has answers set up.
import { describe, expect, it } from "vitest";
import { checkAnswers, decoyQuestions, startChallenge, type CheckResult } from "@/lib/data/challenge";
import { QUESTION_IDS } from "@/lib/reset/questions";
import {
  ALEX,
  SITI,
  WRONG,
  wrongPair,
  createStudent,
  gateRow,
  openChallenge,
  userIdOf,
  CLIENT,
  IP,
} from "./helpers";

const UNKNOWN = "no_such_pupil";

describe("decoy questions for unknown login IDs and for accounts without answers", () => {
  it("gives an unknown login ID two of the eight questions, the same ones every time", async () => {
    const first = await startChallenge(UNKNOWN, IP);
    expect(first.status).toBe("open");
    if (first.status !== "open") return;
    expect(first.questionIds).toHaveLength(2);
    expect(new Set(first.questionIds).size).toBe(2);
    for (const id of first.questionIds) expect(QUESTION_IDS).toContain(id);
    expect(first.questionIds).toEqual(decoyQuestions(UNKNOWN));

    for (const loginId of [UNKNOWN, "NO_SUCH_PUPIL", `  ${UNKNOWN} `]) {
      expect(await startChallenge(loginId, IP)).toEqual(first);
    }
    expect(await checkAnswers(UNKNOWN, WRONG, CLIENT)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await startChallenge(UNKNOWN, IP)).toEqual(first);
  });

  it("gives alex, who has no answers yet, two of the eight questions, the same ones every time", async () => {
    const first = await startChallenge(ALEX.loginId, IP);
    expect(first).toEqual({ status: "open", questionIds: decoyQuestions(ALEX.loginId) });
    for (let i = 0; i < 3; i++) expect(await startChallenge(ALEX.loginId, IP)).toEqual(first);
    expect(await checkAnswers(ALEX.loginId, WRONG, CLIENT)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await startChallenge(ALEX.loginId, IP)).toEqual(first);
    expect((await gateRow(await userIdOf(ALEX.loginId)))?.drawnQuestions).toEqual(
      decoyQuestions(ALEX.loginId),
    );
  });

  it("never judges a decoy answer correct", async () => {
    const guesses = [
      ["", ""],
      ["purple", "badminton"],
      ["chicken rice", "purple"],
      [ALEX.loginId, ALEX.password],
    ];
    // A stranger, and a student who has not set up answers yet (alex's own gate is used above).
    await createStudent("not_set_up_yet", { fullName: "Farah Binte Ismail" });
    for (const loginId of ["never_enrolled", "not_set_up_yet"]) {
      await openChallenge(loginId);
      const statuses: string[] = [];
      for (const guess of guesses) statuses.push((await checkAnswers(loginId, guess, CLIENT)).status);
      expect(statuses).not.toContain("correct");
      expect(statuses.slice(0, 3)).toEqual(["wrong", "wrong", "wrong"]);
      expect(statuses[3]).toBe("locked");
    }
  });

  it("answers a decoy exactly as it answers a real account's wrong answers", async () => {
    const realView = await startChallenge(SITI.loginId, IP);
    const decoyView = await startChallenge("another_stranger", IP);
    expect(Object.keys(decoyView).sort()).toEqual(Object.keys(realView).sort());
    expect(decoyView.status).toBe(realView.status);
    if (decoyView.status !== "open" || realView.status !== "open") return;
    expect(decoyView.questionIds).toHaveLength(realView.questionIds.length);

    const realResults: CheckResult[] = [];
    const decoyResults: CheckResult[] = [];
    for (let i = 0; i < 4; i++) {
      realResults.push(await checkAnswers(SITI.loginId, wrongPair(), CLIENT));
      decoyResults.push(await checkAnswers("another_stranger", wrongPair(), CLIENT));
    }
    expect(decoyResults).toEqual(realResults);
    expect(realResults).toEqual([
      { status: "wrong", lockedNow: "open" },
      { status: "wrong", lockedNow: "open" },
      { status: "wrong", lockedNow: "locked" },
      { status: "locked" },
    ]);
    expect(await startChallenge("another_stranger", IP)).toEqual(await startChallenge(SITI.loginId, IP));
  });
});
