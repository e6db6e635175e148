// Every setting the service reads from its environment, in one schema, checked once before the
// first request (lib/server/startup.ts) and read through lib/server/config.ts. A problem is said in one line that
// names the variable and what it expects, and never repeats the value (it may be a secret or hold
// a password). No `server-only` here: the tests check the schema as a module.
import { z } from "zod";
import { smtpRequiresTls } from "../mail/smtp-url";
import { keyListSchema, pepperRingSchema } from "../crypto/peppers";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A URL of one of `protocols`, with a host. Node's URL error quotes its input: never used. */
function isUrl(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Placeholders copied from examples, and secrets with too few different characters to be random:
 *  `openssl rand -base64 32` gives 44 characters of some 30 different ones. */
const PLACEHOLDER = /change|replace|example|placeholder|your[-_ ]?secret|^(.)\1+$/i;
const AUTH_SECRET_MIN = 32;
export function isStrongSecret(secret: string): boolean {
  return secret.length >= AUTH_SECRET_MIN && new Set(secret).size >= 12 && !PLACEHOLDER.test(secret);
}

const whole = (min: number, max?: number) => {
  const base = z.coerce.number().int().min(min);
  return max === undefined ? base : base.max(max);
};

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const settingsSchema = z.object({
  NODE_ENV: z.string().default("development"),
  // PostgreSQL; unset: the embedded PGlite in DATA_DIR (one process, refused on Vercel).
  DATABASE_URL: z
    .string()
    .refine((url) => isUrl(url, ["postgres:", "postgresql:"]))
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().refine(isStrongSecret).optional(),
  // Secrets the app reads back (TOTP keys, login slips) are sealed with these, not AUTH_SECRET.
  ENCRYPTION_KEYS: keyListSchema("ENCRYPTION_KEYS"),
  // lib/crypto/hashing.ts reads it itself (lib/crypto/peppers.ts): the seed script hashes outside the server.
  PASSWORD_PEPPERS: pepperRingSchema,
  // The demo schools and accounts: seeded into an empty embedded database in development, and
  // otherwise only when SEED_DEMO=1 says so (never by forgetting a variable in production).
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  SSPR_MAX_WRONG_ANSWERS: whole(1, 20).default(3),
  SSPR_LOCK_MINUTES: z.coerce
    .number()
    .min(0.01)
    .max(24 * 60)
    .default(15),
  SSPR_LOCKS_BEFORE_ACCOUNT_LOCK: whole(1, 20).default(3),
  SSPR_GRANT_MINUTES: z.coerce.number().min(1).max(60).default(15),
  // Proxies in front of the app that append to X-Forwarded-For (lib/http/client-address.ts).
  TRUST_PROXY_HOPS: whole(0, 5).optional(),
  RATE_LIMIT_WINDOW_SECONDS: whole(1, 3600).default(300),
  // A class of 40 signing in at once after the yearly reset, several tries each, stays under.
  RATE_LIMIT_SIGN_IN: whole(1).default(300),
  RATE_LIMIT_RESET: whole(1).default(150),
  // Pages of the reset path read (GET), per client address and window: a family reads about 5.
  RATE_LIMIT_RESET_PAGES: whole(1).default(600),
  // lib/crypto/hash-pool.ts reads it itself (the scripts hash too); checked here with the rest.
  HASH_QUEUE_LIMIT: whole(0).default(200),
  // How long a sign-in or Check Answers may be expected to wait for its answer; beyond it, it is
  // refused at once with a 503 (lib/http/admission.ts): the rest of a rush is answered within about this.
  ADMISSION_WAIT_MS: whole(10, 60_000).default(1000),
  SMTP_URL: z
    .string()
    .refine((url) => isUrl(url, ["smtp:", "smtps:"]))
    // Plain text only when the URL says so (lib/mail/smtp-url.ts); the message never quotes it.
    .superRefine((url, ctx) => {
      try {
        smtpRequiresTls(url);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : "" });
      }
    })
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default("MIMS Student SSPR <no-reply@localhost>"),
  MAIL_MAX_ATTEMPTS: whole(1, 50).default(12),
  // The school's time zone, for the pages and the notices alike; MAIL_TIME_ZONE is its older name.
  SCHOOL_TIME_ZONE: z.string().refine(isTimeZone).optional(),
  MAIL_TIME_ZONE: z.string().refine(isTimeZone).optional(),
  // The address families and the school open the app at: the unlock link in the school's notice.
  APP_URL: z
    .string()
    .refine((url) => isUrl(url, ["http:", "https:"]))
    .default("http://localhost:3000"),
  // Enables /api/cron/outbox (for hosts without long-running processes). Unset: the route is a 404.
  CRON_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  // Set by Vercel on its build and functions.
  VERCEL: z.string().optional(),
});

export type Settings = z.output<typeof settingsSchema>;
type Variable = keyof Settings;

