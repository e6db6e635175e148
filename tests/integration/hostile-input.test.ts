// Story: hostile input against the real database. What a form's limits let through but the rules
// refuse (wrong credentials, broken answer sets, policy-failing new passwords, other schools' ids)
// and Login IDs a hand-made cookie can carry: nothing throws, the refusal is in the page's words,
// and no row changes (a failed sign-in or a wrong answer adds only what it must: an audit line, a
// gate's count). Runs are tens to hundreds, not the pure tests' 10,000: an argon2 verify costs
// ~20 ms, each run takes a few queries, and both engines run this file.
import assert from "node:assert/strict";
import { and, count, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { contextWords } from "@/lib/context-words";
import { unlockAccount } from "@/lib/data/admin";
import { checkAnswers, startChallenge } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { changeOwnPassword } from "@/lib/data/passwords";
import { grantHolder, resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import { authenticate } from "@/lib/data/sign-in";
import * as handlers from "@/lib/form-handlers";
import type { FormState } from "@/lib/forms";
import { en } from "@/lib/messages/en";
import { nameTokens } from "@/lib/password-policy";
import { PAGE_TEXTS, toFormData, typedText, wordsOf, type Entry } from "../support/hostile";
import { CLEMENTI_ADMIN, IP, JURONG_ADMIN, LIM, SITI, type Answers } from "./helpers";
import {
  answerCorrectly,
  createStudent,
  earnGrant,
  gateRow,
  lockAccountOutright,
  signIn,
  userIdOf,
} from "./helpers";
import * as inputs from "./hostile-inputs";
import { snapshot } from "./row-snapshot";

const ANSWERS: Answers = { 1: "tortoise", 3: "skipping rope", 5: "ultraman" };

/** The refusal's words: fixed texts, or the name part or school word a password rule found. */
function assertPageWords(state: FormState, owner?: inputs.Owner) {
  const allowed = new Set([
    ...PAGE_TEXTS,
    ...(owner ? nameTokens(owner).map(en.policy.errors.noName) : []),
    ...(owner ? contextWords("Clementi Primary School").map(en.policy.errors.contextWord) : []),
  ]);
  const words = wordsOf(state);
  assert.equal(state.status, "error");
  assert.ok(words.length > 0 && words.every((text) => allowed.has(text)), words.join(" | "));
}

async function auditRows() {
  const db = await getDb();
  const newest = sql<string>`(array_agg(${auditEvents.action} order by ${auditEvents.id} desc))[1]`;
  const [row] = await db.select({ rows: count(), last: newest }).from(auditEvents);
  return row!;
}

describe("hostile input against the data layer", () => {
  it("sign-in never throws and lets nobody in without the real password (150 runs)", async () => {
    const loginId = fc.oneof(inputs.knownLoginId, inputs.hostileLoginId);
    const accounts = await snapshot(["users", "sessions"]);
    await fc.assert(
      fc.asyncProperty(loginId, inputs.wrongPassword, async (id, password) => {
        const before = await auditRows();
        assert.equal(await authenticate(id, password, IP), null);
        // One line more in the audit log, saying the sign-in failed.
        assert.deepStrictEqual(await auditRows(), { rows: before.rows + 1, last: "sign_in_failed" });
      }),
      { numRuns: 150 },
    );
    // No account or session changed (no rehash, no last sign-in), and the real password works.
    expect(await snapshot(["users", "sessions"])).toEqual(accounts);
    expect((await signIn(SITI)).loginId).toBe(SITI.loginId);
  });

  it("the challenge answers any Login ID a cookie can carry, never with a grant (40 runs)", async () => {
    const answers = inputs.passing(
      fc.tuple(typedText(1, 90), typedText(1, 90)).map(([a, b]): Entry[] => [
        ["answer1", a],
        ["answer2", b],
      ]),
      handlers.parseChallengeForm,
    );
    const untouched = ["users", "securityAnswers", "passwordHistory", "resetGrants", "sessions"] as const;
    await fc.assert(
      fc.asyncProperty(inputs.hostileLoginId, answers, async (loginId, { answer1, answer2 }) => {
        const before = await snapshot([...untouched]);
        const view = await startChallenge(loginId, IP);
        assert.ok(view.status !== "open" || view.questionIds.length === 2);
        const result = await checkAnswers(loginId, [answer1, answer2], IP);
        assert.ok(["wrong", "locked", "accountLocked"].includes(result.status), result.status);
        assert.deepStrictEqual(await snapshot([...untouched]), before);
      }),
      { numRuns: 40 },
    );
  });

  it("a reset refuses each failing new password by its rule; the grant stays good (200 runs)", async () => {
    const owner = { loginId: "hostile_reset", fullName: "Goh Kai Xuan", password: "Starting-Point-11" };
    await createStudent(owner.loginId, { ...owner, answers: ANSWERS });
    const grant = await earnGrant(owner.loginId, ANSWERS);
    const newPasswords = inputs.passing(inputs.failingPasswords(owner), handlers.parseNewPasswordForm);
    await fc.assert(
      fc.asyncProperty(newPasswords, async (input) => {
        const before = await snapshot();
        const result = await resetPasswordWithGrant(grant, input, IP);
        assert.equal(result.status, "policy");
        assertPageWords(handlers.newPasswordRefusedState(result), owner);
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: 200 },
    );
    expect(await grantHolder(grant)).toMatchObject({ loginId: owner.loginId });
    const good = { newPassword: "Quiet-Meadow-Brook-58", confirmPassword: "Quiet-Meadow-Brook-58" };
    expect(await resetPasswordWithGrant(grant, good, IP)).toEqual({ status: "reset" });
  });

  it("a change refuses a wrong current password or a failing new one (80 runs)", async () => {
    const owner = { loginId: "hostile_change", fullName: "Tan Mei Ling", password: "Harbour-Lights-93" };
    await createStudent(owner.loginId, owner);
    const actor = await signIn(owner);
    const changes = inputs.passing(inputs.failingChanges(owner), handlers.parseChangePasswordForm);
    await fc.assert(
      fc.asyncProperty(changes, async (input) => {
        const before = await snapshot();
        const result = await changeOwnPassword(actor, input, IP);
        const right = input.currentPassword === owner.password;
        assert.equal(result.status, right ? "policy" : "wrongCurrentPassword");
        assertPageWords(handlers.newPasswordRefusedState(result), owner);
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: 80 },
    );
    expect((await signIn(owner)).sessionVersion).toBe(actor.sessionVersion);
  });

  it("setup refuses every broken answer set, naming the field (200 runs, no argon2 reached)", async () => {
    const siti = await signIn(SITI);
    await fc.assert(
      fc.asyncProperty(inputs.spoiledAnswerSet, async ({ formData, lastBroken }) => {
        const parsed = handlers.parseSetupForm(formData);
        assert.ok(parsed.ok, JSON.stringify(parsed));
        const before = await snapshot();
        const result = await saveSecurityAnswers(siti, parsed.data.input, IP);
        assert.equal(result.status, "invalid");
        assert.ok(lastBroken in result.problems, `${lastBroken}: ${JSON.stringify(result.problems)}`);
        const state = handlers.setupRefusedState(result, parsed.data.values);
        assertPageWords(state);
        assert.deepStrictEqual(Object.keys(state.values ?? {}), ["question1", "question2", "question3"]);
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: 200 },
    );
    // Her own answers are the ones still stored.
    expect((await answerCorrectly(SITI.loginId, SITI.answers)).status).toBe("correct");
  });

  it("unlock refuses any id but the school's own students' (150 runs, no argon2 reached)", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const [siti, lim] = [await userIdOf(SITI.loginId), await userIdOf(LIM.loginId)];
    for (const id of [siti, lim]) await lockAccountOutright(id);
    // Every student of Clementi, those this file created included.
    const db = await getDb();
    const students = and(eq(users.schoolId, admin.schoolId), eq(users.role, "student"));
    const own = (await db.select({ id: users.id }).from(users).where(students)).map((row) => row.id);
    const ids = inputs.foreignUserIds(own, [lim, await userIdOf(JURONG_ADMIN.loginId), admin.id]);
    await fc.assert(
      fc.asyncProperty(ids, async (text) => {
        const before = await snapshot();
        const parsed = handlers.parseUnlockForm(toFormData([["userId", text]]));
        // The data layer refuses it too, whatever number it is handed.
        await assert.rejects(unlockAccount(admin, Number(text), IP), ForbiddenError);
        if (parsed.ok) await assert.rejects(unlockAccount(admin, parsed.data.userId, IP), ForbiddenError);
        const state = parsed.ok ? handlers.unlockRefusedState() : parsed.state;
        assert.deepStrictEqual(state, { status: "error", message: en.admin.notAllowed });
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: 150 },
    );
    expect(await gateRow(lim)).toMatchObject({ accountLocked: true });
    expect(await unlockAccount(admin, siti, IP)).toEqual({ fullName: "Siti Nur Rahman" });
  });
});
