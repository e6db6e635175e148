// At start, before the first request: hand each request's socket address to the app (the client's
// address when no proxy is trusted, lib/client-address.ts), say what a production operator must
// know about the settings, open the database (for the embedded one: migrate, and seed only the
// demo), say how to create the first administrator on an empty database, and start this
// instance's e-mail outbox worker. Its timer never holds the process open: a pass cut short by an
// exit is taken over after its lease.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("@/lib/client-address");
  await installPeerAddressHeader();
  const { startupWarnings } = await import("@/lib/config");
  for (const warning of startupWarnings()) console.warn(warning);
  const { announceIfEmpty, getDb } = await import("@/lib/data/db");
  await announceIfEmpty(await getDb());
  const { startOutboxWorker } = await import("@/lib/mail/worker");
  await startOutboxWorker();
}
