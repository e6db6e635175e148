import "server-only";
import { z } from "zod";
import type { LockoutConfig } from "./lockout";
import type { RateLimitConfig } from "./rate-limit";
import { readOrCreateDevSecret } from "./dev-secret";
import { keyListSchema, pepperRingSchema } from "./peppers";
import { smtpRequiresTls } from "./mail/smtp-url";
import { keyRing, type KeyRing } from "./secret-box";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `ENCRYPTION_KEYS`: `id:base64secret` entries, comma-separated, current first (lib/secret-box.ts).
 *  Unset: generated in the data folder outside production; required in production. */
const encryptionKeysSchema = keyListSchema("ENCRYPTION_KEYS");

// Environment, validated once at start-up. Every number of the lockout gate is configuration.
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32).optional(),
  SSPR_MAX_WRONG_ANSWERS: z.coerce.number().int().min(1).max(20).default(3),
  SSPR_LOCK_MINUTES: z.coerce
    .number()
    .min(0.01)
    .max(24 * 60)
    .default(15),
  SSPR_LOCKS_BEFORE_ACCOUNT_LOCK: z.coerce.number().int().min(1).max(20).default(3),
  SSPR_GRANT_MINUTES: z.coerce.number().min(1).max(60).default(15),
  // Validated here with the rest, so a bad value stops start-up; lib/hashing.ts reads it itself
  // (lib/peppers.ts), because the seed script hashes outside the server, where this module can't load.
  PASSWORD_PEPPERS: pepperRingSchema,
  // Proxies in front of the app that append to X-Forwarded-For (0: the app faces clients, and the
  // TCP peer is the client; the header is then ignored). lib/client-address.ts.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).optional(),
  // Secrets the app reads back (TOTP keys, login slips) are sealed with these, not AUTH_SECRET.
  ENCRYPTION_KEYS: encryptionKeysSchema,
  // The demo schools and accounts: seeded into an empty embedded database in development, and
  // otherwise only when SEED_DEMO=1 says so (never by forgetting a variable in production).
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  // A class of 40 signing in at once after the yearly reset, several tries each, stays under.
  RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_RESET: z.coerce.number().int().min(1).default(150),
  // Pages of the reset path read (GET), per client address and window: a family reads about 5.
  RATE_LIMIT_RESET_PAGES: z.coerce.number().int().min(1).default(600),
  // E-mail notices (lib/mail): unset SMTP_URL keeps them in the development mailbox (/dev/mailbox).
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//.test(url), "SMTP_URL must start with smtp:// or smtps://")
    // Plain text only when the URL says so (lib/mail/smtp-url.ts); the message never quotes it.
    .superRefine((url, ctx) => {
      try {
        smtpRequiresTls(url);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: error instanceof Error ? error.message : "SMTP_URL is not valid",
        });
      }
    })
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default("MIMS Student SSPR <no-reply@localhost>"),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  MAIL_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "MAIL_TIME_ZONE must be an IANA time zone such as Asia/Singapore")
    .default("Asia/Singapore"),
  // The address families and the school open the app at: the unlock link in the school's notice.
  APP_URL: z.string().url().default("http://localhost:3000"),
  // Enables /api/cron/outbox (for hosts without long-running processes). Unset: the route is a 404.
  CRON_SECRET: z.string().min(32).optional(),
  NODE_ENV: z.string().default("development"),
});

const env = envSchema.parse({
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  AUTH_SECRET: process.env.AUTH_SECRET || undefined,
  PASSWORD_PEPPERS: process.env.PASSWORD_PEPPERS || undefined,
  SMTP_URL: process.env.SMTP_URL || undefined,
  MAIL_FROM: process.env.MAIL_FROM || undefined,
  APP_URL: process.env.APP_URL || undefined,
  CRON_SECRET: process.env.CRON_SECRET || undefined,
  TRUST_PROXY_HOPS: process.env.TRUST_PROXY_HOPS || undefined,
  ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS || undefined,
  SEED_DEMO: process.env.SEED_DEMO || undefined,
});

const isProduction = env.NODE_ENV === "production";
const appUrl = env.APP_URL.replace(/\/+$/, "");

export const config = {
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  isProduction,
  /** Demo data into an empty database: in development, or when SEED_DEMO=1 asks for it. */
  seedDemo: env.SEED_DEMO === "1" || (env.SEED_DEMO === undefined && env.NODE_ENV === "development"),
  /** Cookies carry `Secure` because the service is https (APP_URL) or in production, never
   *  because of what a request's X-Forwarded-Proto says. */
  secureCookies: isProduction || appUrl.startsWith("https://"),
  lockout: {
    maxWrongAnswers: env.SSPR_MAX_WRONG_ANSWERS,
    lockMinutes: env.SSPR_LOCK_MINUTES,
    locksBeforeAccountLock: env.SSPR_LOCKS_BEFORE_ACCOUNT_LOCK,
  } satisfies LockoutConfig,
  grantMinutes: env.SSPR_GRANT_MINUTES,
  trustProxyHops: env.TRUST_PROXY_HOPS ?? 0,
  /** Whether the operator said how many proxies there are (production warns when not). */
  trustProxyHopsSet: env.TRUST_PROXY_HOPS !== undefined,
  rateLimit: {
    windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    limits: {
      signIn: env.RATE_LIMIT_SIGN_IN,
      reset: env.RATE_LIMIT_RESET,
      resetPages: env.RATE_LIMIT_RESET_PAGES,
    },
  } satisfies RateLimitConfig,
  mail: {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    maxAttempts: env.MAIL_MAX_ATTEMPTS,
    timeZone: env.MAIL_TIME_ZONE,
  },
  appUrl,
  cronSecret: env.CRON_SECRET,
};

let secret: string | undefined;
/** AUTH_SECRET, or in development a secret generated once and kept in the data folder. */
export function authSecret(): string {
  secret ??= env.AUTH_SECRET ?? readOrCreateDevSecret(env.DATA_DIR, config.isProduction);
  return secret;
}

let keys: KeyRing | undefined;
/** The ENCRYPTION_KEYS, or in development a key generated once and kept in the data folder. Boxes
 *  of the first version (sealed under AUTH_SECRET) still open, to be sealed again when next used. */
export function encryptionKeys(): KeyRing {
  keys ??= keyRing(
    env.ENCRYPTION_KEYS.length > 0
      ? env.ENCRYPTION_KEYS
      : [
          {
            id: "dev",
            secret: new Uint8Array(
              Buffer.from(
                readOrCreateDevSecret(env.DATA_DIR, isProduction, "encryption-key", "ENCRYPTION_KEYS"),
                "base64url",
              ),
            ),
          },
        ],
    authSecret(),
  );
  return keys;
}

/** What a production start should hear about its settings (logged once, at start). */
export function startupWarnings(): string[] {
  const warnings: string[] = [];
  if (isProduction && !config.trustProxyHopsSet) {
    warnings.push(
      "[sspr] TRUST_PROXY_HOPS is not set: client addresses are taken from the TCP connection and X-Forwarded-For is ignored. Behind a load balancer or proxy every client would then share its address (and its rate limits): set TRUST_PROXY_HOPS to the number of proxies that append to X-Forwarded-For (1 on Vercel or behind one proxy), or to 0 if clients connect to the app directly.",
    );
  }
  if (isProduction && config.seedDemo) {
    warnings.push(
      "[sspr] SEED_DEMO=1 in production: the demo accounts, whose passwords are public, are seeded into an empty database.",
    );
  }
  return warnings;
}
