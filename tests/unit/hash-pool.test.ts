import { describe, expect, it } from "vitest";
import { HashingBusyError, HashPool } from "@/lib/hash-pool";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("the hashing pool", () => {
  it("runs at most `concurrency` jobs at once and queues the rest", async () => {
    const pool = new HashPool(2, 10);
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 12 }, () => pool.run(job)));
    expect(peak).toBe(2);
  });

  it("refuses a job when the queue is full, instead of piling up memory", async () => {
    const pool = new HashPool(1, 2);
    const hold = gate();
    const jobs = [
      pool.run(() => hold.opened),
      pool.run(() => Promise.resolve(1)),
      pool.run(() => Promise.resolve(2)),
    ];
    expect(pool.saturated).toBe(true);
    await expect(pool.run(() => Promise.resolve(3))).rejects.toBeInstanceOf(HashingBusyError);
    hold.open();
    await Promise.all(jobs);
    expect(pool.saturated).toBe(false);
    await expect(pool.run(() => Promise.resolve(4))).resolves.toBe(4);
  });

  it("gives the slot back when a job fails", async () => {
    const pool = new HashPool(1, 0);
    await expect(pool.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(pool.run(() => Promise.resolve("next"))).resolves.toBe("next");
  });
});
