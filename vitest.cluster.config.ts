import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Files that disturb the shared PostgreSQL (a restart) run after all the others, which assume a
 *  steady database. */
const LAST = ["postgres-restart.test.ts"];

class DisruptiveLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (file: TestSpecification) => LAST.some((name) => file.moduleId.endsWith(`/${name}`));
    return [...sorted.filter((file) => !last(file)), ...sorted.filter(last)];
  }
}

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
    sequence: { sequencer: DisruptiveLast },
    testTimeout: 180_000,
    hookTimeout: 240_000,
    env: { NODE_ENV: "test" },
  },
});
