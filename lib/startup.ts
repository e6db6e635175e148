import "server-only";

// What every server process does once, before its first request (instrumentation.ts, Node.js
// only): refuse to run without the database driver's fix; hand each request's socket address to
// the app (the client's address when no proxy is trusted, lib/client-address.ts); tell a
// production operator what their settings leave open; open the database (the embedded one is
// migrated, and seeded only for the demo) and say how to create the first administrator when it
// has no account; start this instance's e-mail outbox worker. The worker's timer never holds the
// process open: a pass cut short by an exit is taken over after its lease.
export async function startServer(): Promise<void> {
  const { assertPostgresPatched } = await import("./postgres-patch");
  try {
    assertPostgresPatched();
  } catch (error) {
    // Next would otherwise stay up and answer 500 to every request.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const { installPeerAddressHeader } = await import("./client-address");
  await installPeerAddressHeader();
  const { startupWarnings } = await import("./config");
  for (const warning of startupWarnings()) console.warn(warning);
  const { announceIfEmpty, getDb } = await import("./data/db");
  await announceIfEmpty(await getDb());
  const { startOutboxWorker } = await import("./mail/worker");
  await startOutboxWorker();
}
