// The cluster: one fresh PostgreSQL database, migrated and seeded with the demo data, and two
// production instances of the app sharing it, run from a copy of the build in .next. Stopped,
// dropped and removed again after the suite.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openPostgres } from "../../db/client";
import { seedDemoData } from "../../db/seed";
import { freshDatabase } from "../deploy/database";
import { snapshotBuild } from "./build-snapshot";
import { startInstances, stopInstances } from "./instances";

export type Cluster = {
  /** The two instances' base URLs, http://localhost:<port>. */
  bases: string[];
  databaseUrl: string;
  authSecret: string;
  /** The copy of the build the instances run: for a test that starts instances of its own. */
  buildDir: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    cluster: Cluster;
  }
}

const ADMIN_URL = process.env.CLUSTER_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORTS = [3211, 3212];

export default async function setup(project: TestProject) {
  const { url: databaseUrl, drop: dropDatabase } = await freshDatabase("cluster", ADMIN_URL);
  const authSecret = `cluster-secret-${randomBytes(24).toString("hex")}`;

  try {
    const database = await openPostgres(databaseUrl, { max: 1 });
    await migrateDatabase(database);
    await seedDemoData(database.db);
    await database.close();
  } catch (error) {
    await dropDatabase();
    throw error;
  }

  let build;
  let instances;
  try {
    build = await snapshotBuild();
    instances = await startInstances(PORTS, {
      buildDir: build.dir,
      databaseUrl,
      authSecret,
      // Two instances, PostgreSQL and the tests' 40 parallel browsers share two cores: a wait of a
      // few seconds for argon2 is the machine, not a rush to refuse. Admission under a rush has its
      // own instance (busy.test.ts), tests/deploy/rush.test.ts and npm run bench:load.
      env: { ADMISSION_WAIT_MS: "15000" },
    });
  } catch (error) {
    build?.remove();
    await dropDatabase();
    throw error;
  }
  const bases = instances.map((i) => i.base);
  project.provide("cluster", { bases, databaseUrl, authSecret, buildDir: build.dir });

  return async () => {
    await stopInstances(instances);
    build.remove();
    await dropDatabase();
  };
}
