import { describe, expect, it } from "vitest";
import { HashingBusyError, HashPool } from "@/lib/crypto/hash-pool";
import { requestContext, type RequestContext } from "@/lib/http/request-context";

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

  it("refuses a job without a ticket by the expected wait: the jobs ahead times the measured time of one", async () => {
    const pool = new HashPool(2, 1000, 100);
    // Measure: jobs of about 20 ms.
    for (let i = 0; i < 10; i++) {
      await Promise.all([1, 2].map(() => pool.run(() => new Promise((r) => setTimeout(r, 20)))));
    }
    expect(pool.measuredServiceMs).toBeGreaterThan(10);
    const tickets = [];
    while (pool.wouldAdmit(1)) tickets.push(pool.reserve(1));
    // About budget ÷ service time × slots fit, not the queue's 1,000.
    const expected = (100 / pool.measuredServiceMs) * 2;
    expect(tickets.length).toBeGreaterThan(expected * 0.5);
    expect(tickets.length).toBeLessThan(expected * 1.5 + 3);
    await expect(pool.run(() => Promise.resolve("walk-in"))).rejects.toBeInstanceOf(HashingBusyError);
    // What is given back makes room again.
    tickets.pop()!.release();
    expect(pool.wouldAdmit(1)).toBe(true);
  });

  it("never refuses the jobs of a request it promised them to, however long the line became", async () => {
    const pool = new HashPool(1, 2, 1000);
    const hold = gate();
    const first = pool.run(() => hold.opened);
    const ticket = pool.reserve(2);
    // The line is full for anyone without a ticket …
    await expect(pool.run(() => Promise.resolve("walk-in"))).rejects.toBeInstanceOf(HashingBusyError);
    // … but the two promised jobs wait their turn.
    const context: RequestContext = {
      reqId: "a",
      method: "POST",
      route: "/sspr/challenge",
      client: null,
      hashTicket: ticket,
    };
    const admitted = requestContext.run(context, () =>
      Promise.all([pool.run(() => Promise.resolve("one")), pool.run(() => Promise.resolve("two"))]),
    );
    hold.open();
    await first;
    await expect(admitted).resolves.toEqual(["one", "two"]);
    expect(ticket.remaining).toBe(0);
  });
});
