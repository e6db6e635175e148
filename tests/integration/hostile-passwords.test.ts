// Story: hostile input against the real database. What a form's limits let through but the rules
// refuse (wrong credentials, broken answer sets, policy-failing new passwords, other schools' ids)
// and Login IDs a hand-made cookie can carry: nothing throws, the refusal is in the page's words,
// and no row changes (a failed sign-in or a wrong answer adds only what it must: an audit line, a
// gate's count). `npm test` runs tens to hundreds of inputs per handler on both engines; `npm run
// test:property` (CI runs it) runs 10,000 per handler on PostgreSQL, with argon2 at its minimum
// cost there (lib/crypto/hashing.ts): the hash's cost is not what these properties are about. The
// properties are split over three files so that the two cores run them side by side.
import assert from "node:assert/strict";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/data/passwords";
import { grantHolder, resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { changePasswordSchema, newPasswordRefusedState, newPasswordSchema } from "@/lib/forms";
import { en } from "@/lib/messages/en";
import { CLIENT, createStudent, earnGrant, signIn, type Answers } from "./helpers";
import * as inputs from "./hostile-inputs";
import { assertPageWords, runs } from "./hostile-inputs";
import { snapshot } from "./row-snapshot";

const ANSWERS: Answers = { 1: "tortoise", 3: "skipping rope", 5: "ultraman" };

describe("hostile input: new passwords, by reset and by change", () => {
  it(`a reset refuses each failing new password by its rule; the grant stays good (${runs(200)} runs)`, async () => {
    const owner = { loginId: "hostile_reset", fullName: "Goh Kai Xuan", password: "Starting-Point-11" };
    await createStudent(owner.loginId, { ...owner, answers: ANSWERS });
    const grant = await earnGrant(owner.loginId, ANSWERS);
    const newPasswords = inputs.passing(inputs.failingPasswords(owner), newPasswordSchema);
    await fc.assert(
      fc.asyncProperty(newPasswords, async (input) => {
        const before = await snapshot();
        const result = await resetPasswordWithGrant(grant, input, CLIENT);
        assert.equal(result.status, "policy");
        assertPageWords(newPasswordRefusedState(result, en), owner);
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: runs(200) },
    );
    expect(await grantHolder(grant)).toMatchObject({ loginId: owner.loginId });
    const good = { newPassword: "Quiet-Meadow-Brook-58", confirmPassword: "Quiet-Meadow-Brook-58" };
    expect(await resetPasswordWithGrant(grant, good, CLIENT)).toMatchObject({ status: "reset" });
  });

  it(`a change refuses a wrong current password or a failing new one (${runs(80)} runs)`, async () => {
    const owner = { loginId: "hostile_change", fullName: "Tan Mei Ling", password: "Harbour-Lights-93" };
    await createStudent(owner.loginId, owner);
    const actor = await signIn(owner);
    const changes = inputs.passing(inputs.failingChanges(owner), changePasswordSchema);
    await fc.assert(
      fc.asyncProperty(changes, async (input) => {
        const before = await snapshot();
        const result = await changeOwnPassword(actor, input, CLIENT);
        const right = input.currentPassword === owner.password;
        assert.equal(result.status, right ? "policy" : "wrongCurrentPassword");
        assertPageWords(newPasswordRefusedState(result, en), owner);
        assert.deepStrictEqual(await snapshot(), before);
      }),
      { numRuns: runs(80) },
    );
    expect((await signIn(owner)).sessionVersion).toBe(actor.sessionVersion);
  });
});
