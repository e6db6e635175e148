// argon2 needs 19 MiB per running hash. Jobs run at most CPU-count at a time, behind a bounded
// queue: a flood is refused (HashingBusyError, a 503 at the edge) instead of exhausting memory.
import { availableParallelism } from "node:os";

export class HashingBusyError extends Error {
  constructor() {
    super("hashing queue full");
    this.name = "HashingBusyError";
  }
}

export class HashPool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxQueue: number,
  ) {}

  /** Whether a new job would be refused now. */
  get saturated(): boolean {
    return this.active >= this.concurrency && this.waiting.length >= this.maxQueue;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new HashingBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next job, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const DEFAULT_QUEUE = 200;

/** One pool per process, shared by the proxy and the app (they share globalThis). */
export function hashPool(): HashPool {
  const holder = globalThis as unknown as { ssprHashPool?: HashPool };
  const queue = Number(process.env.HASH_QUEUE_LIMIT ?? DEFAULT_QUEUE);
  holder.ssprHashPool ??= new HashPool(
    availableParallelism(),
    Number.isInteger(queue) && queue >= 0 ? queue : DEFAULT_QUEUE,
  );
  return holder.ssprHashPool;
}
