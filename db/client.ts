// One Drizzle schema, two engines: real PostgreSQL when DATABASE_URL is set, embedded PGlite
// (data in DATA_DIR) otherwise.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;
export type Database = { db: Db; engine: "postgres" | "pglite"; close: () => Promise<void> };

export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db/migrations");

/** How long opening a connection may take. postgres.js 3.4.9 can leave a pooled connection that
 *  PostgreSQL cut in the middle of a transaction unable to send its startup message (its write
 *  scheduler is never reset): each later use of that slot waits this long and fails, about ten
 *  times before the slot heals, and a PostgreSQL shutting down waits as long for the silent client.
 *  The default, 30 s, made a restart take 30 s; see tests/cluster/postgres-restart.test.ts. */
const CONNECT_TIMEOUT_SECONDS = 5;

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    onnotice: () => {},
  });
  const db = drizzle(client, { schema });
  return { db: db as unknown as Db, engine: "postgres", close: () => client.end() };
}

/** `dataDir` of `memory://` keeps everything in memory (tests). */
export async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let path = dataDir;
  if (!dataDir.startsWith("memory://")) {
    // PGlite creates only the last folder of its path.
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, "pglite");
  }
  const client = new PGlite(path);
  const db = drizzle(client, { schema });
  return { db: db as unknown as Db, engine: "pglite", close: () => client.close() };
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.engine === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(database.db as never, config);
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, config);
  }
}
