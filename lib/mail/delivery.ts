// The outbox worker: claim due notices, send them, record each outcome. One pass is
// `deliverDueNotices`; `startOutboxLoop` repeats it in the background (one loop per process,
// see outbox-worker.ts). Delivery is at-least-once: a worker that dies after the server accepted a
// message but before recording it sends it again after the lease, with the same Message-ID.
import {
  claimDueNotices,
  failAbandonedNotices,
  markNoticeFailed,
  markNoticeSent,
  type ClaimedNotice,
  type Db,
} from "@/lib/data/outbox";
import type { KeyRing } from "@/lib/crypto/secret-box";
import { openNoticeBody } from "./sealed-body";
import { MailSendError, type MailTransport } from "./transport";

export type OutboxSettings = {
  from: string;
  maxAttempts: number;
  /** Notices claimed (and sent side by side) per pass. */
  batchSize: number;
  /** How long a claim lasts: longer than a send can take (see smtp-transport.ts). */
  leaseMs: number;
  /** The first retry's delay; each next one doubles, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** The ENCRYPTION_KEYS, to open a sealed body (a guardian's code); without them such a notice
   *  fails at once (`SEALED`). */
  keys?: KeyRing;
};

export const DEFAULT_OUTBOX_SETTINGS: Omit<OutboxSettings, "from" | "maxAttempts"> = {
  batchSize: 5,
  leaseMs: 120_000,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
};

export type PassResult = { claimed: number; sent: number; retried: number; failed: number };

/** What happened to one notice in a pass, for the log: ids and codes, never an address or a body. */
export type NoticeOutcome = {
  notice: number;
  attempt: number;
  outcome: "sent" | "retry" | "failed";
  errorCode?: string;
};
export type NoticeReport = (outcome: NoticeOutcome) => void;

/** 30 s, 1 min, 2 min … up to an hour, each ±20 % so a crowd of retries spreads out. */
export function retryDelayMs(attempt: number, settings: Pick<OutboxSettings, "retryBaseMs" | "retryMaxMs">) {
  const exponential = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

/** A send that outlives half its lease counts as failed: past the lease, another worker would
 *  claim the notice and send it beside this one. The transport's own timeouts end it sooner. */
async function withinDeadline(sending: Promise<void>, deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MailSendError("DEADLINE", false)), deadlineMs);
  });
  try {
    await Promise.race([sending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export async function deliverDueNotices(
  db: Db,
  transport: MailTransport,
  settings: OutboxSettings,
  report: NoticeReport = () => {},
): Promise<PassResult> {
  const result: PassResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  result.failed += await failAbandonedNotices(db, settings.maxAttempts);
  const claimed = await claimDueNotices(db, {
    limit: settings.batchSize,
    leaseMs: settings.leaseMs,
    maxAttempts: settings.maxAttempts,
  });
  result.claimed = claimed.length;
  await Promise.all(claimed.map((notice) => deliverOne(db, transport, settings, notice, result, report)));
  return result;
}

async function deliverOne(
  db: Db,
  transport: MailTransport,
  settings: OutboxSettings,
  notice: ClaimedNotice,
  result: PassResult,
  report: NoticeReport,
): Promise<void> {
  try {
    const text = notice.sealed
      ? settings.keys && openNoticeBody(notice.body, settings.keys, notice.messageId)
      : notice.body;
    // A box no key of this worker opens will not open on a later try either.
    if (typeof text !== "string") throw new MailSendError("SEALED", true);
    const sending = transport.send({
      from: settings.from,
      to: notice.toAddress,
      subject: notice.subject,
      text,
      messageId: notice.messageId,
      date: notice.createdAt,
    });
    await withinDeadline(sending, settings.leaseMs / 2);
  } catch (error) {
    const failure = error instanceof MailSendError ? error : new MailSendError("ERROR", false);
    const last = failure.permanent || notice.attempts >= settings.maxAttempts;
    await markNoticeFailed(db, notice, {
      errorCode: failure.code,
      retryInMs: last ? null : retryDelayMs(notice.attempts, settings),
    });
    result[last ? "failed" : "retried"] += 1;
    report({
      notice: notice.id,
      attempt: notice.attempts,
      outcome: last ? "failed" : "retry",
      errorCode: failure.code,
    });
    return;
  }
  await markNoticeSent(db, notice);
  result.sent += 1;
  report({ notice: notice.id, attempt: notice.attempts, outcome: "sent" });
}

export type OutboxLoop = { stop(): Promise<void> };

export type OutboxLoopOptions = {
  db: () => Promise<Db>;
  transport: MailTransport;
  settings: OutboxSettings;
  intervalMs: number;
  onPass?: (result: PassResult) => void;
  onNotice?: NoticeReport;
  /** Gets a short description only: an error's code or name, never its message. */
  onError?: (what: string) => void;
};

export function describeError(error: unknown): string {
  if (error instanceof MailSendError) return error.code;
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return [name, code].filter((part) => typeof part === "string").join(" ") || "unknown error";
}

/** Passes one after another, never two at once; a full batch is followed at once by the next. */
export function startOutboxLoop(options: OutboxLoopOptions): OutboxLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass();
    }, delayMs);
    // The loop never keeps a process alive on its own.
    timer.unref();
  };
  const pass = async () => {
    let full = false;
    try {
      const result = await deliverDueNotices(
        await options.db(),
        options.transport,
        options.settings,
        options.onNotice,
      );
      full = result.claimed === options.settings.batchSize;
      if (result.claimed > 0 || result.failed > 0) options.onPass?.(result);
    } catch (error) {
      options.onError?.(describeError(error));
    }
    schedule(full ? 0 : options.intervalMs);
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      options.transport.close();
    },
  };
}
