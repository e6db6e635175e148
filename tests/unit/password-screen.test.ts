// Story: on top of the school's policy, the server refuses the 10,000 most common passwords
// whatever their case, and passwords built on the school's or the service's words.
import { describe, expect, it } from "vitest";
import { en } from "@/lib/messages/en";
import { policyFormState } from "@/lib/messages/policy";
import { COMMON_PASSWORD_COUNT, commonPasswordCount, isCommonPassword } from "@/lib/passwords/common";
import { contextWords, findContextWord } from "@/lib/passwords/context-words";
import { meetsPolicy, type PasswordContext } from "@/lib/passwords/policy";
import { screenPassword } from "@/lib/passwords/screen";

const CLEMENTI = "Clementi Primary School";
const JURONG_WEST = "Jurong West Primary School";
const someone: PasswordContext = { loginId: "s1234567", fullName: "Nobody Inparticular" };

describe("the 10,000 most common passwords", () => {
  it("loads exactly the first 10,000 of the package's ranked list", async () => {
    expect(await commonPasswordCount()).toBe(COMMON_PASSWORD_COUNT);
    expect(await isCommonPassword("123456")).toBe(true); // the most common of all
    expect(await isCommonPassword("password1234")).toBe(false); // ranked past 10,000
  });

  it("refuses ones that meet the school's policy, whatever the letters' case", async () => {
    for (const password of ["Qwerty123456", "QWERTy123456", "qwerTY123456", "1Q2w3E4r5T6y", "123456Qwerty"]) {
      expect(meetsPolicy(password, someone, password), password).toBe(true);
      expect(await screenPassword(password, { schoolName: CLEMENTI }), password).toEqual({
        rule: "common",
        ok: false,
      });
    }
  });

  it("compares case-insensitively", async () => {
    for (const password of ["Password", "PASSWORD", "pAsSwOrD", "Dragon", "LetMeIn", "Trustno1"]) {
      expect(await isCommonPassword(password), password).toBe(true);
    }
  });
});

describe("context words", () => {
  it("are the service's words and the school name's words of 4+ characters", () => {
    expect(contextWords(CLEMENTI)).toEqual([
      "mims",
      "sspr",
      "portal",
      "school",
      "student",
      "password",
      "clementi",
      "primary",
    ]);
    expect(contextWords("St. Ann's Girls' School")).toContain("girls");
    expect(contextWords("St. Ann's Girls' School")).not.toContain("ann");
  });

  it("refuses a password containing one, in any case", () => {
    expect(findContextWord("Clementi-Rocks-2026", CLEMENTI)).toBe("clementi");
    expect(findContextWord("my-MIMS-login-88", CLEMENTI)).toBe("mims");
    expect(findContextWord("Best-Student-Ever-1", CLEMENTI)).toBe("student");
    expect(findContextWord("Jurong-Sunset-88", JURONG_WEST)).toBe("jurong");
  });

  it("sees through the usual digit-for-letter swaps", () => {
    expect(findContextWord("Sch00l-Days-2026", CLEMENTI)).toBe("school");
    expect(findContextWord("C1ement1-Kid-2026", CLEMENTI)).toBe("clementi");
    expect(findContextWord("Go-M1M5-go-2026", CLEMENTI)).toBe("mims");
    expect(findContextWord("P@55w0rd-Is-Here", CLEMENTI)).toBe("password");
  });

  it("uses the account's own school only", async () => {
    expect(findContextWord("Western-Sky-4412", JURONG_WEST)).toBe("west");
    expect(await screenPassword("Western-Sky-4412", { schoolName: CLEMENTI })).toBeNull();
    expect(await screenPassword("Jurong-Sunset-88", { schoolName: CLEMENTI })).toBeNull();
  });

  it("reports the word so the page can name it, next to the New Password field", async () => {
    const failure = await screenPassword("Clementi-Rocks-2026", { schoolName: CLEMENTI });
    expect(failure).toEqual({ rule: "contextWord", ok: false, word: "clementi" });
    expect(policyFormState(failure!, en).fieldErrors).toEqual({
      newPassword: en.policy.errors.contextWord("clementi"),
    });
    expect(policyFormState({ rule: "common", ok: false }, en).fieldErrors).toEqual({
      newPassword: en.policy.errors.common,
    });
    expect(policyFormState({ rule: "reused", ok: false }, en).fieldErrors).toEqual({
      newPassword: en.policy.errors.reused,
    });
  });
});

describe("the passwords the demo and the browser tests use", () => {
  const demo = [
    "Sunny-Harbour-42",
    "Blue-Kite-Flying-7",
    "Quiet-Library-2026",
    "Green-Paper-Boat-5",
    "Silver-Bicycle-2026",
  ];
  const chosenInBrowserTests = ["Purple-Mountain-77", "Orange-Kite-Soaring-8", "Kitten-Garden-2027"];

  it("are neither common nor built on a context word, at either school", async () => {
    for (const password of [...demo, ...chosenInBrowserTests]) {
      for (const schoolName of [CLEMENTI, JURONG_WEST]) {
        expect(await screenPassword(password, { schoolName }), `${password} at ${schoolName}`).toBeNull();
      }
    }
  });
});
