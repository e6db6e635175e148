// Story: a family reads every page in English, 中文, Bahasa Melayu or தமிழ். Each translation has
// exactly the English tree's family keys (none missing, none extra, each function taking the same
// arguments), says real words in its own script, and the language is chosen the way the reader
// expects: their own choice, then their browser's, then English.
import { describe, expect, it } from "vitest";
import { errorWords, sayErrorIn } from "@/lib/forms/parse";
import { en, FAMILY_AREAS, type SchoolMail } from "@/lib/messages/en";
import {
  isLocale,
  isSchoolPath,
  localeOf,
  LOCALE_NAMES,
  LOCALES,
  negotiateLocale,
  safeBackPath,
} from "@/lib/messages/locales";
import { pseudoText } from "@/lib/messages/pseudo";
import { messagesFor, questionText, TRANSLATIONS } from "@/lib/messages/tree";

const SCHOOL_MAIL: SchoolMail[] = ["schoolAccountLocked", "schoolSignInSlowed", "secondFactorLocked"];

/** The English family tree's shape: every leaf by its path, with a function's arity. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}()${value.length}`];
  if (typeof value === "string") return [path];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key));
  return [`${path}:${typeof value}`];
}

const englishFamily = () => {
  const mail = Object.fromEntries(
    Object.entries(en.mail).filter(([key]) => !SCHOOL_MAIL.includes(key as SchoolMail)),
  );
  return Object.fromEntries(FAMILY_AREAS.map((area) => [area, area === "mail" ? mail : en[area]]));
};

/** A sample for each parameter, by its name. */
const SAMPLES: Record<string, unknown> = {
  name: "Siti",
  how: "self_service",
  until: "31/12/2026",
  contact: "office@school.sg",
  url: "https://sspr.example/admin",
  replaced: false,
  part: "siti",
  word: "mims",
  className: "P3",
};

/** Every leaf's words, with each function called on samples for its parameters. */
function wordsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    const params = /^\(([^)]*)\)/.exec(String(value))?.[1] ?? "";
    const args = params
      .split(",")
      .map(
        (p) =>
          p
            .trim()
            .replace(/^_/, "")
            .split(/[:=\s]/)[0] ?? "",
      )
      .filter(Boolean)
      .map((p) => (p in SAMPLES ? SAMPLES[p] : 3));
    return [String((value as (...a: unknown[]) => unknown)(...args))];
  }
  if (value && typeof value === "object") return Object.values(value).flatMap(wordsOf);
  return [];
}

describe("the four languages", () => {
  const real = LOCALES.filter((l) => l !== "en");

  it.each(real)("%s has exactly the English family keys, each function with its arguments", (locale) => {
    const translation = TRANSLATIONS[locale];
    expect(shape(translation).sort()).toEqual(shape(englishFamily()).sort());
  });

  it.each(real)("%s: no empty words, and no family word left the same as the English", (locale) => {
    const own = wordsOf(TRANSLATIONS[locale]);
    const english = wordsOf(englishFamily());
    expect(own.filter((w) => w.trim() === "")).toEqual([]);
    // A name kept as it is (MIMS) is not a sentence left in English.
    const same = own.filter((w, i) => w === english[i] && /[a-z]{3,}\s+[a-z]{3,}/i.test(w));
    expect(same).toEqual([]);
  });

  it.each(["zh", "ta"] as const)("%s: no English word in its own script's words", (locale) => {
    // MIMS, and the example code a child is shown (ACDE-7KMN).
    const allowed = /^(MIMS|ID|e-mail|A-Z|a-z|ACDE|KMN)$/i;
    const english = wordsOf(TRANSLATIONS[locale])
      .flatMap(
        (w) =>
          w
            .replace(/Siti|siti|mims|office@school\.sg|https:\/\/sspr\.example\/admin/g, "")
            .match(/[A-Za-z]{3,}/g) ?? [],
      )
      .filter((word) => !allowed.test(word));
    expect(english).toEqual([]);
    expect(wordsOf(TRANSLATIONS[locale]).filter((w) => /undefined|NaN|\[object/.test(w))).toEqual([]);
  });

  it("keeps the seed's English labels word for word", () => {
    expect([en.login.heading, en.sspr.checkAnswers, en.setup.submit, en.changePassword.heading]).toEqual([
      "Log In",
      "Check Answers",
      "Save Answers",
      "Change Password",
    ]);
    expect(messagesFor("en")).toBe(en);
  });

  it("asks the same question, by its id, in every language", () => {
    for (const locale of LOCALES) {
      const texts = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => questionText(messagesFor(locale), id));
      expect(new Set(texts).size).toBe(8);
      expect(texts.every((text) => text.length > 3)).toBe(true);
    }
    expect(questionText(en, 9)).toBe("");
  });

  it("keeps the school's notices and pages English in every language", () => {
    for (const locale of LOCALES) {
      const t = messagesFor(locale);
      expect(t.admin).toBe(en.admin);
      expect(t.mail.schoolAccountLocked).toBe(en.mail.schoolAccountLocked);
    }
  });

  it("names each language in itself", () => {
    expect(LOCALE_NAMES).toEqual({ en: "English", zh: "中文", ms: "Bahasa Melayu", ta: "தமிழ்" });
  });
});

