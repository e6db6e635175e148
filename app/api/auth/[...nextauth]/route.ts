import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

// Auth.js's own routes are not how anyone signs in or out here: the Log In and Log Out forms are
// server actions, which count and check every try (app/login/actions.ts). Only the session
// endpoint answers, and it gives a script no more than whether there is a session and until
// when: never the server-side session's id or anything else the token carries.
const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(request: NextRequest): Promise<Response> {
  if (!request.nextUrl.pathname.endsWith("/api/auth/session")) return notFound();
  const response = await handlers.GET(request);
  const session = (await response.json().catch(() => null)) as { expires?: unknown } | null;
  const body = session && typeof session.expires === "string" ? { expires: session.expires } : null;
  const headers = new Headers({ "Content-Type": "application/json", "Cache-Control": "no-store" });
  // The session's rolling expiry is renewed through the cookie this answer sets.
  for (const cookie of response.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return new Response(JSON.stringify(body), { status: 200, headers });
}

export function POST(): Response {
  return notFound();
}
