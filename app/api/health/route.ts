// Liveness: the process answers. No database, no versions: restart the process when this fails.
export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: HEADERS });
}

export function HEAD(): Response {
  return new Response(null, { headers: HEADERS });
}
