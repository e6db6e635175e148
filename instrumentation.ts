// Runs once when a server process starts, before its first request: lib/server/startup.ts, on Node.js.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/server/startup");
    await startServer();
  }
}
