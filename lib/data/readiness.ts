import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { isStopping } from "@/lib/http/server";
import { getDb } from "./db";

// Readiness (GET /api/ready): may this instance be sent traffic? Only while it is not stopping,
// its database answers, and every migration this version ships has been applied there (an
// instance of a new version started before `npm run db:migrate` waits, unready).

export type Readiness = { ready: true } | { ready: false; reason: "stopping" | "database" | "migrations" };

/** A database that does not answer in this long counts as down. */
const CHECK_TIMEOUT_MS = 2_000;

let expected: number | undefined;
/** When the newest migration this version ships was made (drizzle-kit's journal). */
function newestMigration(): number {
  if (expected === undefined) {
    const journal = JSON.parse(
      readFileSync(join(/* turbopackIgnore: true */ MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
    ) as { entries: { when: number }[] };
    expected = Math.max(...journal.entries.map((entry) => entry.when));
  }
  return expected;
}

/** The newest migration applied to the database (drizzle's own record), or null for none. */
async function newestApplied(): Promise<number | null> {
  const db = await getDb();
  const result: unknown = await db.execute(
    sql`SELECT max(created_at)::text AS newest FROM drizzle.__drizzle_migrations`,
  );
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  const newest = (rows[0] as { newest: string | null } | undefined)?.newest;
  return newest ? Number(newest) : null;
}

export async function readiness(): Promise<Readiness> {
  if (isStopping()) return { ready: false, reason: "stopping" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((done) => {
    timer = setTimeout(() => done("timeout"), CHECK_TIMEOUT_MS);
  });
  try {
    const applied = await Promise.race([newestApplied(), timeout]);
    if (applied === "timeout") return { ready: false, reason: "database" };
    if (applied === null || applied < newestMigration()) return { ready: false, reason: "migrations" };
    return { ready: true };
  } catch (error) {
    // No migrations table at all: a database nobody has migrated.
    const code =
      (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ??
      (error as { code?: unknown }).code;
    if (code === "42P01" || code === "3F000") return { ready: false, reason: "migrations" };
    return { ready: false, reason: "database" };
  } finally {
    clearTimeout(timer);
  }
}
