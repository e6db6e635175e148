import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The cluster suite: two production instances (`next start`, the build in .next) sharing one
// fresh PostgreSQL database, driven over plain HTTP as a browser without JavaScript would.
export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
      "@": fileURLToPath(new URL(".", import.meta.url)),
    },
  },
  test: {
    name: "cluster",
    include: ["tests/cluster/**/*.test.ts"],
    globalSetup: ["tests/cluster/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    env: { NODE_ENV: "test" },
  },
});
