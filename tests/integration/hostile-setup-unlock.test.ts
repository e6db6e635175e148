// Story: hostile input against the real database. What a form's limits let through but the rules
// refuse (wrong credentials, broken answer sets, policy-failing new passwords, other schools' ids)
// and Login IDs a hand-made cookie can carry: nothing throws, the refusal is in the page's words,
// and no row changes (a failed sign-in or a wrong answer adds only what it must: an audit line, a
// gate's count). `npm test` runs tens to hundreds of inputs per handler on both engines; `npm run
// test:property` (CI runs it) runs 10,000 per handler on PostgreSQL, with argon2 at its minimum
// cost there (lib/crypto/hashing.ts): the hash's cost is not what these properties are about. The
// properties are split over three files so that the two cores run them side by side.
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { unlockAccount } from "@/lib/data/student-accounts";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import {
  answerSetOf,
  parseForm,
  setupQuestionsSchema,
  setupRefusal,
  setupRefusedState,
  studentIdSchema,
} from "@/lib/forms";
import { en } from "@/lib/messages/en";
import { toFormData } from "../support/hostile";
import { CLEMENTI_ADMIN, JURONG_ADMIN, LIM, SITI, CLIENT } from "./helpers";
import {
  answerCorrectly,
  gateRow,
  lockAccountOutright,
  signIn,
  signInWithSession,
  userIdOf,
} from "./helpers";
import * as inputs from "./hostile-inputs";
import { assertPageWords, runs } from "./hostile-inputs";
import { snapshot } from "./row-snapshot";

describe("hostile input: answer sets and unlock ids", () => {
  it(`setup refuses every broken answer set, naming the field (${runs(200)} runs, no argon2 reached)`, async () => {
    const siti = await signInWithSession(SITI);
    await fc.assert(
      fc.asyncProperty(inputs.spoiledAnswerSet, async ({ formData, lastBroken }) => {
        const refusal = setupRefusal(formData, en);
        const parsed = parseForm(setupQuestionsSchema, formData, refusal);
        assert.ok(parsed.ok, JSON.stringify(parsed));
        const before = await snapshot();
        const result = await saveSecurityAnswers(siti, answerSetOf(parsed.data), CLIENT);
        assert.equal(result.status, "invalid");
        assert.ok(lastBroken in result.problems, `${lastBroken}: ${JSON.stringify(result.problems)}`);
        const state = setupRefusedState(result, refusal.values, en);
        assertPageWords(state);
        assert.deepStrictEqual(Object.keys(state.values ?? {}), ["question1", "question2", "question3"]);
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: runs(200) },
    );
    // Her own answers are the ones still stored.
    expect((await answerCorrectly(SITI.loginId, SITI.answers)).status).toBe("correct");
  });

  it(`unlock refuses any id but the school's own students' (${runs(150)} runs, no argon2 reached)`, async () => {
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
        const parsed = parseForm(studentIdSchema, toFormData([["userId", text]]));
        // The data layer refuses it too, whatever number it is handed.
        await assert.rejects(unlockAccount(admin, Number(text), CLIENT), ForbiddenError);
        if (parsed.ok) await assert.rejects(unlockAccount(admin, parsed.data.userId, CLIENT), ForbiddenError);
        // An id no row can have is refused before the data layer, in the same words (the action
        // shows them above the form).
        if (!parsed.ok) {
          assert.deepStrictEqual(parsed.state, {
            status: "error",
            fieldErrors: { userId: en.admin.notAllowed },
          });
        }
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: runs(150) },
    );
    expect(await gateRow(lim)).toMatchObject({ accountLocked: true });
    expect(await unlockAccount(admin, siti, CLIENT)).toEqual({ fullName: "Siti Nur Rahman" });
  });
});
