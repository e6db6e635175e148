import "server-only";
import { migrateDatabase, openPglite, openPostgres, type Database, type Db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { config } from "@/lib/config";

// One database per process, kept across hot reloads in development.
const holder = globalThis as unknown as { ssprDatabase?: Promise<Database> };

async function openConfigured(): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  // Embedded PGlite: migrate and seed inside this process (PGlite has no cross-process lock).
  const database = await openPglite(config.dataDir);
  await migrateDatabase(database);
  await seedDemoData(database.db);
  return database;
}

export async function getDb(): Promise<Db> {
  holder.ssprDatabase ??= openConfigured().catch((error: unknown) => {
    holder.ssprDatabase = undefined;
    throw error;
  });
  return (await holder.ssprDatabase).db;
}

/** Tests: run the data layer against a database they opened. */
export function useDatabase(database: Database): void {
  holder.ssprDatabase = Promise.resolve(database);
}
