// Admission for the posts that hash (a sign-in, Check Answers, a new password): let one in only
// if the requests already let in are expected to be answered, with it, within the budget; refuse
// the rest at once (lib/http/server.ts answers 503 before the framework sees the request). The
// expected wait is the weight in the system (argon2 jobs of the requests let in and not yet
// answered) times the measured time the server takes per job: the gap between answers while it
// is busy, so the hash, the framework, the database and the event loop are all in it. The weight
// counts, one job each, the connections still waiting in the kernel's accept queue
// (lib/http/listen-queue.ts): when the event loop is the bottleneck, that is where a rush waits.
import { performance } from "node:perf_hooks";

/** The first estimate of the time per job, until answers have been measured. */
const INITIAL_MS_PER_JOB = 20;
/** The estimate is the time between the latest answers over the jobs they held (the server's
 *  throughput, whatever the bursts), each gap counted at most OUTLIER times the estimate: a few
 *  answers that waited on something else than the server (PostgreSQL restarting, a row lock) do
 *  not move it much, and a server that really slows down is followed within a few windows. */
const SAMPLES = 32;
const OUTLIER = 4;

export class Admission {
  private load = 0;
  private msPerJob = INITIAL_MS_PER_JOB;
  private readonly samples: { gapMs: number; jobs: number }[] = [];
  private lastAnswer = 0;

  constructor(
    readonly budgetMs: number,
    /** The connections not yet accepted by the server (0 where unknown). */
    private readonly waitingConnections: () => number = () => 0,
  ) {}

  /** The measured time per job, in ms. */
  get measuredMsPerJob(): number {
    return this.msPerJob;
  }

  /** How long a request of `jobs` would be expected to wait for its answer if let in now. */
  expectedWaitMs(jobs: number): number {
    return (this.load + this.waitingConnections() + jobs) * this.msPerJob;
  }

  /** Lets a request of `jobs` in (the function to call when it has been answered), or refuses it.
   *  An idle server lets anything in. */
  admit(jobs: number): (() => void) | null {
    if (this.load > 0 && this.expectedWaitMs(jobs) > this.budgetMs) return null;
    this.load += jobs;
    const admitted = performance.now();
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      const now = performance.now();
      // Busy since the last answer (this one was waiting then): the gap is the server's time for
      // these jobs. Otherwise its own time, from when it came in.
      const since = admitted < this.lastAnswer ? this.lastAnswer : admitted;
      this.samples.push({ gapMs: Math.min(now - since, OUTLIER * this.msPerJob * jobs), jobs });
      if (this.samples.length > SAMPLES) this.samples.shift();
      let gaps = 0;
      let done = 0;
      for (const sample of this.samples) {
        gaps += sample.gapMs;
        done += sample.jobs;
      }
      this.msPerJob = Math.max(1, gaps / done);
      this.lastAnswer = now;
      this.load -= jobs;
    };
  }

  /** Seconds a refused client should wait before trying again: the line now (at least 1 s), and
   *  as much again at random, so the clients refused together do not all come back together. */
  retryAfterSeconds(random = Math.random()): number {
    const line = Math.max(1, Math.ceil(this.expectedWaitMs(0) / 1000));
    return Math.min(60, line + Math.floor(random * (line + 1)));
  }
}

/** The argon2 jobs a post costs at most: a sign-in verifies one password, a one-time reset code one
 *  (and asking for a guardian's code hashes one, whatever the Login ID); Check Answers two
 *  answers; a new password is hashed and checked against the last ones (lib/data/password-history.ts).
 *  Other requests hash nothing. */
const HASH_JOBS: Record<string, number> = {
  "/login": 1,
  "/sspr/challenge": 2,
  "/sspr/code": 1,
  "/sspr/guardian": 1,
  "/sspr/guardian/code": 1,
  "/sspr/change": 7,
};

export function hashJobsOf(method: string, pathname: string): number {
  return method === "POST" ? (HASH_JOBS[pathname] ?? 0) : 0;
}
