// A fresh PostgreSQL database per test file (and the cluster's), dropped afterwards, on the
// machine's PostgreSQL; the students and administrators a story needs in it.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { openPostgres, type Db } from "@/db/client";
import { schools, users } from "@/db/schema";
import { hashSecret } from "@/lib/crypto/hashing";
import { environment } from "./image";

const ADMIN_URL = process.env.DEPLOY_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function onAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = await openPostgres(adminUrl, { max: 1 });
  try {
    await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}

export type FreshDatabase = { url: string; drop: () => Promise<void> };

/** A new database `sspr_<prefix>_<random>` beside the one `adminUrl` names (the cluster suite and
 *  the deploy suite each make theirs). */
export async function freshDatabase(prefix: string, adminUrl = ADMIN_URL): Promise<FreshDatabase> {
  const name = `sspr_${prefix}_${randomBytes(5).toString("hex")}`;
  await onAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** `npm run admin:create` on the checkout, as the README says; the temporary password it prints. */
export function createAdministrator(databaseUrl: string, loginId: string): string {
  const output = execFileSync(
    "npm",
    [
      "run",
      "--silent",
      "admin:create",
      "--",
      "--login-id",
      loginId,
      "--name",
      "Ministry MIMS Administrator",
      "--school",
      "Ministry of Education",
      "--contact",
      "helpdesk@moe.example",
    ],
    {
      env: environment({
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATABASE_URL: databaseUrl,
      }),
      encoding: "utf8",
    },
  );
  const password = /Temporary password \(shown once\): (\S+)/.exec(output)?.[1];
  if (!password) throw new Error(`admin:create printed no password:\n${output}`);
  return password;
}

/** Random secrets for one server, as an operator makes them (openssl rand -base64 32). */
export function secrets() {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
  };
}

/** A school of `count` students `<prefix>_0` … with one password (hashed once, as the app hashes),
 *  as an import leaves them. */
export async function seedStudents(db: Db, prefix: string, count: number, password: string): Promise<void> {
  const [school] = await db
    .insert(schools)
    .values({ name: `${prefix} Primary School`, contactEmail: `office@${prefix}-ps.example` })
    .returning({ id: schools.id });
  const passwordHash = await hashSecret(password);
  await db.insert(users).values(
    Array.from({ length: count }, (_, i) => ({
      schoolId: school!.id,
      role: "student" as const,
      loginId: `${prefix}_${i}`,
      fullName: `Student ${i} of ${prefix}`,
      passwordHash,
    })),
  );
}
