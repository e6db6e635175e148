import "server-only";
import { lt, sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { windowOf, type RateLimitConfig, type RateLimitScope } from "@/lib/limits/rate-limit";
import { getDb } from "./db";
import { prepared } from "./prepared";

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts this request (one atomic upsert) and says whether it is within the limit. */
export async function takeRateLimit(
  scope: RateLimitScope,
  clientAddress: string,
  config: RateLimitConfig,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const db = await getDb();
  const { start, retryAfterSeconds } = windowOf(now, config.windowSeconds);
  const [row] = await prepared(db, "countHit", (db) =>
    db
      .insert(rateLimits)
      .values({ bucket: sql.placeholder("bucket"), windowStart: sql.placeholder("start"), hits: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.bucket, rateLimits.windowStart],
        set: { hits: sql`${rateLimits.hits} + 1` },
      })
      .returning({ hits: rateLimits.hits })
      .prepare("count_hit"),
  ).execute({ bucket: `${scope}:${clientAddress}`, start });
  // Old windows are of no use: the first request of a new window clears them.
  if (row?.hits === 1) {
    await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(start.getTime() - 3_600_000)));
  }
  return (row?.hits ?? 0) > config.limits[scope] ? { allowed: false, retryAfterSeconds } : { allowed: true };
}
