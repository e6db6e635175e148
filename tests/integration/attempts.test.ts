// Story: a sign-in or reset attempt is counted against the client's address where its work is
// done. The proxy counts the posts it recognises by their URL and marks them (a header whose name
// is random per process); an attempt that reaches the action without that mark for its own scope
// (posted by another URL, or the proxy could not count it) is counted by the action itself, once.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { countAttemptOf, countedHeaderName, RateLimitedError } from "@/lib/limits/attempts";
import { peerHeaderName } from "@/lib/http/client-address";
import { getDb } from "@/lib/data/db";

async function hits(bucket: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(eq(rateLimits.bucket, bucket));
  return row?.hits ?? 0;
}

const request = (peer: string, marked?: string) =>
  new Headers({ [peerHeaderName()]: peer, ...(marked && { [countedHeaderName()]: marked }) });

describe("counting an attempt in the action", () => {
  it("counts an attempt the proxy did not count, and not one it did", async () => {
    await countAttemptOf(request("198.51.100.71"), "signIn");
    expect(await hits("signIn:198.51.100.71")).toBe(1);
    await countAttemptOf(request("198.51.100.71", "signIn"), "signIn");
    expect(await hits("signIn:198.51.100.71")).toBe(1);
    // Counted by the proxy as a reset post (its URL), but the work is a sign-in: counted as one.
    await countAttemptOf(request("198.51.100.71", "reset"), "signIn");
    expect(await hits("signIn:198.51.100.71")).toBe(2);
  });

  it("refuses past the limit, whatever URL brought the attempt", async () => {
    const limit = Number(process.env.RATE_LIMIT_SIGN_IN ?? 300);
    const db = await getDb();
    for (let i = 0; i < limit; i++) await countAttemptOf(request("198.51.100.72", "resetPages"), "signIn");
    await expect(countAttemptOf(request("198.51.100.72"), "signIn")).rejects.toBeInstanceOf(RateLimitedError);
    const [{ n } = { n: 0 }] = await db
      .select({ n: count() })
      .from(rateLimits)
      .where(eq(rateLimits.bucket, "signIn:198.51.100.72"));
    expect(n).toBe(1);
  });

  it("does not put requests without a usable address in one shared bucket", async () => {
    for (let i = 0; i < 5; i++)
      await countAttemptOf(new Headers({ "x-forwarded-for": "203.0.113.1" }), "reset");
    const db = await getDb();
    const buckets = await db.select({ bucket: rateLimits.bucket }).from(rateLimits);
    expect(buckets.map((b) => b.bucket).filter((b) => b.startsWith("reset:"))).toEqual([]);
  });
});
