import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { adminSchools, schools, sessions, users } from "@/db/schema";
import type { ClientInput } from "@/lib/http/request";
import { temporaryPasswordFor } from "@/lib/passwords/temporary";
import { assertActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import { hashNewPassword } from "./passwords";
import { normaliseLoginId, type SessionUser } from "./users";

// Schools and their administrators, as the ministry manages them; and the schools any
// administrator may switch between.

export type SchoolChoice = { id: number; name: string };

/** The schools this administrator may act on: their own and those given to them; every school
 *  for a ministry administrator. */
export async function schoolsForAdmin(actor: Actor): Promise<SchoolChoice[]> {
  const admin = await assertActor({ id: actor.id, sessionVersion: actor.sessionVersion }, "admin");
  const db = await getDb();
  const all = db.select({ id: schools.id, name: schools.name }).from(schools);
  if (admin.ministry) return all.orderBy(asc(schools.name));
  const given = db
    .select({ schoolId: adminSchools.schoolId })
    .from(adminSchools)
    .where(eq(adminSchools.userId, admin.id));
  return all
    .where(sql`${schools.id} = ${admin.schoolId} or ${schools.id} in (${given})`)
    .orderBy(asc(schools.name));
}

async function assertMinistry(actor: Actor): Promise<SessionUser> {
  const admin = await assertActor({ id: actor.id, sessionVersion: actor.sessionVersion }, "admin");
  if (!admin.ministry) throw new ForbiddenError();
  return admin;
}

export type SchoolSummary = {
  id: number;
  name: string;
  contactEmail: string;
  students: number;
  admins: string[];
};

export async function listSchoolsWithAdmins(actor: Actor): Promise<SchoolSummary[]> {
  await assertMinistry(actor);
  const db = await getDb();
  const rows = await db
    .select({ id: schools.id, name: schools.name, contactEmail: schools.contactEmail })
    .from(schools)
    .orderBy(asc(schools.name));
  const counts = await db
    .select({ schoolId: users.schoolId, students: count() })
    .from(users)
    .where(eq(users.role, "student"))
    .groupBy(users.schoolId);
  const admins = await db
    .select({ schoolId: users.schoolId, loginId: users.loginId })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.ministry, false)));
  const given = await db
    .select({ schoolId: adminSchools.schoolId, loginId: users.loginId })
    .from(adminSchools)
    .innerJoin(users, eq(users.id, adminSchools.userId));
  return rows.map((row) => ({
    ...row,
    students: counts.find((c) => c.schoolId === row.id)?.students ?? 0,
    admins: [...admins, ...given]
      .filter((a) => a.schoolId === row.id)
      .map((a) => a.loginId)
      .sort(),
  }));
}

export type CreateResult<T> = { status: "created"; value: T } | { status: "taken" };

export async function createSchool(
  actor: Actor,
  input: { name: string; contactEmail: string },
  client: ClientInput,
): Promise<CreateResult<SchoolChoice>> {
  const ministry = await assertMinistry(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [school] = await tx
      .insert(schools)
      .values({ name: input.name, contactEmail: input.contactEmail.toLowerCase() })
      .onConflictDoNothing()
      .returning({ id: schools.id, name: schools.name });
    if (!school) return { status: "taken" as const };
    await recordAudit(tx, {
      action: "school_created",
      actorUserId: ministry.id,
      schoolId: school.id,
      clientAddress: client?.address ?? null,
    });
    return { status: "created" as const, value: school };
  });
}

export type NewAdmin = { loginId: string; fullName: string; schoolName: string; temporaryPassword: string };

/** A school administrator with a temporary password, shown once: they change it at the first
 *  sign-in and set up the second factor. */
