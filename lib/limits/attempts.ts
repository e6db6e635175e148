import "server-only";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { config } from "../server/config";
import { takeRateLimit } from "../data/rate-limits";
import type { RateLimitScope } from "./rate-limit";
import { clientAddressFrom } from "../http/request";
import { processWide } from "../server/process-wide";

// Sign-in and reset attempts are counted per client address where their work is done: in the
// actions. The proxy counts the posts it recognises by their URL and marks the request as counted
// (it answers 429 itself when over the limit); an action posted to any other URL finds no mark
// and counts itself, so no path to the work goes uncounted, and none is counted twice.

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("rate limited");
    this.name = "RateLimitedError";
  }
}

/** The header through which the proxy tells the actions what it counted. Random per process, so
 *  a client cannot send it; the proxy also removes any copy before setting its own. */
export function countedHeaderName(): string {
  return processWide("countedHeader", () => `x-sspr-counted-${randomBytes(12).toString("hex")}`);
}

/** Counts this request's attempt against `scope` unless the proxy did; throws RateLimitedError
 *  over the limit. A request without a usable address is not counted per address (one shared
 *  bucket would let one client lock out everyone); the per-account limits still hold. */
export async function countAttempt(scope: RateLimitScope): Promise<void> {
  await countAttemptOf(await headers(), scope);
}

/** The same, for a request's headers. */
export async function countAttemptOf(source: Headers, scope: RateLimitScope): Promise<void> {
  if (source.get(countedHeaderName()) === scope) return;
  const address = clientAddressFrom(source);
  if (!address) return;
  const verdict = await takeRateLimit(scope, address, config.rateLimit);
  if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
}
