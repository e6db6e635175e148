// Story: every temporary password an administrator hands out meets the school's policy for its
// owner, avoids the owner's name and the school's words, and is typeable from a paper slip.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findContextWord } from "@/lib/passwords/context-words";
import { meetsPolicy, nameTokens } from "@/lib/passwords/policy";
import { candidateTemporaryPassword, TEMPORARY_WORDS, temporaryPasswordFor } from "@/lib/passwords/temporary";

const school = "Clementi Primary School";

describe("temporary passwords", () => {
  it("are three capitalised words and two digits, about 2^30 possibilities", () => {
    expect(candidateTemporaryPassword()).toMatch(/^([A-Z][a-z]{2,7}-){3}[1-9]\d$/);
    expect(new Set(TEMPORARY_WORDS).size).toBe(256);
    expect(Math.log2(256 ** 3 * 90)).toBeGreaterThan(30);
  });

  it("meet the policy and never hold a part of the owner's name, login ID or school", () => {
    // Owners named after the list's own words, so that a redraw is needed often.
    const owner = fc.record({
      fullName: fc
        .array(fc.constantFrom(...TEMPORARY_WORDS, "Tan", "Siti", "Kumar"), { minLength: 1, maxLength: 4 })
        .map((words) => words.join(" ")),
      loginId: fc.constantFrom(...TEMPORARY_WORDS).map((word) => `${word}_01`),
      email: fc.constant(null),
      schoolName: fc.constant(school),
    });
    fc.assert(
      fc.property(owner, (person) => {
        const password = temporaryPasswordFor(person);
        expect(meetsPolicy(password, person)).toBe(true);
        for (const token of nameTokens(person)) expect(password.toLowerCase()).not.toContain(token);
        expect(findContextWord(password, school)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it("draw every word of the list (no word is left unused by the generator)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000 && seen.size < 256; i++) {
      for (const word of candidateTemporaryPassword().split("-").slice(0, 3)) seen.add(word.toLowerCase());
    }
    expect(seen.size).toBe(256);
  });
});