export async function createSchoolAdmin(
  actor: Actor,
  input: { schoolId: number; loginId: string; fullName: string },
  client: ClientInput,
): Promise<CreateResult<NewAdmin>> {
  const ministry = await assertMinistry(actor);
  const db = await getDb();
  const school = await schoolById(input.schoolId);
  const loginId = normaliseLoginId(input.loginId);
  const temporaryPassword = temporaryPasswordFor({
    loginId,
    fullName: input.fullName,
    email: null,
    schoolName: school.name,
  });
  const passwordHash = await hashNewPassword(temporaryPassword);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ n: count() })
      .from(users)
      .where(sql`${users.loginId} = ${loginId} or ${users.email} = ${loginId}`);
    if ((taken?.n ?? 0) > 0) return { status: "taken" as const };
    const [created] = await tx
      .insert(users)
      .values({
        schoolId: school.id,
        role: "admin",
        loginId,
        fullName: input.fullName,
        passwordHash,
        mustChangePassword: true,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) return { status: "taken" as const };
    await recordAudit(tx, {
      action: "admin_created",
      actorUserId: ministry.id,
      targetUserId: created.id,
      schoolId: school.id,
      clientAddress: client?.address ?? null,
    });
    return {
      status: "created" as const,
      value: { loginId, fullName: input.fullName, schoolName: school.name, temporaryPassword },
    };
  });
}

/** The school, or ForbiddenError for an id no school has. */
async function schoolById(schoolId: number): Promise<SchoolChoice> {
  const db = await getDb();
  const [school] = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new ForbiddenError();
  return school;
}

/** A school administrator (never a ministry one) by Login ID. */
async function schoolAdminByLoginId(loginId: string) {
  const db = await getDb();
  const [admin] = await db
    .select({ id: users.id, fullName: users.fullName, schoolId: users.schoolId })
    .from(users)
    .where(
      and(eq(users.loginId, normaliseLoginId(loginId)), eq(users.role, "admin"), eq(users.ministry, false)),
    );
  return admin;
}

/** Gives a school administrator one more school to act on. */
export async function grantSchool(
  actor: Actor,
  input: { adminLoginId: string; schoolId: number },
  client: ClientInput,
): Promise<{ status: "granted"; fullName: string; schoolName: string } | { status: "unknownAdmin" }> {
  const ministry = await assertMinistry(actor);
  const db = await getDb();
  const school = await schoolById(input.schoolId);
  const admin = await schoolAdminByLoginId(input.adminLoginId);
  if (!admin) return { status: "unknownAdmin" };
  await db.transaction(async (tx) => {
    await tx.insert(adminSchools).values({ userId: admin.id, schoolId: school.id }).onConflictDoNothing();
    await recordAudit(tx, {
      action: "admin_school_granted",
      actorUserId: ministry.id,
      targetUserId: admin.id,
      schoolId: school.id,
      clientAddress: client?.address ?? null,
    });
  });
  return { status: "granted", fullName: admin.fullName, schoolName: school.name };
}

/** Disables a school administrator who has left (every session ends at once: the version moves
 *  and their server-side sessions go), or enables them again; and takes away the schools they were
 *  given. Never a ministry administrator, never oneself. */
export async function setSchoolAdminAccess(
  actor: Actor,
  input: { adminLoginId: string; enabled: boolean },
  client: ClientInput,
): Promise<{ status: "done"; fullName: string } | { status: "unknownAdmin" }> {
  const ministry = await assertMinistry(actor);
  const admin = await schoolAdminByLoginId(input.adminLoginId);
  if (!admin || admin.id === ministry.id) return { status: "unknownAdmin" };
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (input.enabled) {
      await tx.update(users).set({ status: "active" }).where(eq(users.id, admin.id));
    } else {
      await tx
        .update(users)
        .set({ status: "disabled", sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, admin.id));
      await tx.delete(sessions).where(eq(sessions.userId, admin.id));
      await tx.delete(adminSchools).where(eq(adminSchools.userId, admin.id));
    }
    await recordAudit(tx, {
      action: input.enabled ? "account_enabled" : "account_disabled",
      actorUserId: ministry.id,
      targetUserId: admin.id,
      schoolId: admin.schoolId,
      clientAddress: client?.address ?? null,
    });
  });
  return { status: "done", fullName: admin.fullName };
}
