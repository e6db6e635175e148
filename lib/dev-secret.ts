import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** With no AUTH_SECRET in development, generate one and keep it so sessions survive restarts. */
export function readOrCreateDevSecret(dataDir: string, isProduction: boolean): string {
  if (isProduction) throw new Error("AUTH_SECRET must be set in production (see .env.example)");
  const file = join(dataDir, "auth-secret");
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch {
    // Already there: keep the one that sessions were signed with.
  }
  return readFileSync(file, "utf8").trim();
}
