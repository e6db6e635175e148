// argon2 needs 19 MiB per running hash. Jobs run at most CPU-count at a time; the others wait in
// line. A sign-in or Check Answers let in by lib/http/admission.ts holds a ticket for its jobs, which
// are never refused (no third outcome: it is answered, or it was refused at once with a 503).
// Hashing without a ticket (a signed-in change, the scripts) is refused (HashingBusyError) when
// the expected wait (the jobs ahead times the measured time of one, over the slots) is over the
// budget, or the line over HASH_QUEUE_LIMIT.
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { requestContext } from "../http/request-context";
import { processWide } from "../server/process-wide";

export class HashingBusyError extends Error {
  constructor() {
    super("hashing queue full");
    this.name = "HashingBusyError";
  }
}

/** Jobs promised to one request; what it does not use is given back when it ends. */
export type HashTicket = { remaining: number; release: () => void };

/** The first estimate of a job's time, until jobs have been measured. */
const INITIAL_SERVICE_MS = 25;
/** Weight of the newest measurement in the moving average. */
const SMOOTHING = 0.1;

export class HashPool {
  private active = 0;
  private reserved = 0;
  private readonly waiting: (() => void)[] = [];
  private serviceMs = INITIAL_SERVICE_MS;

  constructor(
    readonly concurrency: number,
    /** At most this many jobs wait or are promised, whatever the estimate says (memory). */
    readonly maxQueue: number,
    /** The longest a request's hashing may be expected to wait for its last slot. */
    readonly waitBudgetMs = Number.POSITIVE_INFINITY,
  ) {}

  /** The measured time a job holds a slot (a moving average), in ms. */
  get measuredServiceMs(): number {
    return this.serviceMs;
  }

  /** When `jobs` more would be done, from now, if they joined the line now. */
  expectedWaitMs(jobs = 1): number {
    const ahead = this.active + this.waiting.length + this.reserved + jobs;
    return (Math.max(0, ahead - this.concurrency) / this.concurrency) * this.serviceMs;
  }

  private fits(jobs: number): boolean {
    const free = Math.max(0, this.concurrency - this.active);
    const queued = Math.max(0, this.waiting.length + this.reserved + jobs - free);
    return queued <= this.maxQueue && this.expectedWaitMs(jobs) <= this.waitBudgetMs;
  }

  /** Whether a job without a ticket would be refused now. */
  get saturated(): boolean {
    const ticket = requestContext.getStore()?.hashTicket;
    return !(ticket && ticket.remaining > 0) && !this.fits(1);
  }

  /** Whether `jobs` more would start within the budget now (proxy.ts asks, where no request was
   *  let in by lib/http/admission.ts). */
  wouldAdmit(jobs: number): boolean {
    return this.fits(jobs);
  }

  /** Promises `jobs` hashes to a request let in (lib/http/admission.ts): they are never refused. */
  reserve(jobs: number): HashTicket {
    this.reserved += jobs;
    const ticket: HashTicket = {
      remaining: jobs,
      release: () => {
        this.reserved -= ticket.remaining;
        ticket.remaining = 0;
      },
    };
    return ticket;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    const ticket = requestContext.getStore()?.hashTicket;
    if (ticket && ticket.remaining > 0) {
      // Promised at the edge: it waits its turn, whatever the line is now.
      ticket.remaining -= 1;
      this.reserved -= 1;
    } else if (!this.fits(1)) {
      throw new HashingBusyError();
    }
    if (this.active >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    const started = performance.now();
    try {
      return await job();
    } finally {
      this.serviceMs += SMOOTHING * (performance.now() - started - this.serviceMs);
      // Hand the slot straight to the next job, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const DEFAULT_QUEUE = 200;
const DEFAULT_WAIT_BUDGET_MS = 1000;

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** One pool per process, shared by the proxy and the app (they share globalThis). */
export function hashPool(): HashPool {
  return processWide(
    "hashPool",
    () =>
      new HashPool(
        availableParallelism(),
        setting("HASH_QUEUE_LIMIT", DEFAULT_QUEUE),
        setting("ADMISSION_WAIT_MS", DEFAULT_WAIT_BUDGET_MS),
      ),
  );
}
