import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Outside production, a secret that was not given is generated once and kept in the data folder
 *  (so sessions and sealed secrets survive restarts). In production it must be given: a missing
 *  one stops the start, it is never generated there. `file`: its name in the data folder. */
export function readOrCreateDevSecret(
  dataDir: string,
  isProduction: boolean,
  file = "auth-secret",
  variable = "AUTH_SECRET",
): string {
  if (isProduction) throw new Error(`${variable} must be set in production (see .env.example)`);
  const path = join(/* turbopackIgnore: true */ dataDir, file);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch {
    // Already there: keep the one in use.
  }
  return readFileSync(path, "utf8").trim();
}
