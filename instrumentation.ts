// Open (and for the embedded database: migrate and seed) the database when the server starts,
// not on the first visitor's request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/data/db");
  await getDb();
}
