// Story: the rules of a guardian's code, before any database: what a code looks like and how a
// child may type it, how long it lasts, and when another may be sent.
import { describe, expect, it } from "vitest";
import {
  GUARDIAN_CODE_LENGTH,
  guardianCodeExpiry,
  mayGuardianCodeBeSent,
  newGuardianCode,
  normaliseGuardianCode,
} from "@/lib/reset/guardian-code";
import { CODE_ALPHABET, formatResetCode } from "@/lib/reset/reset-code";

const T0 = new Date("2026-12-01T01:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("a guardian's code", () => {
  it("is 6 characters without look-alikes, shown as two groups of three", () => {
    const codes = Array.from({ length: 200 }, newGuardianCode);
    for (const code of codes)
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${GUARDIAN_CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBeGreaterThan(190);
    expect(formatResetCode("KMN479")).toBe("KMN-479");
    expect(formatResetCode("ACDEFGHJ")).toBe("ACDE-FGHJ");
  });

  it("is read as a child types it, and anything else is no code", () => {
    expect(normaliseGuardianCode(" kmn-479 ")).toBe("KMN479");
    expect(normaliseGuardianCode("kmn 479")).toBe("KMN479");
    expect(normaliseGuardianCode("ＫＭＮ４７９")).toBe("KMN479");
    expect(normaliseGuardianCode("KMN-470")).toBeNull(); // 0 is a look-alike
    expect(normaliseGuardianCode("KMN-4799")).toBeNull();
    expect(normaliseGuardianCode("ACDE-7KMN")).toBeNull(); // the school's 8-character code
  });

  it("works for 30 minutes", () => {
    expect(guardianCodeExpiry(T0)).toEqual(at(30));
  });

  it("is sent once per 15 minutes, and three times in any 24 hours", () => {
    expect(mayGuardianCodeBeSent([], T0)).toBe(true);
    expect(mayGuardianCodeBeSent([at(0)], at(14))).toBe(false);
    expect(mayGuardianCodeBeSent([at(0)], at(15))).toBe(true);
    expect(mayGuardianCodeBeSent([at(0), at(15)], at(30))).toBe(true);
    expect(mayGuardianCodeBeSent([at(0), at(15), at(30)], at(45))).toBe(false);
    expect(mayGuardianCodeBeSent([at(0), at(15), at(30)], at(24 * 60))).toBe(true);
    expect(mayGuardianCodeBeSent([at(0), at(15), at(30)], at(24 * 60 - 1))).toBe(false);
  });
});
