import { createConnection } from "node:net";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests run twice: against embedded PGlite and against the real PostgreSQL.
// Without PostgreSQL (and without CI) that half says so and is left out; under CI it is required.
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function postgresAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = createConnection({ host: hostname, port: Number(port || 5432), timeout: 1500 });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
    socket.once("timeout", () => (socket.destroy(), done(false)));
  });
}

const withPostgres = (await postgresAnswers(POSTGRES_URL)) || process.env.CI === "true";
if (!withPostgres) {
  console.warn(
    `\n[vitest] PostgreSQL does not answer at ${POSTGRES_URL}: integration tests run on PGlite only.\n`,
  );
}
const shared = {
  alias: {
    "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
    "@": fileURLToPath(new URL(".", import.meta.url)),
  },
};
const env = {
  AUTH_SECRET: "vitest-secret-that-is-long-enough-0123456789",
  DATA_DIR: ".data-test",
  NODE_ENV: "test" as const,
  // The server's log lines (lib/server/log.ts) are the deploy suite's to read; here they would only bury
  // the tests' own output.
  LOG_LEVEL: "silent",
};
const integration = (engine: "pglite" | "postgres") => ({
  resolve: shared,
  test: {
    name: `integration-${engine}`,
    include: ["tests/integration/**/*.test.ts"],
    setupFiles: ["tests/integration/setup.ts"],
    globalSetup: ["tests/integration/database-template.ts"],
    env: {
      ...env,
      TEST_ENGINE: engine,
      TEST_POSTGRES_URL: POSTGRES_URL,
      // Two workers share two cores: argon2 may wait longer here than the production budget of a
      // second without a rush to refuse (admission itself: tests/unit/admission.test.ts,
      // tests/unit/hash-pool.test.ts, tests/cluster/busy.test.ts).
      ADMISSION_WAIT_MS: "60000",
    },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
export default defineConfig({
  test: {
    // Files are independent (each has its own database): both cores, not vitest's default of one
    // fewer than the CPU count.
    maxWorkers: 2,
    projects: [
      { resolve: shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env } },
      integration("pglite"),
      ...(withPostgres ? [integration("postgres")] : []),
    ],
  },
});
