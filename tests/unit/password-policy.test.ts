import { describe, expect, it } from "vitest";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  characterClasses,
  checkPassword,
  firstFailure,
  meetsPolicy,
  nameTokens,
  normalisePassword,
  type PasswordContext,
  type PolicyRule,
} from "@/lib/passwords/policy";

// The example student of the brief: login ID, school e-mail and full name all give tokens.
const alex: PasswordContext = {
  loginId: "alex_tan",
  email: "alex.tan@students.example.edu.sg",
  fullName: "Alex Tan Wei Ming",
};
// A two-letter name part ("Li") is too short to be a token; "Chen" is not.
const liNa: PasswordContext = { loginId: "s1234567", fullName: "Li Na Chen" };
// The e-mail's local part gives tokens that the login ID and the name do not.
const nurAisyah: PasswordContext = {
  loginId: "s7654321",
  email: "ocean.breeze@students.example.edu.sg",
  fullName: "Nur Aisyah",
};
const withTab: PasswordContext = { loginId: "s2000001", fullName: "Siti\tNurhaliza" };
const withHash: PasswordContext = { loginId: "kumar#2019", fullName: "Kumar Raj" };
const withComma: PasswordContext = { loginId: "s2000002", fullName: "Lim, Jun Jie" };
const withHyphen: PasswordContext = { loginId: "s2000003", fullName: "Mary-Anne Goh" };
const zoe: PasswordContext = { loginId: "s2000004", fullName: "Zoë Ng" };
const zoeDecomposed: PasswordContext = { loginId: "s2000005", fullName: "Zoe\u0308 Ng" };
const loginOnly: PasswordContext = { loginId: "kmurugan" };

const c11 = "Abcdefgh1!x";
const c12 = "Abcdefgh1!xy";
const c256 = "A" + "b".repeat(PASSWORD_MAX_LENGTH - 3) + "1!";
const c257 = c256 + "z";

type Case = {
  label: string;
  password: string;
  context?: PasswordContext;
  confirm?: string;
  rule: PolicyRule | null;
  namePart?: string;
};

