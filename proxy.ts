import { NextResponse, type NextRequest } from "next/server";
import { countedHeaderName } from "@/lib/limits/attempts";
import { config as settings } from "@/lib/server/config";
import { takeRateLimit } from "@/lib/data/rate-limits";
import { hashJobsOf } from "@/lib/http/admission";
import { scopeOf, type RateLimitScope } from "@/lib/limits/rate-limit";
import { requestContext } from "@/lib/http/request-context";
import { hashPool } from "@/lib/crypto/hash-pool";
import { refusalPage, refusalResponseInit } from "@/lib/http/refusal-page";
import { clientAddressFrom } from "@/lib/http/request";
import { PATH_HEADER, localeOf } from "@/lib/messages/locales";

const readerLocale = (request: NextRequest) =>
  localeOf(request.headers.get("cookie"), request.headers.get("accept-language"));

// The framework's edges, for every page and action: per-request CSP nonces, no caching of
// pages, and a same-origin check on every state-changing request. Authorisation does NOT live
// here: every page, action and data function checks its caller itself.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Called server to server with a bearer secret (no cookie): a cross-site form gains nothing, so
 *  the same-origin check is not asked of it. */
const CRON_ROUTE = "/api/cron/outbox";

/** A POST from another site changes nothing. Without an Origin (or with `null`), only the
 *  browser's own word that the request is same-origin lets it through. */
export function isSameOriginRequest(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}

/** A form of ours is a few kilobytes; only the cohort upload (a CSV of at most 2 MB, from a
 *  signed-in administrator) is larger. Anything bigger is refused before it is read. */
export const MAX_FORM_BYTES = 64 * 1024;
export const MAX_UPLOAD_BYTES = 3 * 1024 * 1024;
const UPLOAD_PATH = "/admin/import";
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** 413 for a post larger than its page's forms can be, 411 for one that does not say its size
 *  (browsers always do for a form). The server's own validation answers everything smaller,
 *  next to the field. */
export function oversizedPost(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || request.nextUrl.pathname === CRON_ROUTE) return null;
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d{1,12}$/.test(declared)) {
    return new NextResponse("Length required", { status: 411 });
  }
  const upload =
    request.nextUrl.pathname === UPLOAD_PATH &&
    request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (Number(declared) <= (upload ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES)) return null;
  return new NextResponse(
    refusalPage("tooLarge", 0, request.nextUrl.pathname, readerLocale(request)),
    refusalResponseInit(413),
  );
}

/** Counts sign-in and reset posts and the reset path's pages per client address, in the database
 *  shared by every instance, and marks what it counted (lib/limits/attempts.ts: an action posted to a URL
 *  counted here, or under another scope, counts itself). If the database cannot answer, the
 *  request goes on: the lockout gate and the per-account limits still hold. */
async function rateLimited(request: NextRequest): Promise<NextResponse | RateLimitScope | null> {
  const scope = scopeOf(request.method, request.nextUrl.pathname);
  if (!scope) return null;
  // Sign-in and Check Answers hash. Let in by this app's own HTTP server (lib/http/admission.ts), they
  // hold a ticket; served some other way (a serverless host), the hashing queue decides here.
  const jobs = hashJobsOf(request.method, request.nextUrl.pathname);
  if (jobs > 0 && !requestContext.getStore()?.hashTicket && !hashPool().wouldAdmit(jobs)) {
    return new NextResponse(
      refusalPage("busy", 5, "/login", readerLocale(request)),
      refusalResponseInit(503, 5),
    );
  }
  // No usable address: not counted here (one shared bucket would let one client shut out all).
  const address = clientAddressFrom(request.headers);
  if (!address) return null;
  try {
    const verdict = await takeRateLimit(scope, address, settings.rateLimit);
    if (verdict.allowed) return scope;
    return new NextResponse(
      refusalPage("rateLimit", verdict.retryAfterSeconds, "/login", readerLocale(request)),
      refusalResponseInit(429, verdict.retryAfterSeconds),
    );
  } catch {
    return null;
  }
}

export async function proxy(request: NextRequest) {
  // Only Next.js itself may send this header; from outside it is an attack (CVE-2025-29927).
  if (request.headers.has("x-middleware-subrequest")) {
    return new NextResponse("Bad request", { status: 400 });
  }
  if (!isSameOriginRequest(request) && request.nextUrl.pathname !== CRON_ROUTE) {
    return new NextResponse("Forbidden: cross-site request", { status: 403 });
  }
  const oversized = oversizedPost(request);
  if (oversized) return oversized;
  const limited = await rateLimited(request);
  if (limited instanceof NextResponse) return limited;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  // `Origin: null` passed the check above on the browser's same-origin word; Next.js would
  // refuse it with a 500, so it sees the request as one without an Origin.
  if (requestHeaders.get("origin") === "null") requestHeaders.delete("origin");
  // What the proxy counted, for the actions (lib/limits/attempts.ts); never a client's own copy (its
  // name is random per process, like the peer address's that the server sets on every request).
  requestHeaders.delete(countedHeaderName());
  if (limited) requestHeaders.set(countedHeaderName(), limited);
  requestHeaders.set("x-nonce", nonce);
  // The page's own path, for the language switcher's way back (lib/messages/locales.ts PATH_HEADER).
  requestHeaders.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`.slice(0, 2000));
  requestHeaders.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Cache-Control", "no-store");
  // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` on same-origin
  // form posts, which would blind the check above.
  response.headers.set("Referrer-Policy", "same-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  if (process.env.NODE_ENV === "production") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  // The health checks are answered without it: cheap, and never cached (their own headers).
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|api/health$|api/ready$).*)"],
};
