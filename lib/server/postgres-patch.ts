// patches/postgres+3.4.9.patch fixes postgres.js's write scheduler (see db/client.ts), and only
// `postinstall` (patch-package) applies it: `npm ci --ignore-scripts` silently leaves the driver
// unpatched. The entry points check at start-up and stop with a clear line instead.
// Node only (fs, module): keep it out of client and edge code.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export const POSTGRES_PATCH = "patches/postgres+3.4.9.patch";

/** The builds Node loads: `import` gets src/, `require` gets cjs/src/ (package.json "exports"). */
export const PATCHED_FILES = ["src/connection.js", "cjs/src/connection.js"] as const;

/** connection.js with all three hunks: the helper the patch adds, the guard in nextWrite, and the
 *  helper called where the closed and terminated connections used to clear only the timer. */
export function isPatchedConnection(text: string): boolean {
  return (
    text.includes("function clearWriteScheduler() {") &&
    /if \(!socket\) \{\s*clearWriteScheduler\(\)/.test(text) &&
    (text.match(/^\s*clearWriteScheduler\(\)\s*$/gm) ?? []).length >= 3
  );
}

/** The postgres package folder that `import "postgres"` finds from `fromDir`: the nearest
 *  node_modules/postgres above it (its "exports" may not resolve in a trimmed install, such as
 *  the standalone build's, which holds only the files the server loads). */
export function postgresPackageDir(fromDir: string = process.cwd()): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(/* turbopackIgnore: true */ dir, "node_modules", "postgres");
    if (existsSync(/* turbopackIgnore: true */ join(candidate, "package.json"))) return candidate;
    if (dir === dirname(dir)) break;
  }
  throw new Error(`postgres.js: no node_modules/postgres above ${fromDir}`);
}

/** The files of `packageDir` that lack the patch (an empty list: patched). A build the install
 *  left out (the standalone server ships only src/) is not loaded, so not checked; but one of
 *  them must be there. */
export function unpatchedPostgresFiles(packageDir: string): string[] {
  // turbopackIgnore: these reads are the check itself, not files for Next to trace into the build.
  const files = PATCHED_FILES.map((file) => join(/* turbopackIgnore: true */ packageDir, file));
  const present = files.filter((file) => existsSync(/* turbopackIgnore: true */ file));
  if (present.length === 0) return files;
  return present.filter(
    (file) => !isPatchedConnection(readFileSync(/* turbopackIgnore: true */ file, "utf8")),
  );
}

/** Throws one line naming the fix when the installed postgres.js lacks the patch. */
export function assertPostgresPatched(packageDir: string = postgresPackageDir()): void {
  const [file] = unpatchedPostgresFiles(packageDir);
  if (file === undefined) return;
  throw new Error(
    `postgres.js is not patched: ${relative(process.cwd(), file)} lacks ${POSTGRES_PATCH} (installed with --ignore-scripts?). Run \`npx patch-package\`, then start again.`,
  );
}
