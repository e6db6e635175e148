import { createHash, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/server/config";
import { runOutboxOnce } from "@/lib/mail/outbox-worker";

// The outbox worker's pass for hosts without long-running processes: a scheduler calls this with
// `Authorization: Bearer $CRON_SECRET`. Without CRON_SECRET the route does not exist.

export const dynamic = "force-dynamic";

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Constant time: equal-length digests, whatever was sent. */
function authorised(request: Request, secret: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  return timingSafeEqual(digest(header), digest(`Bearer ${secret}`));
}

async function handle(request: Request): Promise<Response> {
  const secret = config.cronSecret;
  if (!secret) return new Response("Not found", { status: 404 });
  if (!authorised(request, secret)) {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  try {
    const result = await runOutboxOnce();
    if (!result) return Response.json({ status: "no_transport" }, { status: 503 });
    return Response.json({ status: "ok", ...result });
  } catch {
    return Response.json({ status: "error" }, { status: 500 });
  }
}

export const GET = handle;
export const POST = handle;
