// argon2 on threads of its own. @node-rs/argon2's async calls run the hash on libuv's pool, but
// each one first spends about half a millisecond on the calling thread (setting up the 19 MiB
// job): on a server, that is the request thread, which every other request waits for. Here each
// hash runs whole (the synchronous call) on a worker thread; the request thread only posts the
// job and reads the answer. The workers run below the request thread's priority (Linux keeps a
// nice value per thread): a busy server keeps answering, refusing a rush with a 503 and serving
// pages at once, and hashing takes every cycle the request thread leaves. The number of hashes
// running at once stays lib/crypto/hash-pool.ts's to decide; this only runs them.
import { Worker } from "node:worker_threads";
import { processWide } from "../server/process-wide";

/** The workers' nice value, above the request thread's (0): they yield the CPU to it. */
const WORKER_NICE = 10;

// CommonJS, evaluated in the worker. The package is the app's own, found from the working folder
// (the standalone server, `next start`, `next dev` and the tests all run from the folder whose
// node_modules holds it) or else from the server script's.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
try { require("node:os").setPriority(0, ${WORKER_NICE}); } catch {}
let argon2;
try {
  const paths = [process.cwd(), process.argv[1] ? require("node:path").dirname(process.argv[1]) : process.cwd()];
  argon2 = require(require.resolve("@node-rs/argon2", { paths }));
} catch (error) {
  argon2 = String((error && error.message) || error);
}
parentPort.on("message", ({ id, op, input, phc, options }) => {
  // The package could not be loaded: every job fails as the server's fault, never as a mismatch.
  if (typeof argon2 === "string") return parentPort.postMessage({ id, broken: argon2 });
  try {
    const opts = options && options.secret ? { ...options, secret: Buffer.from(options.secret) } : options;
    const value = op === "hash" ? argon2.hashSync(input, opts) : argon2.verifySync(phc, input, opts);
    parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

export type Argon2Options = {
  algorithm?: number;
  memoryCost?: number;
  timeCost?: number;
  parallelism?: number;
  secret?: Uint8Array;
};

/** The hashing threads failed (the package did not load, a worker died): the server's fault, which
 *  a caller must never take for a wrong password. An argon2 error (a malformed hash) is a plain
 *  Error. */
export class Argon2ThreadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Argon2ThreadError";
  }
}

type Answer = { id: number; value?: string | boolean; error?: string; broken?: string };
type Job = { op: "hash" | "verify"; input: string; phc?: string; options?: Argon2Options };
type Pending = { resolve: (value: string | boolean) => void; reject: (error: Error) => void };

class Argon2Thread {
  private readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  dead = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    // An idle worker keeps no process alive (the scripts, the tests).
    this.worker.unref();
    this.worker.on("message", (message: Answer) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.worker.unref();
      if (message.broken !== undefined) pending.reject(new Argon2ThreadError(message.broken));
      else if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.value!);
    });
    const fail = (error: Error) => {
      this.dead = true;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    this.worker.on("error", (error) => fail(new Argon2ThreadError(error.message)));
    this.worker.on("exit", (code) => fail(new Argon2ThreadError(`argon2 worker exited with ${code}`)));
  }

  run(id: number, job: Job): Promise<string | boolean> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A job under way keeps the process alive until it is answered.
      this.worker.ref();
      this.worker.postMessage({ id, ...job });
    });
  }
}

class Argon2Threads {
  private threads: Argon2Thread[] = [];
  private nextId = 1;

  /** The least busy live worker; a new one while there are fewer than the jobs under way. */
  private thread(): Argon2Thread {
    this.threads = this.threads.filter((thread) => !thread.dead);
    const idle = this.threads.find((thread) => thread.pending.size === 0);
    if (idle) return idle;
    const fresh = new Argon2Thread();
    this.threads.push(fresh);
    return fresh;
  }

  hash(input: string, options: Argon2Options): Promise<string> {
    return this.thread().run(this.nextId++, { op: "hash", input, options }) as Promise<string>;
  }

  verify(phc: string, input: string, options?: Argon2Options): Promise<boolean> {
    return this.thread().run(this.nextId++, { op: "verify", input, phc, options }) as Promise<boolean>;
  }
}

/** The process's argon2 workers: one per hash running at once (lib/crypto/hash-pool.ts bounds
 *  that to the cores), started when first needed. */
export function argon2Threads(): Argon2Threads {
  return processWide("argon2Threads", () => new Argon2Threads());
}
