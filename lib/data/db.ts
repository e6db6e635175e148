import "server-only";
import { count } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, type Database, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { config } from "@/lib/server/config";
import { logProblem } from "@/lib/server/log";
import { processSlot } from "@/lib/server/process-wide";

// One database per process, kept across hot reloads in development.
const opened = processSlot<Promise<Database>>("database");

async function openConfigured(): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  // Embedded PGlite: migrate (and, for the demo only, seed) inside this process (PGlite has no
  // cross-process lock).
  const database = await openPglite(config.dataDir);
  await migrateDatabase(database);
  if (config.seedDemo) {
    if (await seedDemoData(database.db)) {
      logProblem(
        `[sspr] Demo schools and accounts added${config.isProduction ? " (SEED_DEMO=1, in production: remove them before real use)" : ""}. Their passwords are published in README.md.`,
      );
    }
  }
  return database;
}

/** What a start on a database without any account says: how the first administrator is made. */
export const NO_ACCOUNTS_HINT =
  '[sspr] The database has no accounts yet. Create the first (ministry) administrator with: npm run admin:create -- --login-id <id> --name "<name>" --school "<school>" --contact <e-mail>';

/** Says, at start, when there is nobody who could sign in and how to fix it. */
export async function announceIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ accounts: count() }).from(users);
  const empty = (row?.accounts ?? 0) === 0;
  if (empty) logProblem(NO_ACCOUNTS_HINT);
  return empty;
}

export async function getDb(): Promise<Db> {
  opened.value ??= openConfigured().catch((error: unknown) => {
    opened.value = undefined;
    throw error;
  });
  return (await opened.value).db;
}

/** Tests: run the data layer against a database they opened. */
export function setDatabase(database: Database): void {
  opened.value = Promise.resolve(database);
}

/** Closes this process's database (the graceful stop, lib/http/server.ts): the pool's connections
 *  end, the embedded database writes what it holds. */
export async function closeDb(): Promise<void> {
  const database = opened.value;
  opened.value = undefined;
  if (database) await (await database).close();
}
