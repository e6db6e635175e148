// Story: someone earned a reset grant with a student's answers; before it is used, the school (or
// the student) acts. Whatever they do next, the grant no longer resets the password.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { clearSecurityQuestions, setStudentEnabled } from "@/lib/data/student-accounts";
import { getDb } from "@/lib/data/db";
import { createResetGrant, grantHolder, resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import { authenticate } from "@/lib/data/sign-in";
import { slipJobSettled } from "@/lib/data/slips";
import { startYearlyReset } from "@/lib/data/yearly-reset";
import {
  CLEMENTI_ADMIN,
  createStudent,
  earnGrant,
  newPassword,
  resetByAdmin,
  signIn,
  signInWithSession,
  userIdOf,
  type Answers,
  CLIENT,
  IP,
} from "./helpers";

const ANSWERS: Answers = { 2: "lime green", 6: "spinning top", 8: "the gruffalo" };
const PASSWORD = "Paper-Crane-Garden-4";
const ATTACKERS_CHOICE = "Taken-Over-Account-9";

/** A student of this story alone, with a live grant someone earned with her answers. */
async function studentWithGrant(loginId: string): Promise<{ id: number; grant: string }> {
  const id = await createStudent(loginId, {
    fullName: "Nadia Binte Yusof",
    password: PASSWORD,
    answers: ANSWERS,
  });
  return { id, grant: await earnGrant(loginId, ANSWERS) };
}

async function passwordHashOf(id: number): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row!.hash;
}

/** The grant resets nothing: the reset page has no one to offer it to, and the password stays. */
async function expectGrantDead(id: number, grant: string): Promise<void> {
  const before = await passwordHashOf(id);
  expect(await grantHolder(grant)).toBeNull();
  expect(await resetPasswordWithGrant(grant, newPassword(ATTACKERS_CHOICE), CLIENT)).toEqual({
    status: "invalidGrant",
  });
  expect(await passwordHashOf(id)).toBe(before);
}

describe("a live reset grant ends with what the school does next", () => {
  it("ends when the school clears the security questions", async () => {
    const { id, grant } = await studentWithGrant("grant_cleared");
    await clearSecurityQuestions(await signIn(CLEMENTI_ADMIN), id, CLIENT);
    await expectGrantDead(id, grant);
    expect(await authenticate("grant_cleared", PASSWORD, IP)).not.toBeNull();
  });

  it("ends when the school disables the account, and enabling it again does not bring it back", async () => {
    const { id, grant } = await studentWithGrant("grant_disabled");
    const admin = await signIn(CLEMENTI_ADMIN);
    await setStudentEnabled(admin, id, false, CLIENT);
    await setStudentEnabled(admin, id, true, CLIENT);
    await expectGrantDead(id, grant);
    expect(await authenticate("grant_disabled", PASSWORD, IP)).not.toBeNull();
  });

  it("ends when the school resets the password", async () => {
    const { id, grant } = await studentWithGrant("grant_admin_reset");
    const { temporaryPassword } = await resetByAdmin(await signIn(CLEMENTI_ADMIN), id, CLIENT);
    await expectGrantDead(id, grant);
    expect(await authenticate("grant_admin_reset", temporaryPassword, IP)).not.toBeNull();
    expect(await authenticate("grant_admin_reset", ATTACKERS_CHOICE, IP)).toBeNull();
  });

  it("ends when the yearly reset gives the class new passwords", async () => {
    const className = "P2 Grant Story";
    const pupils = [await studentWithGrant("grant_yearly_a"), await studentWithGrant("grant_yearly_b")];
    const db = await getDb();
    for (const { id } of pupils) await db.update(users).set({ className }).where(eq(users.id, id));
    const admin = await signIn(CLEMENTI_ADMIN);
    const started = await startYearlyReset(admin, { schoolId: admin.schoolId, className }, CLIENT);
    if (started.status !== "started") throw new Error("no students");
    await slipJobSettled(started.slipSetId);
    for (const { id, grant } of pupils) await expectGrantDead(id, grant);
  });

  it("ends when the student replaces the answers it was earned with", async () => {
    const { id, grant } = await studentWithGrant("grant_replaced");
    const student = await signInWithSession({ loginId: "grant_replaced", password: PASSWORD });
    const replaced = { questionIds: [1, 3, 5], answers: ["axolotl", "wall climbing", "doraemon"] };
    expect(await saveSecurityAnswers(student, { ...replaced, currentPassword: PASSWORD }, CLIENT)).toEqual({
      status: "saved",
    });
    await expectGrantDead(id, grant);
  });
});

describe("a grant is used only by an active student", () => {
  it("is refused for a disabled student even while its row is still live", async () => {
    const { id, grant } = await studentWithGrant("grant_row_live");
    const db = await getDb();
    // Disabled without the school's page: the grant's row is untouched.
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, id));
    await expectGrantDead(id, grant);
    await db.update(users).set({ status: "active" }).where(eq(users.id, id));
    expect(await authenticate("grant_row_live", PASSWORD, IP)).not.toBeNull();
  });

  it("is refused when the student is disabled while the reset is under way", async () => {
    const { id, grant } = await studentWithGrant("grant_race_disable");
    const before = await passwordHashOf(id);
    const db = await getDb();
    let reset: ReturnType<typeof resetPasswordWithGrant> | undefined;
    await db.transaction(async (tx) => {
      await tx.update(users).set({ status: "disabled" }).where(eq(users.id, id));
      // The reset has read the grant's holder as active; it commits only after the disable does.
      reset = resetPasswordWithGrant(grant, newPassword(ATTACKERS_CHOICE), CLIENT);
      await untilAnotherConnectionWaits();
    });
    expect(await reset).toEqual({ status: "invalidGrant" });
    expect(await passwordHashOf(id)).toBe(before);
  });

  it("is refused for an account that is not a student's", async () => {
    const adminId = await userIdOf(CLEMENTI_ADMIN.loginId);
    const db = await getDb();
    const grant = await db.transaction((tx) => createResetGrant(tx, adminId, "answers"));
    await expectGrantDead(adminId, grant);
  });
});

/** On PostgreSQL: until a connection waits for a lock (the account's row, which the transaction
 *  under way holds). Asked on another connection: inside a transaction the activity view is a
 *  snapshot. PGlite runs one transaction at a time, so there the reset simply runs after it. */
async function untilAnotherConnectionWaits(): Promise<void> {
  if (process.env.TEST_ENGINE !== "postgres") return;
  const db = await getDb();
  for (let i = 0; i < 400; i++) {
    // postgres.js answers with the rows themselves.
    const rows: unknown = await db.execute(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((rows as { n: number }[])[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the reset never waited for the account's row");
}
