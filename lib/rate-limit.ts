// Rate limits per client address: generous enough for a school lab behind one address, tight
// enough that a script cannot hammer sign-in or the reset path. Pure window arithmetic here;
// lib/data/rate-limits.ts counts in the database, so the limit holds across instances.

export type RateLimitScope = "signIn" | "reset";

export type RateLimitConfig = { windowSeconds: number; limits: Record<RateLimitScope, number> };

/** Which scope a request counts against, if any: only the posts that do the work. */
export function scopeOf(method: string, pathname: string): RateLimitScope | null {
  if (method !== "POST") return null;
  if (pathname === "/login" || pathname.startsWith("/api/auth/callback")) return "signIn";
  if (pathname === "/sspr" || pathname.startsWith("/sspr/")) return "reset";
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

/** The address the nearest trusted proxy saw: `hops` proxies each appended one entry. */
export function clientAddressOf(forwardedFor: string | null, trustedHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - 1 - Math.max(0, trustedHops - 1))] ?? "unknown";
}
