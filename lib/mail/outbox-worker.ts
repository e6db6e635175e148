import "server-only";
import { config, encryptionKeys } from "@/lib/server/config";
import { processSlot } from "@/lib/server/process-wide";
import { getDb } from "@/lib/data/db";
import {
  DEFAULT_OUTBOX_SETTINGS,
  deliverDueNotices,
  describeError,
  startOutboxLoop,
  type OutboxLoop,
  type OutboxSettings,
  type NoticeReport,
  type PassResult,
} from "./delivery";
import { logEvent, logProblem } from "@/lib/server/log";
import { devMailboxTransport, type MailTransport } from "./transport";

// The outbox worker of this app instance, started by instrumentation.ts; the cron route runs
// the same pass on hosts without long-running processes.

const POLL_MS = 5_000;

/** Read when a loop or a pass starts (the keys, from the environment or the development folder,
 *  open a sealed body: a guardian's code). */
function outboxSettings(): OutboxSettings {
  return {
    ...DEFAULT_OUTBOX_SETTINGS,
    from: config.mail.from,
    maxAttempts: config.mail.maxAttempts,
    keys: encryptionKeys(),
  };
}

/** SMTP when SMTP_URL is set; otherwise the development mailbox, never in production. */
async function configuredTransport(): Promise<MailTransport | null> {
  if (config.mail.smtpUrl) {
    const { smtpTransport } = await import("./smtp-transport");
    return smtpTransport(config.mail.smtpUrl);
  }
  return config.isProduction ? null : devMailboxTransport();
}

/** One log line per notice sent, retried or failed. */
const reportNotice: NoticeReport = ({ outcome, ...fields }) =>
  logEvent(
    outcome === "sent" ? "notice_sent" : outcome === "retry" ? "notice_retry" : "notice_failed",
    fields,
    outcome === "sent" ? "info" : "warn",
  );

// One loop per process, kept across hot reloads in development.
const running = processSlot<Promise<OutboxLoop | null>>("outboxLoop");

async function startConfigured(): Promise<OutboxLoop | null> {
  const transport = await configuredTransport();
  if (!transport) {
    logProblem("[outbox] SMTP_URL is not set: e-mail notices wait in the outbox until it is.");
    return null;
  }
  return startOutboxLoop({
    db: getDb,
    transport,
    settings: outboxSettings(),
    intervalMs: POLL_MS,
    onNotice: reportNotice,
    onError: (what) => logProblem("[outbox] a delivery pass failed", { error: what }, "error"),
  });
}

export function startOutboxWorker(): Promise<OutboxLoop | null> {
  running.value ??= startConfigured();
  return running.value;
}

export async function stopOutboxWorker(): Promise<void> {
  const loop = await running.value;
  running.value = undefined;
  await loop?.stop();
}

/** One pass, for the cron route. Null when there is nowhere to send to. */
export async function runOutboxOnce(): Promise<PassResult | null> {
  const transport = await configuredTransport();
  if (!transport) return null;
  try {
    return await deliverDueNotices(await getDb(), transport, outboxSettings(), reportNotice);
  } catch (error) {
    logProblem("[outbox] a delivery pass failed", { error: describeError(error) }, "error");
    throw error;
  } finally {
    transport.close();
  }
}