describe("choosing the language", () => {
  it("takes the best of Accept-Language that the service speaks", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale("fr-FR,ta;q=0.5,ms;q=0.7")).toBe("ms");
    expect(negotiateLocale("ta-SG")).toBe("ta");
    expect(negotiateLocale("de, fr;q=0.9")).toBeNull();
    expect(negotiateLocale("zh;q=0, en")).toBe("en");
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
    expect(negotiateLocale("qps")).toBeNull();
  });

  it("puts the reader's own choice (the cookie) before the browser's, and English last", () => {
    expect(localeOf("a=1; lang=ta; b=2", "zh-CN")).toBe("ta");
    expect(localeOf("lang=xx", "ms")).toBe("ms");
    expect(localeOf(null, null)).toBe("en");
    expect(localeOf("lang=en", "zh")).toBe("en");
  });

  it("never offers the pseudo-locale outside the browser tests' server", () => {
    const before = process.env.PSEUDO_LOCALE;
    delete process.env.PSEUDO_LOCALE;
    expect(isLocale("qps")).toBe(false);
    expect(localeOf("lang=qps", null)).toBe("en");
    process.env.PSEUDO_LOCALE = "1";
    expect(localeOf("lang=qps", null)).toBe("qps");
    if (before === undefined) delete process.env.PSEUDO_LOCALE;
    else process.env.PSEUDO_LOCALE = before;
  });

  it("goes back only to a page of this service", () => {
    expect(safeBackPath("/sspr/challenge?school=2")).toBe("/sspr/challenge?school=2");
    for (const hostile of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:x",
      "",
      5,
      "/a b",
    ])
      expect(safeBackPath(hostile)).toBe("/login");
  });

  it("keeps the school's pages English", () => {
    expect(
      ["/admin", "/admin/students/4", "/admin?x=1", "/dev/mailbox", "/teacher", "/teacher/students/4"].map(
        isSchoolPath,
      ),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ["/", "/login", "/sspr", "/administrator", "/setup-questions", "/teachers-room"].map(isSchoolPath),
    ).toEqual([false, false, false, false, false, false]);
  });
});

describe("form errors in the reader's language", () => {
  it("says a schema's error codes in each language, with the number a limit needs", () => {
    for (const locale of LOCALES) {
      const t = messagesFor(locale);
      expect(sayErrorIn("required", t)).toBe(t.errors.required);
      expect(sayErrorIn("tooLong:80", t)).toBe(t.errors.tooLong(80));
      expect(errorWords(t, [80])["tooLong:80"]).toBe(t.errors.tooLong(80));
    }
    // A school's form says its own English words: they pass through as they are.
    expect(sayErrorIn("Choose a school.", en)).toBe("Choose a school.");
  });

  it("makes the pseudo-locale's words unmistakable and longer", () => {
    const word = pseudoText("Log In");
    expect(word).not.toMatch(/[A-Za-z]/);
    expect(word.length).toBeGreaterThan("Log In".length);
  });
});
