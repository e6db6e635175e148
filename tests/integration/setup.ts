// Each test file gets a fresh, migrated and seeded database of the engine its project names: a
// copy of the run's template (tests/integration/database-template.ts), unless the file sets
// peppers of its own (pepper-rotation), when it migrates and seeds with them.
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
  const fromTemplate = (process.env.PASSWORD_PEPPERS ?? "") === inject("databaseTemplatePeppers");
  if (process.env.TEST_ENGINE === "postgres") {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const name = `sspr_test_${randomBytes(6).toString("hex")}`;
    const admin = await openPostgres(adminUrl, { max: 1 });
    const template = fromTemplate ? ` TEMPLATE ${inject("databaseTemplate")}` : "";
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}${template}`));
    await admin.close();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openPostgres(url.toString(), { max: 10 });
    dropDatabase = async () => {
      const again = await openPostgres(adminUrl, { max: 1 });
      await again.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await again.close();
    };
    if (!fromTemplate) {
      await migrateDatabase(database);
      await seedDemoData(database.db);
    }
  } else if (fromTemplate) {
    const template = new Blob([readFileSync(inject("databaseTemplate"))]);
    database = await openPglite("memory://", { loadDataDir: template });
  } else {
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