const cases: Case[] = [
  // Accepted
  { label: "three words, digits and hyphens", password: "Sunflower-Garden-42", rule: null },
  { label: "upper, lower and symbol, no digit", password: "Sunflower-garden", rule: null },
  { label: "upper, lower and digit, no symbol", password: "Sunflowergarden42", rule: null },
  { label: "lower, digit and symbol, no upper", password: "sunflower-garden-42", rule: null },
  { label: "spaces are allowed and count as symbols", password: "sunny day at the beach 7", rule: null },
  { label: "a digit may come first", password: "4Sunflower-xyz", rule: null },
  { label: "exactly 12 characters", password: c12, rule: null },
  { label: "exactly 256 characters", password: c256, rule: null },
  { label: "'Li' (2 letters) is not a name token", password: "Brilliant-Lions-7", context: liNa, rule: null },
  {
    label: "the e-mail domain gives no tokens",
    password: "Students-Rock-2024",
    context: nurAisyah,
    rule: null,
  },
  { label: "Unicode uppercase 'Ü' counts as uppercase", password: "Ünïcode-schön", rule: null },
  { label: "no e-mail and no full name", password: "Blue-Ocean-Waves-1", context: loginOnly, rule: null },
  {
    label: "matching confirmation",
    password: "Sunflower-Garden-42",
    confirm: "Sunflower-Garden-42",
    rule: null,
  },
  {
    label: "confirmation equal after NFC",
    password: "Café-Noir-2024",
    confirm: "Cafe\u0301-Noir-2024",
    rule: null,
  },

  // Length, counted in characters after NFC
  { label: "empty", password: "", rule: "length" },
  { label: "exactly 11 characters", password: c11, rule: "length" },
  { label: "11 code points (18 UTF-16 units)", password: "Abc1😀😀😀😀😀😀😀", rule: "length" },
  { label: "12 code points in NFD, 10 after NFC", password: "Re\u0301sume\u0301-ok1", rule: "length" },
  { label: "257 characters", password: c257, rule: "maxLength" },

  // First character
  { label: "first character '!'", password: "!Sunflower-42x", rule: "firstChar" },
  { label: "first character a space", password: " Sunflower-42x", rule: "firstChar" },
  { label: "first character an emoji", password: "😀Sunflower-42x", rule: "firstChar" },

  // Character classes
  { label: "lower and digits only", password: "sunflowergarden42", rule: "classes" },
  { label: "upper and symbols only", password: "SUNFLOWER-GARDEN", rule: "classes" },
  { label: "lowercase Unicode and symbol only", password: "ünïcode-schön", rule: "classes" },
  { label: "Unicode upper and lower only", password: "Ünïcodeschönes", rule: "classes" },

  // Name tokens, as Active Directory does it
  {
    label: "'tan' from the name",
    password: "Tangerine-Sky-99",
    context: alex,
    rule: "noName",
    namePart: "tan",
  },
  {
    label: "the login ID as a whole",
    password: "My-ALEX_TAN-pass1",
    context: alex,
    rule: "noName",
    namePart: "alex_tan",
  },
  {
    label: "'alex', case-insensitive",
    password: "Rose4aLeX!Day",
    context: alex,
    rule: "noName",
    namePart: "alex",
  },
  {
    label: "'wei' in capitals",
    password: "WEIQI-board-2024",
    context: alex,
    rule: "noName",
    namePart: "wei",
  },
  {
    label: "'ming' from the full name",
    password: "Mingle-Moon-2024",
    context: alex,
    rule: "noName",
    namePart: "ming",
  },
  {
    label: "'chen' next to 'Li'",
    password: "Chenille-Rug-2024",
    context: liNa,
    rule: "noName",
    namePart: "chen",
  },
  {
    label: "'ocean' from the e-mail",
    password: "Blue-Ocean-Waves-1",
    context: nurAisyah,
    rule: "noName",
    namePart: "ocean",
  },
  {
    label: "'siti', split at a tab",
    password: "Siti-Rocks-2024",
    context: withTab,
    rule: "noName",
    namePart: "siti",
  },
  {
    label: "'kumar', split at '#'",
    password: "Kumaran-Fast-88",
    context: withHash,
    rule: "noName",
    namePart: "kumar",
  },
  {
    label: "'2019', split at '#'",
    password: "Year-2019-Class!",
    context: withHash,
    rule: "noName",
    namePart: "2019",
  },
  {
    label: "'jun', split at ','",
    password: "Junebug-Flies-3",
    context: withComma,
    rule: "noName",
    namePart: "jun",
  },
  {
    label: "'anne', split at '-'",
    password: "Annexe-Block-12",
    context: withHyphen,
    rule: "noName",
    namePart: "anne",
  },
  {
    label: "'zoë' in Unicode capitals",
    password: "ZOË-Stars-2024",
    context: zoe,
    rule: "noName",
    namePart: "zoë",
  },
  {
    label: "'zoë' from a decomposed (NFD) name",
    password: "Zoë-Stars-2024",
    context: zoeDecomposed,
    rule: "noName",
    namePart: "zoë",
  },

  // Confirmation
  {
    label: "confirmation differs",
    password: "Sunflower-Garden-42",
    confirm: "Sunflower-Garden-43",
    rule: "confirm",
  },
  {
    label: "confirmation differs in case",
    password: "Sunflower-Garden-42",
    confirm: "sunflower-garden-42",
    rule: "confirm",
  },
  { label: "empty confirmation", password: "Sunflower-Garden-42", confirm: "", rule: "confirm" },
];

describe("password policy: one table of passwords", () => {
  it("has at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("$label: $rule", ({ password, context = alex, confirm, rule, namePart }) => {
    const failure = firstFailure(password, context, confirm);
    expect(failure?.rule ?? null).toBe(rule);
    expect(failure?.namePart).toBe(namePart);
    expect(meetsPolicy(password, context, confirm)).toBe(rule === null);
  });
});

