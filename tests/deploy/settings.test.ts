// Story: an operator starts the image with a setting missing or wrong. The server does not come
// up half-configured: it exits non-zero before its first request, with one line per problem that
// names the variable and what it expects, and never the value given (it may be a secret or hold a
// password). Each problem on its own, then all at once.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildImage, startServer, type Image } from "./image";

const GOOD = {
  AUTH_SECRET: randomBytes(32).toString("base64"),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
  DATABASE_URL: "postgres://sspr_web:db-password-123@127.0.0.1:5432/sspr_nowhere",
  TRUST_PROXY_HOPS: "0",
};

const CASES: {
  name: string;
  change: Record<string, string | undefined>;
  variable: string;
  expects: RegExp;
  hidden?: string;
}[] = [
  {
    name: "a missing AUTH_SECRET",
    change: { AUTH_SECRET: undefined },
    variable: "AUTH_SECRET",
    expects: /missing; expected a random secret/,
  },
  {
    name: "a weak AUTH_SECRET",
    change: { AUTH_SECRET: "changeme-changeme-changeme-changeme" },
    variable: "AUTH_SECRET",
    expects: /at least 32 characters/,
    hidden: "changeme-changeme",
  },
  {
    name: "a malformed DATABASE_URL",
    change: { DATABASE_URL: "mysql://root:db-password-123@db/sspr" },
    variable: "DATABASE_URL",
    expects: /expected a PostgreSQL URL/,
    hidden: "db-password-123",
  },
  {
    name: "a malformed SMTP_URL",
    change: { SMTP_URL: "mail.example:587" },
    variable: "SMTP_URL",
    expects: /expected smtp:\/\//,
    hidden: "mail.example:587",
  },
  {
    name: "a malformed APP_URL",
    change: { APP_URL: "reset.moe.example" },
    variable: "APP_URL",
    expects: /expected the app's public address/,
    hidden: "reset.moe.example",
  },
  {
    name: "malformed PASSWORD_PEPPERS",
    change: { PASSWORD_PEPPERS: "k1:c2hvcnQ=" },
    variable: "PASSWORD_PEPPERS",
    expects: /at least 32 bytes/,
    hidden: "c2hvcnQ=",
  },
  {
    name: "a limit that is not a number",
    change: { RATE_LIMIT_SIGN_IN: "lots" },
    variable: "RATE_LIMIT_SIGN_IN",
    expects: /expected a whole number of at least 1/,
  },
  {
    name: "the embedded database on Vercel",
    change: { DATABASE_URL: undefined, VERCEL: "1" },
    variable: "DATABASE_URL",
    expects: /no lasting disk/,
  },
];

let image: Image;

beforeAll(() => {
  image = buildImage();
});

afterAll(() => image?.remove());

/** Starts the image's server with `settings`; what it said and how it ended. */
async function startWith(port: number, change: Record<string, string | undefined>) {
  const settings = Object.fromEntries(
    Object.entries({ ...GOOD, ...change }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const server = startServer(image, port, settings);
  const killer = setTimeout(() => server.child.kill("SIGKILL"), 30_000);
  const exit = await server.exited;
  clearTimeout(killer);
  const problems = server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("[sspr] setting "))
    .map((line) => line.slice("[sspr] setting ".length));
  return { exit, problems, output: server.output() };
}

describe("a production start with a wrong setting", () => {
  it.each(CASES.map((c, i) => ({ ...c, port: 3250 + i })))(
    "exits non-zero, saying so in one line: $name",
    async ({ change, variable, expects, hidden, port }) => {
      const { exit, problems, output } = await startWith(port, change);
      expect(exit.code).toBe(1);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${variable}: `));
      expect(problems[0]).toMatch(expects);
      if (hidden) expect(output).not.toContain(hidden);
      expect(output).toContain("not started: 1 setting(s) to fix");
    },
  );

  it("says every problem at once, one line each", async () => {
    const { exit, problems, output } = await startWith(3249, {
      AUTH_SECRET: undefined,
      DATABASE_URL: "mysql://root:db-password-123@db/sspr",
      SMTP_URL: "mail.example:587",
      APP_URL: "reset.moe.example",
      PASSWORD_PEPPERS: "k1:c2hvcnQ=",
      RATE_LIMIT_SIGN_IN: "lots",
    });
    expect(exit.code).toBe(1);
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual(
      ["APP_URL", "AUTH_SECRET", "DATABASE_URL", "PASSWORD_PEPPERS", "RATE_LIMIT_SIGN_IN", "SMTP_URL"].sort(),
    );
    expect(output).not.toContain("db-password-123");
  });
});
