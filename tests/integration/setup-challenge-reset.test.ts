// Story: a student sets up three questions, later answers two of them and resets the password.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, securityAnswers } from "@/db/schema";
import { checkAnswers, startChallenge } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { questionsSetUp, saveSecurityAnswers } from "@/lib/data/security-questions";
import { endSession } from "@/lib/data/sessions";
import { authenticate } from "@/lib/data/sign-in";
import {
  ALEX,
  SITI,
  WRONG,
  answersFor,
  createStudent,
  newPassword,
  backdateSignIn,
  openChallenge,
  signInWithSession,
  type Answers,
  CLIENT,
  IP,
} from "./helpers";

const ALEX_ANSWERS: Answers = { 1: "Red Panda", 5: "Doraemon", 8: "Harry Potter" };

/** What a hurried parent types: odd case and extra spaces. */
const typedSloppily = (answer: string) =>
  `  ${[...answer]
    .map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase()))
    .join("")
    .replace(/ /g, "   ")} `;

describe("setting up the questions, answering them, resetting the password", () => {
  it("lets alex set up three answers, answer two of them and reset his password", async () => {
    const alex = await signInWithSession(ALEX);
    const saved = await saveSecurityAnswers(
      alex,
      { questionIds: [1, 5, 8], answers: Object.values(ALEX_ANSWERS) },
      CLIENT,
    );
    expect(saved).toEqual({ status: "saved" });
    expect(await questionsSetUp(alex)).toEqual([1, 5, 8]);

    const asked = await openChallenge(ALEX.loginId);
    expect(asked).toHaveLength(2);
    expect(new Set(asked).size).toBe(2);
    for (const id of asked) expect([1, 5, 8]).toContain(id);

    // Reloading, or typing the ID differently, never offers other questions.
    for (const loginId of [ALEX.loginId, "ALEX_TAN", "  Alex_Tan  "]) {
      expect(await startChallenge(loginId, IP)).toEqual({ status: "open", questionIds: asked });
    }
    expect(await checkAnswers(ALEX.loginId, WRONG, CLIENT)).toEqual({ status: "wrong", lockedNow: "open" });
    expect(await startChallenge(ALEX.loginId, IP)).toEqual({ status: "open", questionIds: asked });

    const result = await checkAnswers(
      ALEX.loginId,
      answersFor(asked, ALEX_ANSWERS).map(typedSloppily),
      CLIENT,
    );
    expect(result.status).toBe("correct");
    if (result.status !== "correct") return;
    expect(result.grantToken.length).toBeGreaterThanOrEqual(22);

    // After a correct answer the next challenge is again two of his three questions.
    const next = await openChallenge(ALEX.loginId);
    for (const id of next) expect([1, 5, 8]).toContain(id);

    const reset = await resetPasswordWithGrant(result.grantToken, newPassword("Orange-Lantern-88"), CLIENT);
    expect(reset).toMatchObject({ status: "reset" });
    expect(await authenticate(ALEX.loginId, ALEX.password, IP)).toBeNull();
    expect(await authenticate(ALEX.loginId, "Orange-Lantern-88", IP)).toMatchObject({ id: alex.id });
  });

  it("asks for the current password before replacing answers already set up", async () => {
    const siti = await signInWithSession(SITI);
    const input = { questionIds: [1, 6, 7], answers: ["Sea Turtle", "Yo-yo", "Finding Nemo"] };

    expect(await saveSecurityAnswers(siti, input, CLIENT)).toEqual({ status: "currentPasswordRequired" });
    expect(
      await saveSecurityAnswers(siti, { ...input, currentPassword: "Not-Her-Password-1" }, CLIENT),
    ).toEqual({
      status: "wrongCurrentPassword",
    });
    expect(await questionsSetUp(siti)).toEqual([2, 3, 4]);

    expect(await saveSecurityAnswers(siti, { ...input, currentPassword: SITI.password }, CLIENT)).toEqual({
      status: "saved",
    });
    expect(await questionsSetUp(siti)).toEqual([1, 6, 7]);
    const asked = await openChallenge(SITI.loginId);
    const replaced: Answers = { 1: "sea turtle", 6: "yo-yo", 7: "finding nemo" };
    const result = await checkAnswers(SITI.loginId, answersFor(asked, replaced), CLIENT);
    expect(result.status).toBe("correct");
  });

  it("changes nothing when the answer set is invalid", async () => {
    const password = "Maple-Syrup-Pancake-3";
    const answers: Answers = { 1: "giraffe", 2: "orange", 3: "swimming" };
    const id = await createStudent("invalid_sets", { fullName: "Priya Devi Nair", password, answers });
    const student = await signInWithSession({ loginId: "invalid_sets", password });
    const db = await getDb();
    const storedAnswers = () =>
      db
        .select()
        .from(securityAnswers)
        .where(eq(securityAnswers.userId, id))
        .orderBy(asc(securityAnswers.position));
    const before = await storedAnswers();

    const invalidSets = [
      { questionIds: [1, 2, 3], answers: ["ox", "orange", "swimming"] }, // too short
      { questionIds: [1, 2, 3], answers: ["giraffe", "Giraffe ", "swimming"] }, // repeated answer
      { questionIds: [1, 1, 3], answers: ["giraffe", "orange", "swimming"] }, // repeated question
      { questionIds: [1, 2, 99], answers: ["giraffe", "orange", "swimming"] }, // no such question
      { questionIds: [1, 2, 3], answers: ["giraffe", "Priya", "swimming"] }, // part of the name
      { questionIds: [1, 2, 3], answers: ["giraffe", "colour", "swimming"] }, // the question's word
      { questionIds: [1, 2, 3], answers: ["giraffe", "x".repeat(41), "swimming"] }, // too long
      { questionIds: [1, 2], answers: ["giraffe", "orange"] }, // only two
      { questionIds: [1, 2, 3], answers: ["giraffe", "orange"] }, // an answer missing
      { questionIds: [1, 2, 3, 4], answers: ["giraffe", "ox", "swimming", "laksa"] }, // bad, and a fourth
    ];
    for (const set of invalidSets) {
      const result = await saveSecurityAnswers(student, { ...set, currentPassword: password }, CLIENT);
      expect(result.status, JSON.stringify(set)).toBe("invalid");
    }

    expect(await storedAnswers()).toEqual(before);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.action, "questions_set"));
    expect(audits.filter((row) => row.targetUserId === id)).toEqual([]);
    const asked = await openChallenge("invalid_sets");
    expect((await checkAnswers("invalid_sets", answersFor(asked, answers), CLIENT)).status).toBe("correct");
  });

  it("stores exactly three answers, never an entry beyond the three it checked", async () => {
    const password = "Walnut-Biscuit-Tin-8";
    const id = await createStudent("four_entries", { fullName: "Daniel Ong Jun Hao", password });
    const student = await signInWithSession({ loginId: "four_entries", password });
    const input = { questionIds: [1, 2, 3, 99], answers: ["giraffe", "orange", "swimming", "a"] };
    expect(await saveSecurityAnswers(student, input, CLIENT)).toEqual({ status: "saved" });
    expect(await questionsSetUp(student)).toEqual([1, 2, 3]);
    const db = await getDb();
    expect(await db.select().from(securityAnswers).where(eq(securityAnswers.userId, id))).toHaveLength(3);
  });
});

