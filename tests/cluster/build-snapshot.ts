// A private copy of the production build in .next, taken when no `next build` runs. The instances
// run from the copy (`next start <dir>`), so a build started elsewhere while the suite runs cannot
// swap the files under them.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const BUILD_WAIT_MS = 300_000;
const ATTEMPTS = 5;

export type BuildSnapshot = { dir: string; remove: () => void };

/** True while a `next build` runs (it renames itself `next-build`): .next is being rewritten. */
function buildRunning(): boolean {
  return spawnSync("pgrep", ["-f", "^next-build|^node[^ ]* [^ ]*next build"]).status === 0;
}

const buildId = () => (existsSync(".next/BUILD_ID") ? readFileSync(".next/BUILD_ID", "utf8") : null);

async function waitForBuild(): Promise<void> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  while ((buildRunning() || !buildId()) && Date.now() < deadline) await sleep(2000);
  if (!buildId()) throw new Error("No production build in .next: run `next build` first.");
}

function copyBuild(dir: string): void {
  // The cache, and the standalone copy (the deploy suite's, tests/deploy/image.ts), are not run.
  const skipped = [resolve(".next/cache"), resolve(".next/standalone")];
  cpSync(".next", join(dir, ".next"), {
    recursive: true,
    filter: (src) => !skipped.some((root) => resolve(src).startsWith(root)),
  });
  cpSync("package.json", join(dir, "package.json"));
  cpSync("next.config.mjs", join(dir, "next.config.mjs"));
  mkdirSync(join(dir, "db"));
  cpSync("db/migrations", join(dir, "db/migrations"), { recursive: true });
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
}

/** Copies the current build; tries again when a build started or finished during the copy. */
export async function snapshotBuild(): Promise<BuildSnapshot> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await waitForBuild();
    const before = buildId();
    const dir = mkdtempSync(join(tmpdir(), "sspr-cluster-build-"));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    try {
      copyBuild(dir);
      const copied = readFileSync(join(dir, ".next/BUILD_ID"), "utf8");
      if (!buildRunning() && buildId() === before && copied === before) return { dir, remove };
    } catch {
      // .next changed while it was copied
    }
    remove();
    await sleep(3000);
  }
  throw new Error("Could not copy a stable production build from .next: is `next build` running?");
}
