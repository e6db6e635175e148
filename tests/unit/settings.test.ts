// The settings a server start reads (lib/server/settings.ts): each wrong or missing value is one line
// that names the variable and says what it expects, and never repeats the value (it may be a
// secret or hold a password).
import { describe, expect, it } from "vitest";
import { isStrongSecret, parseSettings, schoolTimeZoneOf, settingsProblems } from "@/lib/server/settings";

const PRODUCTION = {
  NODE_ENV: "production",
  AUTH_SECRET: "Jq3v9Zp1Lx7Rk2Wb8Nc4Ty6Hd0Fs5Gm3Ae7Ui9Oo1=",
  ENCRYPTION_KEYS: "k1:S2V5LWZvci1zZWFsaW5nLXNlY3JldHMtMDEyMzQ1Njc4OQ==",
  DATABASE_URL: "postgres://sspr_web:s3cret-pw@db.internal:5432/sspr",
};

/** The problems of a production start with `change` applied. */
const problems = (change: Record<string, string | undefined>) =>
  settingsProblems({ ...PRODUCTION, ...change });

function expectOneLine(found: string[], variable: string, expects: RegExp, value?: string) {
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(new RegExp(`^${variable}: `));
  expect(found[0]).toMatch(expects);
  if (value) expect(found[0]).not.toContain(value);
}

