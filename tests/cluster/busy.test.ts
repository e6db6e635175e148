// Story: a flood of sign-ins cannot exhaust the server's memory. argon2 runs through a bounded
// pool; with a tiny queue (HASH_QUEUE_LIMIT=0), what does not fit is refused with a 503, a
// Retry-After and a short page, and nothing ends in a 500.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startInstance, type Instance } from "./instances";
import { logIn, says, t } from "./flows";

const { databaseUrl, authSecret, buildDir } = inject("cluster");
let instance: Instance;

beforeAll(async () => {
  instance = await startInstance({
    port: 3219,
    buildDir,
    databaseUrl,
    authSecret,
    env: { HASH_QUEUE_LIMIT: "0" },
  });
});

afterAll(async () => {
  await instance?.stop();
});

describe("the hashing pool under a flood", () => {
  it("refuses what does not fit with 503 and Retry-After, and answers the rest", async () => {
    const pages = await Promise.all(
      Array.from({ length: 60 }, () => logIn(instance.base, "lim_wei_jie", "Not-His-Password-1")),
    );
    const statuses = pages.map((page) => page.status);
    console.log(`60 parallel sign-ins, queue 0: ${JSON.stringify(statuses.sort())}`);
    const busy = pages.filter((page) => page.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const page of busy) {
      expect(page.html).toContain(t.busy.heading);
      expect(Number(page.retryAfter)).toBeGreaterThan(0);
    }
    expect(pages.filter((page) => page.status >= 500 && page.status !== 503)).toEqual([]);
    // The ones that fitted were judged as usual: the same words for a wrong password.
    const answered = pages.filter((page) => page.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    for (const page of answered) expect(says(page, t.login.failed) || says(page, t.errors.busy)).toBe(true);
  });
});
