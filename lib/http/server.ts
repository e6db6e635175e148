import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Admission, hashJobsOf } from "./admission";
import { clientAddressOf, peerHeaderName } from "./client-address";
import { hashPool } from "../crypto/hash-pool";
import { writeRefusal } from "./refusal-page";
import { config } from "../server/config";
import { HandOver } from "./hand-over";
import { ListenQueue } from "./listen-queue";
import { flushLog, hashedClient, logger } from "../server/log";
import { requestContext, type RequestContext } from "./request-context";
import { serveCompressedStatic } from "./static-files";
import { processWide } from "../server/process-wide";

// What this process's HTTP server does around every request, whoever serves it (`next start`,
// `next dev` and the standalone server all serve from this process): hand the socket's address to
// the app in a header no client can send (lib/http/client-address.ts), give the request an id, count
// it while it runs, and write one log line when it ends; a post that hashes is let in or refused
// at once (lib/http/admission.ts), before the framework does any work for it, and one let in is
// handed to the framework when a place there is free (lib/http/hand-over.ts); the build's brotli scripts
// are sent as they are (lib/http/static-files.ts). And the graceful stop: on SIGTERM no new
// connection is taken, the requests under way finish (up to STOP_GRACE_MS), the e-mail outbox
// finishes the messages it is sending, the database is closed, and the process exits 0.

const STOP_GRACE_MS = 10_000;
/** Posts that hash inside the framework at once, per hashing thread: enough that a thread always
 *  has the next job ready while the others read their form or write their answer. */
const HANDED_OVER_PER_HASH_THREAD = 4;

type State = {
  installed?: boolean;
  admission?: Admission;
  /** The posts let in, handed to the framework a few at a time (lib/http/hand-over.ts). */
  handOver?: HandOver;
  /** The connections waiting in the kernel for this process's servers (lib/http/listen-queue.ts). */
  listenQueue: ListenQueue;
  servers: Set<Server>;
  /** The responses under way. */
  responses: Set<ServerResponse>;
  inFlight: number;
  stopping: boolean;
  onIdle?: () => void;
};
const state: State = processWide<State>("httpServer", () => ({
  listenQueue: new ListenQueue(),
  servers: new Set(),
  responses: new Set(),
  inFlight: 0,
  stopping: false,
}));

/** Whether the process is stopping (readiness answers 503 meanwhile). */
export function isStopping(): boolean {
  return state.stopping;
}

/** The path without its query (which is never logged). */
function routeOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/** Lets a post that hashes in, or answers it at once: 503, Retry-After, the busy page. */
function admit(
  context: RequestContext,
  request: IncomingMessage,
  response: ServerResponse,
): (() => void) | "refused" | null {
  const jobs = hashJobsOf(context.method, context.route);
  if (jobs === 0) return null;
  state.admission ??= new Admission(config.admissionWaitMs, () => state.listenQueue.length());
  const answered = state.admission.admit(jobs);
  if (!answered) {
    writeRefusal(request, response, 503, "busy", state.admission.retryAfterSeconds(), context.route);
    return "refused";
  }
  context.hashTicket = hashPool().reserve(jobs);
  return answered;
}

function track(
  server: Server,
  request: IncomingMessage,
  response: ServerResponse,
): { context: RequestContext; admitted: ReturnType<typeof admit> } {
  if (!state.servers.has(server)) {
    state.servers.add(server);
    const address = server.address();
    if (address && typeof address === "object") state.listenQueue.watch(address.port, address.family);
  }
  const name = peerHeaderName();
  const peer = request.socket?.remoteAddress;
  if (peer) request.headers[name] = peer;
  else delete request.headers[name];

  const started = performance.now();
  const forwarded = request.headers["x-forwarded-for"];
  const address = clientAddressOf(
    peer ?? null,
    typeof forwarded === "string" ? forwarded : null,
    config.trustProxyHops,
  );
  const context: RequestContext = {
    reqId: randomUUID(),
    method: request.method ?? "GET",
    route: routeOf(request.url),
    client: hashedClient(address),
  };
  response.setHeader("X-Request-Id", context.reqId);
  // A request on a kept-alive connection while stopping is answered, and the connection closed.
  if (state.stopping) response.setHeader("Connection", "close");
  state.inFlight += 1;
  state.responses.add(response);
  const admitted = admit(context, request, response);
  response.once("close", () => {
    state.inFlight -= 1;
    state.responses.delete(response);
    // Hashing it was let in for and did not use is free for the next request.
    context.hashTicket?.release();
    if (typeof admitted === "function") admitted();
    // A server error is the operator's to look at; everything else is the record of a request.
    logger()[response.statusCode >= 500 ? "error" : "info"](
      {
        ...context,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(!response.writableFinished && { aborted: true }),
      },
      "request",
    );
    if (state.inFlight === 0) state.onIdle?.();
  });
  return { context, admitted };
}

