// argon2 runs on worker threads of its own, below the request thread's priority: the request
// thread only posts the job (lib/crypto/argon2-threads.ts). What a caller sees is unchanged: a
// right secret verifies, a wrong one or a wrong pepper does not, a malformed hash is an error.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { argon2Threads } from "@/lib/crypto/argon2-threads";
import { ARGON2_OPTIONS } from "@/lib/crypto/hashing";

const PEPPER = new Uint8Array(32).fill(7);

/** The nice value of each of this process's threads (Linux keeps one per thread). */
function niceByThread(): Map<string, number> {
  const nice = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
    const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8");
    nice.set(tid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
  }
  return nice;
}

describe("argon2 threads", () => {
  it("hash and verify: the right secret and pepper match, anything else does not", async () => {
    const threads = argon2Threads();
    const phc = await threads.hash("Morning-Bell-Rings-2031", { ...ARGON2_OPTIONS, secret: PEPPER });
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await threads.verify(phc, "Morning-Bell-Rings-2031", { secret: PEPPER })).toBe(true);
    expect(await threads.verify(phc, "morning-bell-rings-2031", { secret: PEPPER })).toBe(false);
    expect(await threads.verify(phc, "Morning-Bell-Rings-2031", { secret: new Uint8Array(32) })).toBe(false);
    expect(await threads.verify(phc, "Morning-Bell-Rings-2031")).toBe(false);
    await expect(threads.verify("not a hash", "anything")).rejects.toThrow();
  });

  it("runs jobs side by side on threads below the calling thread's priority", async () => {
    const threads = argon2Threads();
    const phc = await threads.hash("x", ARGON2_OPTIONS);
    const results = await Promise.all([1, 2, 3, 4].map(() => threads.verify(phc, "x")));
    expect(results).toEqual([true, true, true, true]);
    const nice = niceByThread();
    expect(nice.get(String(process.pid))).toBe(0);
    // At least two workers (the jobs ran at once), each at nice 10.
    expect([...nice.values()].filter((value) => value === 10).length).toBeGreaterThanOrEqual(2);
  });
});
