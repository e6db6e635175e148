import "server-only";
import type { LockoutConfig } from "../limits/lockout";
import type { RateLimitConfig } from "../limits/rate-limit";
import { readOrCreateDevSecret } from "../crypto/dev-secret";
import { parseSettings, schoolTimeZoneOf, SettingsError } from "./settings";
import { keyRing, type KeyRing } from "../crypto/secret-box";

// The settings, parsed from the environment once (lib/server/settings.ts states and checks them; a start
// with a problem stops before its first request, lib/server/startup.ts). A malformed value stops a build
// here too.
const parsed = parseSettings(process.env);
if (!parsed.settings) throw new SettingsError(parsed.problems);
const env = parsed.settings;

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
  },
  /** The school's time zone: how every page and notice gives a moment. */
  schoolTimeZone: schoolTimeZoneOf(env),
  appUrl,
  cronSecret: env.CRON_SECRET,
  logLevel: env.LOG_LEVEL,
  admissionWaitMs: env.ADMISSION_WAIT_MS,
  onVercel: Boolean(env.VERCEL),
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
