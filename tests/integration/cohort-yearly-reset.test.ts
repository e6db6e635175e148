// Story: at the start of the year the school resets every password of a class. Each active student
// of the class gets a temporary password on a login slip (handed out once) and must change it at
// the next sign-in; the old passwords stop working, every session ends, the families are told.
// Other classes, other schools and disabled students are left alone.
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, notices, schools, sessions, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { startSession } from "@/lib/data/sessions";
import { authenticate } from "@/lib/data/sign-in";
import { collectSlips, slipJobSettled, slipProgress } from "@/lib/data/slips";
import { loadSessionUser } from "@/lib/data/users";
import { schoolClasses, startYearlyReset } from "@/lib/data/yearly-reset";
import { hashSecret } from "@/lib/crypto/hashing";
import { ALEX, CLEMENTI_ADMIN, signIn, CLIENT, IP } from "./helpers";

const CLASS = "P6 Perseverance";
const PUPILS = [
  {
    loginId: "yr_ava",
    fullName: "Ava Koh",
    password: "Old-Password-Ava-1",
    email: "yr_ava@students.example.org",
  },
  { loginId: "yr_bala", fullName: "Bala Krishnan", password: "Old-Password-Bala-2", email: null },
  { loginId: "yr_cai", fullName: "Cai Wen", password: "Old-Password-Cai-3", email: null },
];
const DISABLED = { loginId: "yr_dina", fullName: "Dina Salleh", password: "Old-Password-Dina-4" };

beforeAll(async () => {
  const db = await getDb();
  const [school] = await db
    .select({ id: schools.id })
    .from(schools)
    .where(eq(schools.name, "Clementi Primary School"));
  for (const pupil of [...PUPILS, { ...DISABLED, email: null }]) {
    await db.insert(users).values({
      schoolId: school!.id,
      role: "student",
      loginId: pupil.loginId,
      fullName: pupil.fullName,
      email: pupil.email,
      guardianEmail: `parent.${pupil.loginId}@example.com`,
      className: CLASS,
      passwordHash: await hashSecret(pupil.password),
      status: pupil.loginId === DISABLED.loginId ? "disabled" : "active",
    });
  }
});

describe("the yearly reset of one class", () => {
  it("lists the school's classes with their active students", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    expect(await schoolClasses(admin)).toContainEqual({ className: CLASS, students: 3 });
    expect((await schoolClasses(admin)).map((c) => c.className)).not.toContain("P3 Respect"); // Jurong West's
  });

  it("gives every active student of the class a temporary password, once, and ends their sessions", async () => {
    const signedIn = await Promise.all(PUPILS.map((pupil) => signIn(pupil)));
    for (const pupil of signedIn) await startSession(pupil.id);
    const admin = await signIn(CLEMENTI_ADMIN);

    const started = await startYearlyReset(admin, { schoolId: admin.schoolId, className: CLASS }, CLIENT);
    if (started.status !== "started") throw new Error("no students");
    await slipJobSettled(started.slipSetId);
    expect(await slipProgress(admin, started.slipSetId)).toMatchObject({
      kind: "yearly_reset",
      scope: CLASS,
      status: "ready",
      total: 3,
      done: 3,
    });

    // Every session ended: the version moved and the server-side sessions are gone.
    const ids = signedIn.map((pupil) => pupil.id);
    for (const pupil of signedIn) expect(await loadSessionUser(pupil.id, pupil.sessionVersion)).toBeNull();
    const db = await getDb();
    const [left] = await db.select({ n: count() }).from(sessions).where(inArray(sessions.userId, ids));
    expect(left!.n).toBe(0);

    // The slips, once; each password opens its account, which must change it; the old ones do not.
    const collected = await collectSlips(admin, started.slipSetId, CLIENT);
    if (collected.status !== "slips") throw new Error("no slips");
    expect(collected.slips.map((slip) => slip.loginId).sort()).toEqual(PUPILS.map((p) => p.loginId));
    expect(await collectSlips(admin, started.slipSetId, CLIENT)).toMatchObject({ status: "notReady" });
    for (const pupil of PUPILS) {
      expect(await authenticate(pupil.loginId, pupil.password, IP)).toBeNull();
      const slip = collected.slips.find((s) => s.loginId === pupil.loginId)!;
      expect(slip).toMatchObject({ fullName: pupil.fullName, className: CLASS });
      const next = await signIn({ loginId: pupil.loginId, password: slip.temporaryPassword });
      expect(next.mustChangePassword).toBe(true);
    }

    // Recorded and told: an audit line and password-changed notices for each student.
    const audit = await db
      .select({ target: auditEvents.targetUserId, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(eq(auditEvents.action, "yearly_reset"));
    expect(audit.map((a) => a.target).sort()).toEqual([...ids].sort());
    expect(audit.every((a) => a.actor === admin.id)).toBe(true);
    const told = await db
      .select({ userId: notices.userId, role: notices.recipientRole })
      .from(notices)
      .where(and(eq(notices.kind, "password_changed"), inArray(notices.userId, ids)));
    expect(told.filter((n) => n.role === "guardian")).toHaveLength(3);
    expect(told.filter((n) => n.role === "student")).toHaveLength(1); // only Ava has an e-mail
  });

  it("leaves other classes and disabled students alone", async () => {
    // Alex (P4 Courage) still signs in with his own password; Dina (disabled) was not reset.
    expect(await authenticate(ALEX.loginId, ALEX.password, IP)).not.toBeNull();
    const db = await getDb();
    const [dina] = await db.select().from(users).where(eq(users.loginId, DISABLED.loginId));
    expect(dina).toMatchObject({ mustChangePassword: false, sessionVersion: 1 });
  });

  it("says so when there is nobody to reset", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    expect(
      await startYearlyReset(admin, { schoolId: admin.schoolId, className: "P3 Respect" }, CLIENT),
    ).toEqual({
      status: "noStudents",
    });
    expect(
      await startYearlyReset(admin, { schoolId: admin.schoolId, className: "No Such Class" }, CLIENT),
    ).toEqual({
      status: "noStudents",
    });
  });

  it("starts one reset for two clicks at once", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const [one, two] = await Promise.all([
      startYearlyReset(admin, { schoolId: admin.schoolId, className: "P4 Courage" }, CLIENT),
      startYearlyReset(admin, { schoolId: admin.schoolId, className: "P4 Courage" }, CLIENT),
    ]);
    expect(one.status).toBe("started");
    expect(two).toEqual(one);
    const slipSetId = (one as { slipSetId: string }).slipSetId;
    await slipJobSettled(slipSetId);
    const collected = await collectSlips(admin, slipSetId, CLIENT);
    if (collected.status !== "slips") throw new Error("no slips");
    const [slip] = collected.slips;
    expect(slip?.loginId).toBe(ALEX.loginId);
    expect(await authenticate(ALEX.loginId, slip!.temporaryPassword, IP)).not.toBeNull();
  });
});
