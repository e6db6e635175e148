import "server-only";
import { z } from "zod";
import type { LockoutConfig } from "./lockout";
import type { RateLimitConfig } from "./rate-limit";
import { readOrCreateDevSecret } from "./dev-secret";
import { pepperRingSchema } from "./peppers";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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
  // Proxies in front of the app that append to X-Forwarded-For (0: the app faces clients).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  // A class of 40 signing in at once after the yearly reset, several tries each, stays under.
  RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_RESET: z.coerce.number().int().min(1).default(150),
  // E-mail notices (lib/mail): unset SMTP_URL keeps them in the development mailbox (/dev/mailbox).
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//.test(url), "SMTP_URL must start with smtp:// or smtps://")
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
});

export const config = {
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  isProduction: env.NODE_ENV === "production",
  lockout: {
    maxWrongAnswers: env.SSPR_MAX_WRONG_ANSWERS,
    lockMinutes: env.SSPR_LOCK_MINUTES,
    locksBeforeAccountLock: env.SSPR_LOCKS_BEFORE_ACCOUNT_LOCK,
  } satisfies LockoutConfig,
  grantMinutes: env.SSPR_GRANT_MINUTES,
  trustProxyHops: env.TRUST_PROXY_HOPS,
  rateLimit: {
    windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    limits: { signIn: env.RATE_LIMIT_SIGN_IN, reset: env.RATE_LIMIT_RESET },
  } satisfies RateLimitConfig,
  mail: {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    maxAttempts: env.MAIL_MAX_ATTEMPTS,
    timeZone: env.MAIL_TIME_ZONE,
  },
  appUrl: env.APP_URL.replace(/\/+$/, ""),
  cronSecret: env.CRON_SECRET,
};

let secret: string | undefined;
/** AUTH_SECRET, or in development a secret generated once and kept in the data folder. */
export function authSecret(): string {
  secret ??= env.AUTH_SECRET ?? readOrCreateDevSecret(env.DATA_DIR, config.isProduction);
  return secret;
}
