import "server-only";
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import pino, { type Logger } from "pino";
import { authSecret, config } from "./config";
import { requestContext, type RequestContext } from "../http/request-context";
import { processSlot, processWide } from "./process-wide";

// The server's log: one JSON line per request (lib/http/server.ts) and per notable event (the
// audit log's events, the outbox's sends), on stdout for whatever collects it; pretty in
// development. What a line may hold: ids, routes, statuses, durations, event names and a keyed
// hash of the client's address. Never a password, an answer, a grant, a code, a secret, a
// session token or a message's body: callers pass none, and the keys below are cut if one does.

const destination = processSlot<ReturnType<typeof pino.destination>>("logDestination");

const SECRET_KEYS = [
  "password",
  "newPassword",
  "confirmPassword",
  "currentPassword",
  "answer",
  "answer1",
  "answer2",
  "answer3",
  "code",
  "token",
  "secret",
  "grant",
  "cookie",
  "authorization",
  "body",
  "text",
];

/** A batch of log lines is written once it holds this many bytes (about twenty lines), */
const BATCH_BYTES = 4096;
/** or this long after it was begun. */
const FLUSH_MS = 100;

function create(): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`)], censor: "[cut]" },
  };
  if (config.isProduction || process.env.NODE_ENV === "test") {
    // Written without blocking the request thread (a synchronous write to a slow pipe cost 8% of
    // it under load: `npm run bench:load` with a profile), and in batches: a write per line was a
    // fifth of the request thread while a rush was refused (hundreds of 503s a second, each with
    // its line). A batch goes out when it holds BATCH_BYTES, or FLUSH_MS after its first line, and
    // the rest when the process exits.
    const out = pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES });
    destination.value = out;
    process.once("exit", flushLog);
    let due: NodeJS.Timeout | undefined;
    const flushSoon = () => {
      due = undefined;
      try {
        out.flush();
      } catch {
        // the output is gone (the process is ending)
      }
    };
    const batched = {
      write(line: string) {
        out.write(line);
        due ??= setTimeout(flushSoon, FLUSH_MS).unref();
      },
    };
    return pino(options, batched);
  }
  try {
    // Development only (a devDependency): the same lines, readable in a terminal.
    // Required from the project's own folder at run time, out of the bundler's sight.
    const require = createRequire(join(/* turbopackIgnore: true */ process.cwd(), "package.json"));
    const pretty = require("pino-pretty") as (options: object) => pino.DestinationStream;
    return pino(options, pretty({ sync: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" }));
  } catch {
    return pino(options);
  }
}

export function logger(): Logger {
  return processWide("logger", create);
}

/** Writes what the log still holds, before the process exits. */
export function flushLog(): void {
  try {
    destination.value?.flushSync();
  } catch {
    // nothing buffered, or the output is gone
  }
}

/** The fields that tie a line to the request being handled, if any. */
function current(): Partial<RequestContext> {
  const context = requestContext.getStore();
  return context ? { reqId: context.reqId, route: context.route, client: context.client } : {};
}

export type EventFields = Record<string, string | number | boolean | null | undefined>;

/** A notable event (a sign-in's result, a lock, a reset, an unlock, an administrator's action, a
 *  notice sent or failed), with the request it happened in. */
export function logEvent(event: string, fields: EventFields = {}, level: "info" | "warn" = "info"): void {
  logger()[level]({ ...current(), event, ...fields }, event);
}

/** A problem worth an operator's attention, with the request it happened in. */
export function logProblem(
  message: string,
  fields: EventFields = {},
  level: "warn" | "error" = "warn",
): void {
  logger()[level]({ ...current(), ...fields }, message);
}

let clientKey: Buffer | undefined;
/** The client's address as the log shows it: a keyed hash (the same address, the same value, in
 *  every instance sharing AUTH_SECRET), so one client's requests can be followed without the
 *  log holding the address. */
export function hashedClient(address: string | null): string | null {
  if (!address) return null;
  clientKey ??= createHmac("sha256", authSecret()).update("mims-sspr log client").digest();
  return createHmac("sha256", clientKey).update(address).digest("hex").slice(0, 16);
}
