// The e-mail outbox worker on its own, beside (or instead of) the app's: `tsx scripts/outbox-worker.ts`
// with DATABASE_URL (PostgreSQL: PGlite cannot be shared between processes) and SMTP_URL. The
// tests run two of these against one database, and kill one between claiming and sending.
// It prints one JSON line per event: what happened, never an address or a secret.
import { openPostgres } from "../db/client";
import { DEFAULT_OUTBOX_SETTINGS, startOutboxLoop } from "../lib/mail/delivery";
import { DEFAULT_SMTP_TIMEOUTS, smtpTransport } from "../lib/mail/smtp-transport";
import { devMailboxTransport } from "../lib/mail/transport";
import { assertPostgresPatched } from "../lib/server/postgres-patch";
import { keyListSchema } from "../lib/crypto/peppers";
import { keyRing } from "../lib/crypto/secret-box";

assertPostgresPatched();

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const print = (event: Record<string, unknown>) => console.log(JSON.stringify(event));

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is required (PostgreSQL).");
  process.exit(2);
}
// The app's ENCRYPTION_KEYS open a sealed notice (a guardian's code); without them it fails (SEALED).
const keys = keyListSchema("ENCRYPTION_KEYS").safeParse(env.ENCRYPTION_KEYS);
if (!keys.success) {
  console.error(keys.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(2);
}
const database = await openPostgres(env.DATABASE_URL, { max: 2 });
const sendTimeoutMs = number("OUTBOX_SEND_TIMEOUT_MS", DEFAULT_SMTP_TIMEOUTS.socketMs);
const transport = env.SMTP_URL
  ? smtpTransport(env.SMTP_URL, { connectMs: sendTimeoutMs, socketMs: sendTimeoutMs })
  : devMailboxTransport();
const loop = startOutboxLoop({
  db: () => Promise.resolve(database.db),
  transport,
  settings: {
    from: env.MAIL_FROM || "MIMS Student SSPR <no-reply@localhost>",
    maxAttempts: number("MAIL_MAX_ATTEMPTS", 12),
    batchSize: number("OUTBOX_BATCH_SIZE", DEFAULT_OUTBOX_SETTINGS.batchSize),
    leaseMs: number("OUTBOX_LEASE_MS", DEFAULT_OUTBOX_SETTINGS.leaseMs),
    retryBaseMs: number("OUTBOX_RETRY_BASE_MS", DEFAULT_OUTBOX_SETTINGS.retryBaseMs),
    retryMaxMs: number("OUTBOX_RETRY_MAX_MS", DEFAULT_OUTBOX_SETTINGS.retryMaxMs),
    ...(keys.data.length > 0 ? { keys: keyRing(keys.data) } : {}),
  },
  intervalMs: number("OUTBOX_POLL_MS", 5_000),
  onPass: (result) => print({ event: "pass", ...result }),
  onError: (what) => print({ event: "error", what }),
});
// Keeps the process alive: the loop's own timer does not.
const keepAlive = setInterval(() => {}, 60_000);
print({ event: "ready", pid: process.pid });

async function shutdown() {
  clearInterval(keepAlive);
  await loop.stop();
  await database.close();
  print({ event: "stopped" });
}
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