/** What each variable expects, for the line that says it is wrong. */
const EXPECTS: Record<Variable, string> = {
  NODE_ENV: "production, development or test",
  DATABASE_URL: "a PostgreSQL URL: postgres://user:password@host:5432/database",
  DATA_DIR: "a folder for the embedded database",
  AUTH_SECRET: `a random secret of at least ${AUTH_SECRET_MIN} characters (openssl rand -base64 32), not a placeholder`,
  ENCRYPTION_KEYS: "id:base64secret entries, comma-separated, current first (k1:$(openssl rand -base64 32))",
  PASSWORD_PEPPERS: "id:base64secret entries, comma-separated, current first (k1:$(openssl rand -base64 32))",
  SEED_DEMO: "1 (seed the demo accounts into an empty database) or 0",
  SSPR_MAX_WRONG_ANSWERS: "a whole number from 1 to 20",
  SSPR_LOCK_MINUTES: "a number of minutes from 0.01 to 1440",
  SSPR_LOCKS_BEFORE_ACCOUNT_LOCK: "a whole number from 1 to 20",
  SSPR_GRANT_MINUTES: "a number of minutes from 1 to 60",
  TRUST_PROXY_HOPS: "a whole number from 0 to 5: the proxies in front of the app",
  RATE_LIMIT_WINDOW_SECONDS: "a whole number of seconds from 1 to 3600",
  RATE_LIMIT_SIGN_IN: "a whole number of at least 1",
  RATE_LIMIT_RESET: "a whole number of at least 1",
  RATE_LIMIT_RESET_PAGES: "a whole number of at least 1",
  HASH_QUEUE_LIMIT: "a whole number of at least 0",
  ADMISSION_WAIT_MS: "a whole number of milliseconds from 10 to 60000",
  SMTP_URL: "smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465",
  MAIL_FROM: "a sender of 3 to 200 characters, such as MIMS Student SSPR <no-reply@school.example>",
  MAIL_MAX_ATTEMPTS: "a whole number from 1 to 50",
  SCHOOL_TIME_ZONE: "an IANA time zone such as Asia/Singapore",
  MAIL_TIME_ZONE: "an IANA time zone such as Asia/Singapore (the older name of SCHOOL_TIME_ZONE)",
  APP_URL: "the app's public address, such as https://sspr.school.example",
  CRON_SECRET: "a secret of at least 32 characters (openssl rand -base64 32)",
  LOG_LEVEL: LOG_LEVELS.join(", "),
  VERCEL: "set by Vercel",
};

const VARIABLES = Object.keys(EXPECTS) as Variable[];

/** The variables the schema reads, an empty one counting as unset. */
function given(source: Record<string, string | undefined>): Partial<Record<Variable, string>> {
  return Object.fromEntries(VARIABLES.flatMap((name) => (source[name] ? [[name, source[name]]] : [])));
}

export type ParsedSettings =
  { settings: Settings; problems: [] } | { settings: null; problems: [string, ...string[]] };

/** The settings, or one line per variable that is wrong. */
export function parseSettings(source: Record<string, string | undefined>): ParsedSettings {
  const result = settingsSchema.safeParse(given(source));
  if (result.success) return { settings: result.data, problems: [] };
  const lines = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "");
    if (lines.has(name)) continue;
    // A custom issue says which entry or which part (never the value); the others, what is expected.
    const said = issue.code === "custom" && issue.message && issue.message !== "Invalid input";
    const detail = said ? ` (${issue.message})` : "";
    lines.set(name, `${name}: expected ${EXPECTS[name as Variable] ?? "a valid value"}${detail}`);
  }
  const problems = [...lines.values()];
  return { settings: null, problems: problems as [string, ...string[]] };
}

/** What a server start needs beyond well-formed values: in production, the secrets (never
 *  generated there); on Vercel, a database that outlives a function. */
function startProblems(values: Partial<Record<Variable, string>>): string[] {
  const problems: string[] = [];
  const missing = (name: Variable, why = "") =>
    problems.push(`${name}: missing; expected ${EXPECTS[name]}${why}`);
  if ((values.NODE_ENV ?? "development") === "production") {
    if (!values.AUTH_SECRET) missing("AUTH_SECRET");
    if (!values.ENCRYPTION_KEYS) missing("ENCRYPTION_KEYS");
  }
  if (values.VERCEL && !values.DATABASE_URL) {
    missing(
      "DATABASE_URL",
      ". On Vercel the embedded database cannot be used: a serverless function has no lasting disk",
    );
  }
  return problems;
}

/** Every problem a server start with `source` has, one line each: empty when it may start. */
/** The school's time zone: SCHOOL_TIME_ZONE, else its older name MAIL_TIME_ZONE, else Singapore. */
export function schoolTimeZoneOf(settings: { SCHOOL_TIME_ZONE?: string; MAIL_TIME_ZONE?: string }): string {
  return settings.SCHOOL_TIME_ZONE ?? settings.MAIL_TIME_ZONE ?? "Asia/Singapore";
}

export function settingsProblems(source: Record<string, string | undefined>): string[] {
  return [...parseSettings(source).problems, ...startProblems(given(source))];
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`The settings have problems:\n${problems.join("\n")}`);
    this.name = "SettingsError";
  }
}
