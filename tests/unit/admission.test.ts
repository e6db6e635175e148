// Admission of the posts that hash (lib/http/admission.ts): by the expected wait, the weight in the
// system times the measured time per job, not by a fixed queue.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { Admission, hashJobsOf } from "@/lib/http/admission";

describe("admission by expected wait", () => {
  it("lets anything into an idle server, and refuses once the wait would pass the budget", () => {
    const admission = new Admission(200);
    const admitted = [];
    for (let done = admission.admit(1); done; done = admission.admit(1)) admitted.push(done);
    // 20 ms per job before anything is measured: 200 ms hold 10.
    expect(admitted).toHaveLength(10);
    expect(admission.admit(1)).toBeNull();
    expect(admission.retryAfterSeconds(0)).toBe(1);
    admitted.pop()!();
    expect(admission.admit(1)).not.toBeNull();
  });

  it("learns the server's time per job from the gaps between answers, and admits by it", async () => {
    const admission = new Admission(1000);
    // A server answering one job every 50 ms while busy.
    const inSystem = Array.from({ length: 10 }, () => admission.admit(1)!);
    for (const answered of inSystem) {
      await sleep(50);
      answered();
    }
    for (let i = 0; i < 60; i++) {
      const answered = admission.admit(1)!;
      await sleep(50);
      answered();
    }
    expect(admission.measuredMsPerJob).toBeGreaterThan(35);
    expect(admission.measuredMsPerJob).toBeLessThan(80);
    let count = 0;
    while (admission.admit(1)) count++;
    // 1,000 ms at about 50 ms a job: some 20, not the hundreds a fixed queue would hold.
    expect(count).toBeGreaterThan(10);
    expect(count).toBeLessThan(30);
  });

  it("is not thrown off by a few answers that waited on something else (a database restarting)", async () => {
    const admission = new Admission(1000);
    for (let i = 0; i < 20; i++) {
      const answered = admission.admit(1)!;
      await sleep(20);
      answered();
    }
    // Three sign-ins held 2 s by an outage …
    const held = [admission.admit(1)!, admission.admit(1)!, admission.admit(1)!];
    await sleep(2000);
    for (const answered of held) answered();
    // … and the estimate is still the server's: a burst of 30 gets in.
    expect(admission.measuredMsPerJob).toBeLessThan(40);
    const burst = Array.from({ length: 30 }, () => admission.admit(1));
    expect(burst.every(Boolean)).toBe(true);
  });

  it("counts the connections still waiting in the kernel: a rush it has not yet seen is refused", () => {
    let waiting = 0;
    const admission = new Admission(200, () => waiting);
    expect(admission.admit(1)).not.toBeNull();
    // 20 ms per job: 9 more fit the budget while nothing waits …
    waiting = 9;
    expect(admission.admit(1)).toBeNull();
    // … and none once nine connections wait to be taken.
    waiting = 8;
    expect(admission.admit(1)).not.toBeNull();
    // An idle server still lets one in, whatever the line: work goes on.
    waiting = 500;
    const idle = new Admission(200, () => waiting);
    expect(idle.admit(1)).not.toBeNull();
    expect(idle.admit(1)).toBeNull();
  });

  it("tells refused clients to come back after the line, spread so they do not return together", () => {
    const admission = new Admission(1000, () => 150);
    for (let i = 0; i < 10; i++) admission.admit(1);
    // (10 + 150) jobs × 20 ms: a line of 3.2 s, so 4 s, and up to as much again at random.
    expect(admission.retryAfterSeconds(0)).toBe(4);
    expect(admission.retryAfterSeconds(0.5)).toBe(6);
    expect(admission.retryAfterSeconds(0.999)).toBe(8);
    const seen = new Set(Array.from({ length: 200 }, () => admission.retryAfterSeconds()));
    expect(seen.size).toBeGreaterThan(3);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...seen)).toBeLessThanOrEqual(8);
    // An empty line: 1 or 2 s. Never more than a minute.
    expect(new Admission(1000).retryAfterSeconds(0.999)).toBe(2);
    expect(new Admission(1000, () => 100_000).retryAfterSeconds(0.999)).toBe(60);
  });

  it("weighs a post by the hashes it costs", () => {
    expect(hashJobsOf("POST", "/login")).toBe(1);
    expect(hashJobsOf("POST", "/sspr/challenge")).toBe(2);
    expect(hashJobsOf("GET", "/login")).toBe(0);
    expect(hashJobsOf("POST", "/sspr/search")).toBe(0);
  });
});
