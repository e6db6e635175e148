// Once per run, for the PGlite half of the integration tests: a database migrated and seeded with
// the demo data, dumped as a data folder that every test file starts from (tests/integration/
// setup.ts). Migrating PGlite takes seconds per file; loading the folder a fraction of that.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** The peppers the template's hashes were made with ("" for none). */
    pgliteTemplatePeppers: string;
  }
}

export default async function setup(project: TestProject) {
  // The workers' environment (vitest.config.ts), which the seed's hashing reads.
  Object.assign(process.env, project.config.env);
  const { migrateDatabase, openPglite } = await import("@/db/client");
  const { seedDemoData } = await import("@/db/seed");
  const database = await openPglite("memory://");
  await migrateDatabase(database);
  await seedDemoData(database.db);
  const dump = await database.dump!();
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), "sspr-pglite-template-"));
  const file = join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("pgliteTemplatePeppers", process.env.PASSWORD_PEPPERS ?? "");
  return () => rmSync(dir, { recursive: true, force: true });
}
