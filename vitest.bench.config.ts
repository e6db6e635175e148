import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run bench`: the administrator's queries against a school of 3,000 students and one of 100,
// on a fresh PostgreSQL database; vitest reports each one's time and the ratio between the two.
export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
      "@": fileURLToPath(new URL(".", import.meta.url)),
    },
  },
  test: {
    include: ["tests/bench/**/*.bench.ts"],
    env: {
      AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789",
      DATA_DIR: ".data-bench",
      NODE_ENV: "test",
      TEST_POSTGRES_URL: process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    },
  },
});
