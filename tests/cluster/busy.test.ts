// Story: a flood of sign-ins cannot exhaust the server's memory. argon2 runs through a bounded
// pool; with a tiny queue (HASH_QUEUE_LIMIT=0), a sign-in that arrives while every slot hashes is
// refused at the edge with a 503, a Retry-After and a short page; one let in is judged, whatever
// comes after it; nothing ends in a 500.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Browser, formWith, type Page } from "./browserless";
import { startInstance, type Instance } from "./instances";
import { says, t } from "./flows";

const { databaseUrl, authSecret, buildDir } = inject("cluster");
const MAX_POSTS = 400;
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
    const browser = new Browser(instance.base);
    const form = formWith(await browser.get("/login"), "Log In");
    // Each a Login ID of its own: one ID would be slowed (not hashed) after 10 wrong passwords.
    const fields = (i: number) => ({ loginId: `flood_pupil_${i}`, password: "Not-His-Password-1" });
    // Sign-ins keep arriving every 2 ms while earlier ones hash, until one meets a full pool.
    const pending: Promise<Page>[] = [];
    let refused = false;
    for (let i = 0; i < MAX_POSTS && !refused; i++) {
      pending.push(
        new Browser(instance.base).submit(form, fields(i)).then((page) => {
          if (page.status === 503) refused = true;
          return page;
        }),
      );
      await sleep(2);
    }
    const pages = await Promise.all(pending);
    const statuses = pages.map((page) => page.status);
    console.log(`${pages.length} sign-ins, queue 0: ${statuses.filter((s) => s === 503).length} × 503`);
    const busy = pages.filter((page) => page.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const page of busy) {
      expect(page.html).toContain(t.busy.heading);
      expect(Number(page.retryAfter)).toBeGreaterThan(0);
    }
    expect(pages.filter((page) => page.status >= 500 && page.status !== 503)).toEqual([]);
    // The ones let in were judged as usual, every one: the same words for a wrong password, never
    // the busy words inside the page (no third outcome: let in at the edge is answered).
    const answered = pages.filter((page) => page.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    for (const page of answered) expect(says(page, t.login.failed)).toBe(true);
    expect(pages.filter((page) => page.status !== 200 && page.status !== 503)).toEqual([]);
  });
});
