// Story: the first ministry administrator of a new installation comes from the command line
// (`npm run admin:create`), on the engine the app is configured with; the password is generated,
// shown once, and must be changed; a taken Login ID and bad arguments change nothing.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Database } from "@/db/client";
import { auditEvents, schools, users } from "@/db/schema";
import { verifySecret } from "@/lib/crypto/hashing";
import { normalisePassword } from "@/lib/passwords/policy";

const run = promisify(execFile);
const engine = process.env.TEST_ENGINE;
let env: NodeJS.ProcessEnv;
let cleanUp = async () => {};
let open: () => Promise<Database>;

beforeAll(async () => {
  if (engine === "postgres") {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const name = `sspr_cli_${randomBytes(6).toString("hex")}`;
    const admin = await openPostgres(adminUrl, { max: 1 });
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
    await admin.close();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { ...process.env, DATABASE_URL: url.toString() };
    open = () => openPostgres(url.toString(), { max: 1 });
    cleanUp = async () => {
      const again = await openPostgres(adminUrl, { max: 1 });
      await again.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await again.close();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "sspr-cli-"));
    env = { ...process.env, DATABASE_URL: "", DATA_DIR: dir };
    open = () => openPglite(dir);
    cleanUp = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
}, 60_000);

afterAll(() => cleanUp());

const cli = (...args: string[]) =>
  run("npx", ["tsx", "scripts/admin-create.ts", ...args], { env }).then(
    (done) => ({ code: 0, out: done.stdout, err: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({
      code: failed.code,
      out: failed.stdout,
      err: failed.stderr,
    }),
  );

describe("npm run admin:create", () => {
  it("creates a ministry administrator with a password shown once, to be changed", async () => {
    const made = await cli(
      "--login-id",
      "MOE_Admin",
      "--name",
      "Ministry Officer Ong",
      "--school",
      "Ministry of Education",
      "--contact",
      "helpdesk@moe.example",
    );
    expect(made.code).toBe(0);
    const password = /shown once\): (\S+)/.exec(made.out)?.[1];
    expect(password).toMatch(/^([A-Z][a-z]+-){3}\d\d$/);

    const again = await cli(
      "--login-id",
      "moe_admin",
      "--name",
      "Someone Else",
      "--school",
      "Ministry of Education",
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain("already in use");
    const bad = await cli("--login-id", "x", "--name", "X", "--school", "Nowhere");
    expect(bad.code).toBe(1);
    const noContact = await cli("--login-id", "second_admin", "--name", "Second", "--school", "A New School");
    expect(noContact.code).toBe(1);
    expect(noContact.err).toContain("--contact");

    const database = await open();
    try {
      const rows = await database.db
        .select({
          loginId: users.loginId,
          ministry: users.ministry,
          role: users.role,
          must: users.mustChangePassword,
          hash: users.passwordHash,
        })
        .from(users);
      expect(rows.map(({ hash: _hash, ...row }) => row)).toEqual([
        { loginId: "moe_admin", ministry: true, role: "admin", must: true },
      ]);
      expect(rows[0]!.hash).not.toContain(password!);
      expect(await verifySecret(rows[0]!.hash, normalisePassword(password!))).toBe(true);
      expect((await database.db.select({ name: schools.name }).from(schools)).map((s) => s.name)).toEqual([
        "Ministry of Education",
      ]);
      const audit = await database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "admin_created"));
      expect(audit).toHaveLength(1);
    } finally {
      await database.close();
    }
  }, 120_000);
});
