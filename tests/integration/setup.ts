// Each test file gets a fresh, migrated and seeded database of the engine its project names.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { migrateDatabase, openPglite, openPostgres, type Database } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { setDatabase } from "@/lib/data/db";

let database: Database | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (process.env.TEST_ENGINE === "postgres") {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const name = `sspr_test_${randomBytes(6).toString("hex")}`;
    const admin = await openPostgres(adminUrl, { max: 1 });
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
    await admin.close();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openPostgres(url.toString(), { max: 10 });
    dropDatabase = async () => {
      const again = await openPostgres(adminUrl, { max: 1 });
      await again.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await again.close();
    };
    await migrateDatabase(database);
    await seedDemoData(database.db);
  } else if ((process.env.PASSWORD_PEPPERS ?? "") === inject("pgliteTemplatePeppers")) {
    // Migrated and seeded once per run (tests/integration/pglite-template.ts).
    const template = new Blob([readFileSync(inject("pgliteTemplate"))]);
    database = await openPglite("memory://", { loadDataDir: template });
  } else {
    // A file with peppers of its own (pepper-rotation) seeds with them.
    database = await openPglite("memory://");
    await migrateDatabase(database);
    await seedDemoData(database.db);
  }
  setDatabase(database);
});

afterAll(async () => {
  await database?.close();
  await dropDatabase?.();
});
