// Story: the running app connects with a role that can read and write rows but cannot change the
// schema (the migrations' role owns the tables). Whoever steals the app's database credentials
// cannot drop the audit log's append-only trigger, or change or remove an audit event; the app
// itself works as before under that role. Migration 0008 creates the role `sspr_app`; here the
// test's connection takes it, as a login role made a member of it would (README).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "@/db/client";
import { getDb, setDatabase } from "@/lib/data/db";
import { authenticate } from "@/lib/data/sign-in";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { issueClassResetCode, listClassStudents } from "@/lib/data/class-students";
import { redeemGuardianCode, requestGuardianCode } from "@/lib/data/guardian-codes";
import { setGuardianApproval } from "@/lib/data/school-settings";
import {
  AIDEN,
  CLEMENTI_ADMIN,
  CLIENT,
  earnGrant,
  IP,
  newPassword,
  signIn,
  SITI,
  TEACHER,
  userIdOf,
} from "./helpers";

let owner: Database["db"];
let asApp: Database | undefined;

async function expectRefused(statement: string) {
  const db = await getDb();
  // Each in a transaction of its own, rolled back if it ever got through.
  const refusal = await db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
      tx.rollback();
    })
    .then(
      () => "done",
      (error: unknown) => {
        const cause = (error as { cause?: { message?: string } }).cause;
        return cause?.message ?? (error as Error).message;
      },
    );
  expect(refusal, statement).toMatch(/must be owner|permission denied|append-only/);
}

/** Rows of a raw query, as either engine's driver gives them. */
async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const db = await getDb();
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

beforeAll(async () => {
  owner = await getDb();
  if (process.env.TEST_ENGINE === "postgres") {
    // The same database, through a connection that has taken the app's role.
    const [{ name } = { name: "" }] = await rowsOf<{ name: string }>(sql`SELECT current_database() AS name`);
    const url = new URL(process.env.TEST_POSTGRES_URL!);
    url.pathname = `/${name}`;
    asApp = await openPostgres(url.toString(), { max: 3, role: "sspr_app" });
    setDatabase(asApp);
  } else {
    // PGlite has one connection: it takes the role for the rest of this file.
    await owner.execute(sql`SET ROLE sspr_app`);
  }
  expect(await rowsOf<{ role: string }>(sql`SELECT current_user AS role`)).toEqual([{ role: "sspr_app" }]);
});

afterAll(async () => {
  if (asApp) await asApp.close();
  else await owner.execute(sql`RESET ROLE`);
});

describe("the app's database role", () => {
  it("cannot drop the audit log's trigger, change or remove an event, or change the schema", async () => {
    await expectRefused("DROP TRIGGER audit_events_no_update_or_delete ON audit_events");
    await expectRefused("ALTER TABLE audit_events DISABLE TRIGGER ALL");
    await expectRefused("UPDATE audit_events SET action = 'nothing happened'");
    await expectRefused("DELETE FROM audit_events");
    await expectRefused("TRUNCATE audit_events");
    await expectRefused("DROP TABLE audit_events");
    await expectRefused("ALTER TABLE users ADD COLUMN backdoor text");
    await expectRefused("CREATE TABLE stash (secret text)");
  });

  it("runs the service: sign-in, the reset path and its notices, the audit log", async () => {
    expect(await authenticate("lim_wei_jie", "Green-Paper-Boat-5", IP)).not.toBeNull();
    const grant = await earnGrant(SITI.loginId, SITI.answers);
    expect(await resetPasswordWithGrant(grant, newPassword("Copper-Kettle-Rain-84"), CLIENT)).toMatchObject({
      status: "reset",
    });
    expect(await authenticate(SITI.loginId, "Copper-Kettle-Rain-84", IP)).not.toBeNull();
  });

  it("runs a guardian's approval: the school's setting, a code sent and counted, a wrong code", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    expect(await setGuardianApproval(admin, { schoolId: admin.schoolId, enabled: true }, CLIENT)).toEqual({
      status: "changed",
    });
    await requestGuardianCode(SITI.loginId, CLIENT);
    const sent = await rowsOf<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM guardian_codes JOIN guardian_code_sends USING (user_id)`,
    );
    expect(sent).toEqual([{ n: 1 }]);
    expect(await redeemGuardianCode(SITI.loginId, "KMN-479", CLIENT)).toMatchObject({ status: "wrong" });
  });

  it("runs a teacher's page: her classes (teacher_classes, a later migration's table) and a reset code", async () => {
    const teacher = await signIn(TEACHER);
    expect((await listClassStudents(teacher)).classes).toEqual(["P3 Diligence", "P4 Courage"]);
    expect((await issueClassResetCode(teacher, await userIdOf(AIDEN.loginId), CLIENT)).status).toBe("issued");
  });
});
