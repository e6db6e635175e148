// Story: someone installs with `npm ci --ignore-scripts`, so patch-package never runs and the
// database driver keeps the bug the patch fixes. The app and its scripts refuse to start, saying
// how to fix it, instead of failing later under load.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PATCHED_FILES,
  POSTGRES_PATCH,
  assertPostgresPatched,
  postgresPackageDir,
  unpatchedPostgresFiles,
} from "@/lib/server/postgres-patch";

const ROOT = resolve(import.meta.dirname, "../..");
let copy: string;

/** An install without the patch: the package copied to a temp project, the patch reversed. */
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "sspr-unpatched-"));
  cpSync(join(ROOT, "node_modules/postgres"), join(copy, "node_modules/postgres"), { recursive: true });
  execFileSync("patch", ["-R", "-p1", "-s", "-d", copy, "-i", join(ROOT, POSTGRES_PATCH)]);
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("the postgres.js patch at start-up", () => {
  it("finds the patch in both builds Node loads from this install", () => {
    const dir = postgresPackageDir(ROOT);
    expect(dir).toBe(join(ROOT, "node_modules/postgres"));
    // `import "postgres"` and `require("postgres")` load these folders' connection.js.
    const { exports } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      exports: { import: string; default: string };
    };
    for (const entry of [exports.import, exports.default])
      expect(PATCHED_FILES).toContain(join(dirname(entry), "connection.js"));
    expect(unpatchedPostgresFiles(dir)).toEqual([]);
    expect(() => assertPostgresPatched()).not.toThrow();
  });

  it("refuses an install without the patch, in one line that says to run npx patch-package", () => {
    const dir = postgresPackageDir(copy);
    expect(dir).toBe(join(copy, "node_modules/postgres"));
    expect(unpatchedPostgresFiles(dir)).toEqual(PATCHED_FILES.map((file) => join(dir, file)));
    expect(() => assertPostgresPatched(dir)).toThrow(
      /^postgres\.js is not patched: .*src\/connection\.js lacks patches\/postgres\+3\.4\.9\.patch .*Run `npx patch-package`, then start again\.$/,
    );
    expect(() => assertPostgresPatched(dir)).not.toThrow(/\n/);

    // Half patched (the CommonJS build only): still refused, naming the file that lacks it.
    cpSync(join(ROOT, "node_modules/postgres/src"), join(dir, "src"), { recursive: true });
    expect(unpatchedPostgresFiles(dir)).toEqual([join(dir, "cjs/src/connection.js")]);
    expect(() => assertPostgresPatched(dir)).toThrow(/cjs\/src\/connection\.js lacks/);
  });

  it("stops npm run db:migrate before it opens a database", () => {
    const run = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/db-migrate.ts")], {
      cwd: copy,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: join(copy, ".data") },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("postgres.js is not patched");
    expect(run.stderr).toContain("Run `npx patch-package`");
    expect(run.stdout).not.toContain("Migrations applied");
  }, 60_000);
});
