import "server-only";

// What every server process does once, before its first request (instrumentation.ts, Node.js
// only): check every setting (lib/server/settings.ts) and stop with one line per problem; refuse to run
// without the database driver's fix; wrap the HTTP server's requests (the client's address for
// the app, a request id, one log line each: lib/http/server.ts); tell a production operator what
// their settings leave open; open the database (the embedded one is migrated, and seeded only for
// the demo) and say how to create the first administrator when it has no account; start this
// instance's e-mail outbox worker; and, in production, stop gracefully on SIGTERM.
export async function startServer(): Promise<void> {
  const { settingsProblems } = await import("./settings");
  const problems = settingsProblems(process.env);
  if (problems.length > 0) {
    // Next would otherwise stay up and answer 500 to every request.
    for (const problem of problems) console.error(`[sspr] setting ${problem}`);
    console.error(`[sspr] not started: ${problems.length} setting(s) to fix (README, "Configuration").`);
    process.exit(1);
  }
  const { assertPostgresPatched } = await import("./postgres-patch");
  try {
    assertPostgresPatched();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const { installRequestHooks, installGracefulStop } = await import("../http/server");
  await installRequestHooks();
  const { config, startupWarnings } = await import("./config");
  const { logProblem } = await import("./log");
  for (const warning of startupWarnings()) logProblem(warning);
  const { announceIfEmpty, closeDb, getDb } = await import("../data/db");
  try {
    await announceIfEmpty(await getDb());
  } catch {
    // PostgreSQL down, or not migrated yet: the server starts all the same (liveness), and
    // /api/ready answers 503 until the database answers with every migration applied.
    logProblem(
      "[sspr] the database did not answer at start, or is not migrated: /api/ready says when it is ready.",
    );
  }
  const { startOutboxWorker, stopOutboxWorker } = await import("../mail/outbox-worker");
  await startOutboxWorker();
  if (config.isProduction) installGracefulStop({ stopOutbox: stopOutboxWorker, closeDatabase: closeDb });
}
