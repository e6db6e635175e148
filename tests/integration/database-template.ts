// Once per run, for each half of the integration tests: one database migrated and seeded with the
// demo data, that every test file starts from (tests/integration/setup.ts). Migrating and seeding
// (argon2 hashes of every demo account) took seconds per file; copying the template a fraction.
// - PGlite: the database dumped as a data folder, loaded by each file.
// - PostgreSQL: a template database, copied by each file with CREATE DATABASE … TEMPLATE.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: the dumped data folder's file; PostgreSQL: the template database's name. */
    databaseTemplate: string;
    /** The peppers the template's hashes were made with ("" for none). */
    databaseTemplatePeppers: string;
  }
}

export default async function setup(project: TestProject) {
  // The workers' environment (vitest.config.ts), which the seed's hashing reads.
  Object.assign(process.env, project.config.env);
  const { migrateDatabase, openPglite, openPostgres } = await import("@/db/client");
  const { seedDemoData } = await import("@/db/seed");
  project.provide("databaseTemplatePeppers", process.env.PASSWORD_PEPPERS ?? "");

  if (process.env.TEST_ENGINE === "postgres") {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const name = `sspr_template_${randomBytes(6).toString("hex")}`;
    const onAdmin = async (statement: string) => {
      const admin = await openPostgres(adminUrl, { max: 1 });
      try {
        await admin.db.execute(sql.raw(statement));
      } finally {
        await admin.close();
      }
    };
    await onAdmin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // A template must have no session open while it is copied: this one closes before any file.
    const database = await openPostgres(url.toString(), { max: 1 });
    try {
      await migrateDatabase(database);
      await seedDemoData(database.db);
    } finally {
      await database.close();
    }
    project.provide("databaseTemplate", name);
    return () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }

  const database = await openPglite("memory://");
  await migrateDatabase(database);
  await seedDemoData(database.db);
  const dump = await database.dump!();
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), "sspr-pglite-template-"));
  const file = join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