type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;

/** Wraps every HTTP(S) server's "request" event. Run once at start (instrumentation.ts), before
 *  requests are handled. */
export async function installRequestHooks(): Promise<void> {
  if (state.installed) return;
  state.installed = true;
  const http = await import("node:http");
  const https = await import("node:https");
  // The build's compressed scripts exist only after `npm run build`; `next dev` serves its own.
  const production = process.env.NODE_ENV === "production";
  for (const ServerClass of [http.Server, https.Server]) {
    const prototype = ServerClass.prototype as unknown as { emit: Emit };
    const emit = prototype.emit;
    prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return emit.call(this, event, ...args);
      const response = args[1] as ServerResponse;
      const { context, admitted } = track(this, args[0] as IncomingMessage, response);
      if (admitted === "refused") return true;
      if (admitted) {
        // A few hashing threads' worth inside the framework at once.
        state.handOver ??= new HandOver(HANDED_OVER_PER_HASH_THREAD * hashPool().concurrency);
        response.once(
          "close",
          state.handOver.enter(() => requestContext.run(context, () => emit.call(this, event, ...args))),
        );
        return true;
      }
      if (production && serveCompressedStatic(args[0] as IncomingMessage, response)) return true;
      return requestContext.run(context, () => emit.call(this, event, ...args));
    };
  }
}

function idle(deadline: number): Promise<boolean> {
  if (state.inFlight === 0) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), Math.max(0, deadline - Date.now()));
    state.onIdle = () => {
      clearTimeout(timer);
      done(true);
    };
  });
}

function within<T>(work: Promise<T>, deadline: number): Promise<T | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((done) => {
    timer = setTimeout(() => done("late"), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export type StopSteps = {
  /** Stops the outbox worker once the messages it is sending are recorded. */
  stopOutbox: () => Promise<void>;
  closeDatabase: () => Promise<void>;
};

/** Stops gracefully on SIGTERM (and SIGINT) instead of Next's own handler, which exits at once
 *  with 143 while requests are still being answered. */
export function installGracefulStop(steps: StopSteps): void {
  const stop = async (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    const log = logger();
    const deadline = Date.now() + STOP_GRACE_MS;
    log.info({ event: "stopping", signal, inFlight: state.inFlight }, "stopping");
    for (const server of state.servers) {
      server.close();
      server.closeIdleConnections();
    }
    // The answers under way end their connections: a client's next request opens a new one,
    // which is refused here and goes to another instance.
    for (const response of state.responses) {
      if (!response.headersSent) response.setHeader("Connection", "close");
    }
    // The requests under way and the outbox's messages finish side by side, within the grace.
    const [drained, outbox] = await Promise.all([
      idle(deadline),
      within(
        steps.stopOutbox().catch(() => undefined),
        deadline,
      ),
    ]);
    if (!drained) log.warn({ event: "stop_cut", inFlight: state.inFlight }, "requests cut at the deadline");
    if (outbox === "late") log.warn({ event: "stop_cut" }, "the outbox's send was cut at the deadline");
    for (const server of state.servers) server.closeAllConnections();
    await within(
      steps.closeDatabase().catch(() => undefined),
      Date.now() + 2_000,
    );
    log.info({ event: "stopped", graceful: drained && outbox !== "late" }, "stopped");
    flushLog();
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, (received) => void stop(received));
  }
}