describe("password policy: order of the reported failures", () => {
  const rulesFailing = (password: string, confirm?: string) =>
    checkPassword(password, alex, confirm)
      .filter((result) => !result.ok)
      .map((result) => result.rule);

  it("lists every rule in the order the page shows them, confirm last and only when given", () => {
    expect(checkPassword("Sunflower-Garden-42", alex).map((result) => result.rule)).toEqual([
      "length",
      "maxLength",
      "firstChar",
      "classes",
      "noName",
    ]);
    expect(checkPassword("Sunflower-Garden-42", alex, "x").map((result) => result.rule)).toEqual([
      "length",
      "maxLength",
      "firstChar",
      "classes",
      "noName",
      "confirm",
    ]);
  });

  it("reports length before the first character, the classes and the name", () => {
    expect(rulesFailing("!alex")).toEqual(["length", "firstChar", "classes", "noName"]);
    expect(firstFailure("!alex", alex)?.rule).toBe("length");
  });

  it("reports the first character before the classes and the name", () => {
    expect(rulesFailing("-alex-the-cat-")).toEqual(["firstChar", "classes", "noName"]);
    expect(firstFailure("-alex-the-cat-", alex)?.rule).toBe("firstChar");
  });

  it("reports the classes before the name", () => {
    expect(rulesFailing("tangerine-sky")).toEqual(["classes", "noName"]);
    expect(firstFailure("tangerine-sky", alex)?.rule).toBe("classes");
  });

  it("reports the name before the confirmation", () => {
    expect(rulesFailing("Tangerine-Sky-99", "something else")).toEqual(["noName", "confirm"]);
    expect(firstFailure("Tangerine-Sky-99", alex, "something else")).toEqual({
      rule: "noName",
      ok: false,
      namePart: "tan",
    });
  });

  it("reports a too long password as maxLength, not length", () => {
    expect(rulesFailing(c257)).toEqual(["maxLength"]);
  });

  it("names the matched part only for the name rule", () => {
    for (const result of checkPassword("!x", alex, "y")) {
      if (result.rule !== "noName") expect(result).not.toHaveProperty("namePart");
    }
  });
});

describe("password policy: long passwords", () => {
  const base = "Long-Passphrase-2024-".repeat(10).slice(0, 199);
  const first = base + "a";
  const second = base + "b";

  it("accepts two 200-character passwords that differ only in the last character", () => {
    expect([...first]).toHaveLength(200);
    expect([...second]).toHaveLength(200);
    expect(meetsPolicy(first, alex, first)).toBe(true);
    expect(meetsPolicy(second, alex, second)).toBe(true);
  });

  it("keeps them different: no truncation before comparing or hashing", () => {
    expect(normalisePassword(first)).not.toBe(normalisePassword(second));
    expect(firstFailure(first, alex, second)?.rule).toBe("confirm");
    expect(firstFailure(second, alex, first)?.rule).toBe("confirm");
  });
});

describe("nameTokens", () => {
  it("gives the whole login ID, then the 3+ character tokens of login ID, e-mail and name", () => {
    expect(nameTokens(alex)).toEqual(["alex_tan", "alex", "tan", "wei", "ming"]);
  });

  it("leaves out tokens of fewer than 3 characters", () => {
    expect(nameTokens(liNa)).toEqual(["s1234567", "chen"]);
    expect(nameTokens({ loginId: "s1", fullName: "Ng Yu An" })).toEqual(["s1"]);
  });

  it("uses only the local part of the e-mail", () => {
    expect(nameTokens(nurAisyah)).toEqual(["s7654321", "ocean", "breeze", "nur", "aisyah"]);
  });

  it("splits at spaces, '.', ',', '-', '_', '#' and tabs", () => {
    const context = { loginId: "aaa.bbb", fullName: "ccc,ddd-eee_fff#ggg\thhh  iii" };
    expect(nameTokens(context)).toEqual([
      "aaa.bbb",
      "aaa",
      "bbb",
      "ccc",
      "ddd",
      "eee",
      "fff",
      "ggg",
      "hhh",
      "iii",
    ]);
  });

  it("does not split at other characters such as an apostrophe or '@'", () => {
    expect(nameTokens({ loginId: "s3000001", fullName: "Liam O'Brien" })).toEqual([
      "s3000001",
      "liam",
      "o'brien",
    ]);
  });

  it("counts characters, not UTF-16 units: a two-character name is not a token", () => {
    expect(nameTokens({ loginId: "s3000002", fullName: "\u{20BB7}野 Lee" })).toEqual(["s3000002", "lee"]);
  });

  it("normalises the name to NFC, as the password is", () => {
    expect(nameTokens(zoeDecomposed)).toEqual(["s2000005", "zoë"]);
  });

  it("gives nothing for an empty login ID", () => {
    expect(nameTokens({ loginId: "  " })).toEqual([]);
  });
});

describe("characterClasses", () => {
  it.each([
    ["abc", 1],
    ["ABC", 1],
    ["123", 1],
    ["!!!", 1],
    ["aB", 2],
    ["aB1", 3],
    ["aB1!", 4],
    ["a b", 2],
    ["Ü", 1],
    ["ü1", 2],
    ["", 0],
  ])("%j has %i classes", (password, count) => {
    expect(characterClasses(password)).toBe(count);
  });
});

describe("limits", () => {
  it("are 12 and 256 characters", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    expect([...c11]).toHaveLength(11);
    expect([...c12]).toHaveLength(12);
    expect([...c256]).toHaveLength(256);
    expect([...c257]).toHaveLength(257);
  });
});
