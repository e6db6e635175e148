// Story: the password policy answers any text at all, from a lone surrogate to a megabyte with NUL
// in it, and its answers agree with each other and with the words the page shows for them.
import assert from "node:assert/strict";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en } from "@/lib/messages/en";
import { policyError } from "@/lib/messages/policy";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  characterClasses,
  checkPassword,
  firstFailure,
  meetsPolicy,
  nameTokens,
  type PasswordContext,
  type PolicyRule,
} from "@/lib/passwords/policy";
import { PAGE_TEXTS, hostileText, hugeText, typedText } from "../support/hostile";

const RUNS = 10_000;
const RULES: PolicyRule[] = ["length", "maxLength", "firstChar", "classes", "noName"];

/** Passwords a person might choose (three or four kinds of character), now and then with a name. */
const chosen = fc
  .tuple(
    fc.constantFrom("", "Siti", "RAHMAN", "tan", "Zoe\u0308", "\u0130stanbul"),
    fc.string({ unit: fc.constantFrom(..."aZ9-!é ĺ\u00df"), minLength: 6, maxLength: 20 }),
  )
  .map(([name, rest]) => `K${rest.slice(0, 4)}${name}${rest.slice(4)}`);

const password = fc.oneof(
  { weight: 30, arbitrary: hostileText(40) },
  { weight: 30, arbitrary: chosen },
  { weight: 5, arbitrary: typedText(PASSWORD_MAX_LENGTH - 2, PASSWORD_MAX_LENGTH + 2) },
  { weight: 3, arbitrary: fc.constantFrom("\u0000", "Abc\u0000def-12345", "\ud800Abcdef-12345", "\udfff") },
);

const name = fc.oneof(
  fc.constantFrom("siti_rahman", "Siti Nur Rahman", "Zoë Ng", "Mary-Anne Goh", "kumar#2019", "Li Na"),
  hostileText(16),
);
const context: fc.Arbitrary<PasswordContext> = fc.record({
  loginId: name,
  email: fc.option(fc.tuple(name, fc.constantFrom("@school.example", "", "@")).map(([a, b]) => a + b)),
  fullName: fc.option(name),
});

/** No confirmation, the same text (perhaps decomposed), or another text. */
const confirmFor = (text: string) =>
  fc.oneof(fc.constant(undefined), fc.constant(text), fc.constant(text.normalize("NFD")), hostileText(20));

const characters = (text: string) => [...text.normalize("NFC")].length;

describe("the password policy under 10,000 hostile passwords", () => {
  it("never throws, and its rules, first failure and verdict agree", () => {
    let met = 0;
    const cases = fc
      .tuple(password, context)
      .chain(([p, c]) => fc.tuple(fc.constant(p), fc.constant(c), confirmFor(p)));
    fc.assert(
      fc.property(cases, ([text, who, confirm]) => {
        const results = checkPassword(text, who, confirm);
        assert.deepStrictEqual(
          results.map((r) => r.rule),
          confirm === undefined ? RULES : [...RULES, "confirm"],
        );
        const failure = firstFailure(text, who, confirm);
        assert.deepStrictEqual(failure, results.find((r) => !r.ok) ?? null);
        assert.equal(meetsPolicy(text, who, confirm), failure === null);
        if (failure === null) met++;
        const byRule = Object.fromEntries(results.map((r) => [r.rule, r]));
        const length = characters(text);
        assert.equal(byRule.length!.ok, length >= PASSWORD_MIN_LENGTH);
        assert.equal(byRule.maxLength!.ok, length <= PASSWORD_MAX_LENGTH);
        assert.equal(byRule.classes!.ok, characterClasses(text.normalize("NFC")) >= 3);
        const lower = text.normalize("NFC").toLowerCase();
        const { namePart } = byRule.noName!;
        if (byRule.noName!.ok) {
          assert.equal(namePart, undefined);
          assert.ok(!nameTokens(who).some((token) => lower.includes(token)));
        } else {
          // The part named is the person's, and the password (case aside) contains it.
          assert.ok(namePart && lower.includes(namePart) && nameTokens(who).includes(namePart));
        }
        if (failure) {
          const words = policyError(failure, en);
          const expected = failure.rule === "noName" ? en.policy.errors.noName(namePart!) : words;
          assert.equal(words, expected);
          assert.ok(failure.rule === "noName" || PAGE_TEXTS.has(words), words);
        }
      }),
      { numRuns: RUNS },
    );
    // Passwords that meet the policy were among them, not only refusals.
    expect(met).toBeGreaterThan(RUNS / 20);
  });

  // A megabyte costs the policy ~50 ms: 100 runs, a fifth of them the full megabyte.
  it("answers texts of up to a megabyte, counting their length in characters", () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        const failure = firstFailure(text, { loginId: "s1234567" });
        const length = characters(text);
        if (length < PASSWORD_MIN_LENGTH) assert.equal(failure?.rule, "length");
        else if (length > PASSWORD_MAX_LENGTH) assert.equal(failure?.rule, "maxLength");
        else assert.notEqual(failure?.rule, "length");
      }),
      { numRuns: 100 },
    );
  });
});
