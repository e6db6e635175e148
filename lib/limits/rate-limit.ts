// Rate limits per client address: generous enough for a school lab behind one address, tight
// enough that a script cannot hammer sign-in or the reset path. Pure window arithmetic here;
// lib/data/rate-limits.ts counts in the database, so the limit holds across instances, and
// lib/limits/attempts.ts counts each sign-in and reset attempt where its work is done.

export type RateLimitScope = "signIn" | "reset" | "resetPages";

export type RateLimitConfig = { windowSeconds: number; limits: Record<RateLimitScope, number> };

/** Which scope the proxy counts a request against, if any, by its address. Sign-in and reset
 *  posts are counted again by the actions themselves if the proxy did not (a server action can be
 *  posted to any page's URL); the reset path's pages are counted as they are read. */
export function scopeOf(method: string, pathname: string): RateLimitScope | null {
  const ssprPath = pathname === "/sspr" || pathname.startsWith("/sspr/");
  if (method === "GET" || method === "HEAD") return ssprPath ? "resetPages" : null;
  if (method !== "POST") return null;
  if (pathname === "/login") return "signIn";
  if (ssprPath) return "reset";
  return null;
}

export function windowOf(now: Date, windowSeconds: number): { start: Date; retryAfterSeconds: number } {
  const size = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return {
    start: new Date(start),
    retryAfterSeconds: Math.max(1, Math.ceil((start + size - now.getTime()) / 1000)),
  };
}
