import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The deploy suite: the container image's final stage repeated on the standalone build (no Docker
// engine runs here, tests/deploy/image.ts), each file on a fresh PostgreSQL database of its own,
// one file at a time (the readiness story stops PostgreSQL).
export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
      "@": fileURLToPath(new URL(".", import.meta.url)),
    },
  },
  test: {
    name: "deploy",
    include: ["tests/deploy/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: "test" },
  },
});
