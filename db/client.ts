// One Drizzle schema, two engines: real PostgreSQL when DATABASE_URL is set, embedded PGlite
// (data in DATA_DIR) otherwise.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { preparedByDefault } from "./prepared-statements";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;
export type Database = {
  db: Db;
  engine: "postgres" | "pglite";
  close: () => Promise<void>;
  /** PGlite only: its data folder as a tar file. */
  dump?: () => Promise<Blob>;
};

export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db/migrations");

/** How long opening a connection may take (the default is 30 s). postgres.js 3.4.9 left a pooled
 *  connection that PostgreSQL cut mid-transaction unable to send its startup message (its write
 *  scheduler outlived the socket): each use of the slot waited this long and failed, or threw an
 *  uncaught TypeError. patches/postgres+3.4.9.patch (applied by `postinstall`) fixes the driver;
 *  tests/cluster/postgres-restart.test.ts fails without it. A short timeout still bounds what a
 *  sign-in waits while PostgreSQL restarts. */
const CONNECT_TIMEOUT_SECONDS = 5;

/** A pool whose connection closed (PostgreSQL restarted, a network cut) is replaced by a fresh one
 *  at the next use, at most once a second; the old pool ends once its queries settle (or after
 *  END_OLD_POOL_SECONDS). postgres.js 3.4.9 can leave a connection that lost its socket inside a
 *  transaction unable to answer again (upstream porsager/postgres#1186, #1215): a fresh pool holds
 *  no such connection. tests/cluster/postgres-restart.test.ts shows it. */
const REPLACE_POOL_AFTER_MS = 1000;
const END_OLD_POOL_SECONDS = 10;

/** `role`: a role the connections take (SET ROLE) after signing in; tests use it for the app's
 *  least-privilege role (db/migrations/0008_app_role.sql). */
export async function openPostgres(
  url: string,
  options: { max?: number; role?: string } = {},
): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const open = () => {
    const pool = {
      closed: false,
      client: postgres(url, {
        max: options.max ?? 10,
        connect_timeout: CONNECT_TIMEOUT_SECONDS,
        onnotice: () => {},
        ...(options.role && { connection: { options: `-c role=${options.role}` } }),
        onclose: () => {
          pool.closed = true;
        },
      }),
      openedAt: Date.now(),
    };
    return { ...pool, pool, db: drizzle(preparedByDefault(pool.client), { schema }) as unknown as Db };
  };
  let current = open();
  let ended = false;
  return {
    get db() {
      if (!ended && current.pool.closed && Date.now() - current.openedAt >= REPLACE_POOL_AFTER_MS) {
        const old = current;
        current = open();
        void old.client.end({ timeout: END_OLD_POOL_SECONDS }).catch(() => {});
      }
      return current.db;
    },
    engine: "postgres",
    close: () => {
      ended = true;
      return current.client.end();
    },
  };
}

/** `dataDir` of `memory://` keeps everything in memory (tests); `loadDataDir`, a data folder
 *  dumped by `dumpPglite`, starts it from that (the tests' migrated and seeded template). */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let path = dataDir;
  if (!dataDir.startsWith("memory://")) {
    // PGlite creates only the last folder of its path.
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, "pglite");
  }
  // PGlite's PostgreSQL keeps its buffers in the server's own memory: 32 MB (not the default
  // 128 MB) hold a school's tables many times over, and a rush's peak stays about 60 MB lower.
  const client = new PGlite(path, { postgresqlconf: ["shared_buffers=32MB"], ...options });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    engine: "pglite",
    close: () => client.close(),
    dump: () => client.dumpDataDir("none"),
  };
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