describe("a production start's settings", () => {
  it("has no problem when everything needed is given and well formed", () => {
    expect(problems({})).toEqual([]);
    expect(parseSettings(PRODUCTION).settings).toMatchObject({ RATE_LIMIT_SIGN_IN: 300, LOG_LEVEL: "info" });
  });

  it("refuses a missing AUTH_SECRET", () => {
    expectOneLine(
      problems({ AUTH_SECRET: undefined }),
      "AUTH_SECRET",
      /missing; expected a random secret of at least 32 characters/,
    );
    expectOneLine(problems({ AUTH_SECRET: "" }), "AUTH_SECRET", /missing/);
  });

  it("refuses a weak AUTH_SECRET: too short, a placeholder, or too few different characters", () => {
    for (const weak of [
      "short-secret-123",
      "change-me-change-me-change-me-change-me",
      "your-secret-here-0123456789abcdefghij",
      "a".repeat(48),
      "abababababababababababababababababababab",
    ]) {
      expectOneLine(
        problems({ AUTH_SECRET: weak }),
        "AUTH_SECRET",
        /at least 32 characters .*not a placeholder/,
        weak,
      );
    }
    expect(isStrongSecret(PRODUCTION.AUTH_SECRET)).toBe(true);
  });

  it("refuses a missing ENCRYPTION_KEYS", () => {
    expectOneLine(
      problems({ ENCRYPTION_KEYS: undefined }),
      "ENCRYPTION_KEYS",
      /missing; expected id:base64secret/,
    );
  });

  it("refuses a malformed DATABASE_URL, without repeating it (it holds a password)", () => {
    for (const url of [
      "http://db.internal/sspr",
      "db.internal:5432/sspr",
      "postgres://",
      "mysql://u:s3cret-pw@db/sspr",
    ]) {
      const found = problems({ DATABASE_URL: url });
      expectOneLine(
        found,
        "DATABASE_URL",
        /^DATABASE_URL: expected a PostgreSQL URL: postgres:\/\/user:password@host:5432\/database$/,
      );
    }
    expect(problems({ DATABASE_URL: "mysql://u:s3cret-pw@db/sspr" })[0]).not.toContain("s3cret-pw");
  });

  it("refuses a malformed SMTP_URL, without repeating it", () => {
    for (const url of [
      "http://mail.example:25",
      "mail.example:587",
      "smtp://u:mail-pw@mail.example?requireTLS=maybe",
    ]) {
      expectOneLine(
        problems({ SMTP_URL: url }),
        "SMTP_URL",
        /expected smtp:\/\/user:password@host:587/,
        "mail-pw",
      );
    }
    expect(problems({ SMTP_URL: "smtp://u:p@mail.example:587" })).toEqual([]);
  });

  it("refuses a malformed APP_URL", () => {
    for (const url of ["reset.moe.example", "ftp://reset.moe.example", "https://"]) {
      expectOneLine(
        problems({ APP_URL: url }),
        "APP_URL",
        /^APP_URL: expected the app's public address, such as https:\/\/sspr\.school\.example$/,
      );
    }
  });

  it("refuses malformed PASSWORD_PEPPERS, saying which entry, never the secret", () => {
    expectOneLine(
      problems({ PASSWORD_PEPPERS: "k1" }),
      "PASSWORD_PEPPERS",
      /entry 1: write it as id:base64secret/,
    );
    expectOneLine(
      problems({ PASSWORD_PEPPERS: "k1:c2hvcnQ=" }),
      "PASSWORD_PEPPERS",
      /entry 1: the secret must be base64 of at least 32 bytes/,
      "c2hvcnQ=",
    );
  });

  it("refuses a limit that is not a number, or not a whole one", () => {
    expectOneLine(
      problems({ RATE_LIMIT_SIGN_IN: "lots" }),
      "RATE_LIMIT_SIGN_IN",
      /expected a whole number of at least 1/,
    );
    expectOneLine(
      problems({ SSPR_MAX_WRONG_ANSWERS: "3.5" }),
      "SSPR_MAX_WRONG_ANSWERS",
      /expected a whole number from 1 to 20/,
    );
    expectOneLine(
      problems({ HASH_QUEUE_LIMIT: "200k" }),
      "HASH_QUEUE_LIMIT",
      /expected a whole number of at least 0/,
    );
    expectOneLine(
      problems({ TRUST_PROXY_HOPS: "one" }),
      "TRUST_PROXY_HOPS",
      /expected a whole number from 0 to 5/,
    );
  });

  it("has one school time zone for pages and notices: SCHOOL_TIME_ZONE, or its older name, or Singapore", () => {
    const zoneOf = (given: Record<string, string>) =>
      schoolTimeZoneOf(parseSettings({ ...PRODUCTION, ...given }).settings!);
    expect(zoneOf({})).toBe("Asia/Singapore");
    expect(zoneOf({ MAIL_TIME_ZONE: "Asia/Kuala_Lumpur" })).toBe("Asia/Kuala_Lumpur");
    expect(zoneOf({ SCHOOL_TIME_ZONE: "Asia/Kolkata", MAIL_TIME_ZONE: "Asia/Kuala_Lumpur" })).toBe(
      "Asia/Kolkata",
    );
    expect(problems({ SCHOOL_TIME_ZONE: "Mars/Olympus_Mons" })).toEqual([
      "SCHOOL_TIME_ZONE: expected an IANA time zone such as Asia/Singapore",
    ]);
  });

  it("says every problem at once, one line each", () => {
    const found = problems({
      AUTH_SECRET: undefined,
      DATABASE_URL: "mysql://db/sspr",
      SMTP_URL: "http://mail",
      APP_URL: "nowhere",
      PASSWORD_PEPPERS: "bad",
      RATE_LIMIT_RESET: "many",
    });
    expect(found.map((line) => line.split(":")[0]).sort()).toEqual(
      ["APP_URL", "AUTH_SECRET", "DATABASE_URL", "PASSWORD_PEPPERS", "RATE_LIMIT_RESET", "SMTP_URL"].sort(),
    );
  });

  it("refuses the embedded database on Vercel, where a function has no lasting disk", () => {
    expectOneLine(
      problems({ VERCEL: "1", DATABASE_URL: undefined }),
      "DATABASE_URL",
      /On Vercel .* no lasting disk/,
    );
    expect(problems({ VERCEL: "1" })).toEqual([]);
  });
});

describe("a development start's settings", () => {
  it("needs no secret (they are generated in the data folder), but still refuses a malformed value", () => {
    expect(settingsProblems({ NODE_ENV: "development" })).toEqual([]);
    expect(settingsProblems({ NODE_ENV: "development", RATE_LIMIT_SIGN_IN: "x" })).toHaveLength(1);
  });
});
