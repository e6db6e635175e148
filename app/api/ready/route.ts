import { readiness } from "@/lib/data/readiness";

// Readiness: send this instance traffic only while it answers 200. 503 with a short reason
// (stopping, database, migrations) otherwise; never a version, a host or an error's text.
export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };

async function answer(): Promise<Response> {
  const state = await readiness();
  return state.ready
    ? Response.json({ status: "ready" }, { headers: HEADERS })
    : Response.json({ status: "unavailable", reason: state.reason }, { status: 503, headers: HEADERS });
}

export const GET = answer;

export async function HEAD(): Promise<Response> {
  const response = await answer();
  return new Response(null, { status: response.status, headers: HEADERS });
}
