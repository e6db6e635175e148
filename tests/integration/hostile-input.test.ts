// Story: hostile input against the real database. What a form's limits let through but the rules
// refuse (wrong credentials, broken answer sets, policy-failing new passwords, other schools' ids)
// and Login IDs a hand-made cookie can carry: nothing throws, the refusal is in the page's words,
// and no row changes (a failed sign-in or a wrong answer adds only what it must: an audit line, a
// gate's count). `npm test` runs tens to hundreds of inputs per handler on both engines; `npm run
// test:property` (CI runs it) runs 10,000 per handler on PostgreSQL, with argon2 at its minimum
// cost there (lib/crypto/hashing.ts): the hash's cost is not what these properties are about. The
// properties are split over three files so that the two cores run them side by side.
import assert from "node:assert/strict";
import { gt, max } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditEvents, signInThrottles } from "@/db/schema";
import { checkAnswers, startChallenge } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { authenticate } from "@/lib/data/sign-in";
import { challengeSchema } from "@/lib/forms";
import { typedText, type Entry } from "../support/hostile";
import { SITI, signIn, CLIENT, IP } from "./helpers";
import * as inputs from "./hostile-inputs";
import { runs } from "./hostile-inputs";
import { snapshot } from "./row-snapshot";

/** The audit log's newest id, and the actions written after a given id (cheap at any size). */
async function newestAuditId(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}

async function auditActionsAfter(id: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(gt(auditEvents.id, id));
  return rows.map((row) => row.action);
}

describe("hostile input: sign-in and the challenge", () => {
  it(`sign-in never throws and lets nobody in without the real password (${runs(150)} runs)`, async () => {
    const loginId = fc.oneof(inputs.knownLoginId, inputs.hostileLoginId);
    const accounts = await snapshot(["users", "sessions"]);
    await fc.assert(
      fc.asyncProperty(loginId, inputs.wrongPassword, async (id, password) => {
        // Each input is judged: the per-account limit would slow a known ID after 10 wrong ones
        // (tests/integration/sign-in-limits.test.ts), and this property is about the input.
        await (await getDb()).delete(signInThrottles);
        const before = await newestAuditId();
        assert.equal(await authenticate(id, password, IP), null);
        // One line more in the audit log, saying the sign-in failed.
        assert.deepStrictEqual(await auditActionsAfter(before), ["sign_in_failed"]);
      }),
      { numRuns: runs(150) },
    );
    // No account or session changed (no rehash, no last sign-in), and the real password works.
    expect(await snapshot(["users", "sessions"])).toEqual(accounts);
    expect((await signIn(SITI)).loginId).toBe(SITI.loginId);
  });

  it(`the challenge answers any Login ID a cookie can carry, never with a grant (${runs(40)} runs)`, async () => {
    const answers = inputs.passing(
      fc.tuple(typedText(1, 90), typedText(1, 90)).map(([a, b]): Entry[] => [
        ["answer1", a],
        ["answer2", b],
      ]),
      challengeSchema,
    );
    const untouched = ["users", "securityAnswers", "passwordHistory", "resetGrants", "sessions"] as const;
    await fc.assert(
      fc.asyncProperty(inputs.hostileLoginId, answers, async (loginId, { answer1, answer2 }) => {
        const before = await snapshot([...untouched]);
        const view = await startChallenge(loginId, IP);
        assert.ok(view.status !== "open" || view.questionIds.length === 2);
        const result = await checkAnswers(loginId, [answer1, answer2], CLIENT);
        assert.ok(["wrong", "locked", "accountLocked"].includes(result.status), result.status);
        assert.deepStrictEqual(await snapshot([...untouched]), before);
      }),
      { numRuns: runs(40) },
    );
  });
});
