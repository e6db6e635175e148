// Open (and for the embedded database: migrate and seed) the database when the server starts,
// not on the first visitor's request; then start this instance's e-mail outbox worker. Its timer
// never holds the process open: a pass cut short by an exit is taken over after its lease.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/data/db");
  await getDb();
  const { startOutboxWorker } = await import("@/lib/mail/worker");
  await startOutboxWorker();
}
