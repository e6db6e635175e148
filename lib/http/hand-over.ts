// The posts let in by admission (lib/http/admission.ts) are handed to the framework a few at a
// time: at most `limit` of them are inside it at once, and the rest wait here, where waiting
// costs nothing, until one of those inside is answered. A rush's posts arrive together; handed
// over at once, the framework's first steps for every one let in (reading the form, finding the
// action, the first queries: milliseconds each) all ran in the rush's first moments, before the
// sockets behind them were read, and the refusals among those waited for all of it: a 503 the
// server wrote 5 ms after reading the request reached the client half a second after it was sent
// (`npm run bench:load`, the rush on the wire). Let in a few at a time, they reach the hash as
// fast as it takes them, and the request thread answers everything else in between.
// And one per turn of the event loop: the sockets that were ready in a turn are read first.

type Entry = { work: () => void; state: "waiting" | "inside" | "ended"; held?: NodeJS.Timeout };

/** A request that holds its place longer than this (a query stuck on a restarting database) keeps
 *  running, but gives its place to the next: a few stuck requests never stop the rest. */
const LONGEST_HOLD_MS = 10_000;

export class HandOver {
  private readonly line: Entry[] = [];
  private inside = 0;
  private scheduled = false;

  constructor(
    /** The most requests inside the framework at once. */
    readonly limit: number,
    /** Runs a function at the next turn of the event loop. */
    private readonly nextTurn: (run: () => void) => void = setImmediate,
    private readonly longestHoldMs = LONGEST_HOLD_MS,
  ) {}

  /** The requests waiting to be handed over. */
  get waiting(): number {
    return this.line.filter((entry) => entry.state === "waiting").length;
  }

  /** The requests handed over and not yet answered. */
  get handedOver(): number {
    return this.inside;
  }

  /** Queues `work` (handing one request to the framework). Returns what to call once that request
   *  has ended, answered or dropped by its client: a place inside is freed, and a request that
   *  ended while it waited is never handed over. */
  enter(work: () => void): () => void {
    const entry: Entry = { work, state: "waiting" };
    this.line.push(entry);
    this.schedule();
    return () => this.leave(entry);
  }

  private leave(entry: Entry): void {
    if (entry.state === "inside") {
      clearTimeout(entry.held);
      this.inside -= 1;
      this.schedule();
    }
    entry.state = "ended";
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.nextTurn(() => this.handOverOne());
  }

  private handOverOne(): void {
    this.scheduled = false;
    while (this.line[0] && this.line[0].state !== "waiting") this.line.shift();
    if (this.inside >= this.limit) return;
    const entry = this.line.shift();
    if (!entry) return;
    entry.state = "inside";
    this.inside += 1;
    entry.held = setTimeout(() => this.leave(entry), this.longestHoldMs).unref();
    if (this.line.length > 0) this.schedule();
    entry.work();
  }
}