describe("setting up the questions for the first time", () => {
  const input = { questionIds: [1, 4, 7], answers: ["hamster", "laksa", "frozen"] };
  const password = "Cosy-Lantern-Shed-6";
  const setupAudits = async (id: number) => {
    const db = await getDb();
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.action, "questions_set"));
    return rows.filter((row) => row.targetUserId === id);
  };

  it("asks for the password only when the sign-in is more than 5 minutes old", async () => {
    // Signed in 4 minutes ago: sign in, then set up, as the portal asks.
    await createStudent("setup_soon", { fullName: "Chloe Tan Mei Ling", password });
    const soon = await signInWithSession({ loginId: "setup_soon", password });
    await backdateSignIn(soon.sessionId, 4);
    expect(await saveSecurityAnswers(soon, input, CLIENT)).toEqual({ status: "saved" });
    expect(await questionsSetUp(soon)).toEqual([1, 4, 7]);

    // Signed in 6 minutes ago, at a computer someone else may now be using.
    const id = await createStudent("setup_late", { fullName: "Chloe Tan Mei Ling", password });
    const late = await signInWithSession({ loginId: "setup_late", password });
    await backdateSignIn(late.sessionId, 6);
    expect(await saveSecurityAnswers(late, input, CLIENT)).toEqual({ status: "currentPasswordRequired" });
    expect(
      await saveSecurityAnswers(late, { ...input, currentPassword: "Not-Her-Password-1" }, CLIENT),
    ).toEqual({
      status: "wrongCurrentPassword",
    });
    expect(await questionsSetUp(late)).toEqual([]);
    expect(await setupAudits(id)).toEqual([]);
    // The answers someone tried to plant open nothing at Forgot Password?.
    const planted: Answers = { 1: "hamster", 4: "laksa", 7: "frozen" };
    const asked = await openChallenge("setup_late");
    const typed = asked.map((questionId) => planted[questionId] ?? "hamster");
    expect((await checkAnswers("setup_late", typed, CLIENT)).status).toBe("wrong");

    expect(await saveSecurityAnswers(late, { ...input, currentPassword: password }, CLIENT)).toEqual({
      status: "saved",
    });
    expect(await questionsSetUp(late)).toEqual([1, 4, 7]);
    expect(await setupAudits(id)).toHaveLength(1);
  });

  it("counts a session that is not the student's own, or has ended, as an old sign-in", async () => {
    const id = await createStudent("setup_borrowed", { fullName: "Marcus Lee Wen Jie", password });
    const student = await signInWithSession({ loginId: "setup_borrowed", password });
    const someoneElse = await signInWithSession(SITI);
    for (const sessionId of [someoneElse.sessionId, "no-such-session", ""]) {
      expect(await saveSecurityAnswers({ ...student, sessionId }, input, CLIENT), sessionId).toEqual({
        status: "currentPasswordRequired",
      });
    }
    await endSession(student.sessionId);
    expect(await saveSecurityAnswers(student, input, CLIENT)).toEqual({ status: "currentPasswordRequired" });
    expect(await questionsSetUp(student)).toEqual([]);
    expect(await setupAudits(id)).toEqual([]);
  });
});
