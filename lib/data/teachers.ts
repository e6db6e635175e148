import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { sessions, teacherClasses, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { HashingBusyError } from "@/lib/crypto/hash-pool";
import { isRowId } from "@/lib/forms/row-id";
import type { ClientInput } from "@/lib/http/request";
import { screenPassword } from "@/lib/passwords/screen";
import { temporaryPasswordFor } from "@/lib/passwords/temporary";
import { assertActor, assertAdminOnSchool, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { classesOf, knownClasses, matchClasses } from "./teacher-classes";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import { hashNewPassword } from "./passwords";
import { normaliseLoginId, type SessionUser } from "./users";

// A school's teachers, as its administrator manages them: added one by one (here) or from a CSV
// file (lib/data/teacher-import.ts), each with a temporary password shown once and the classes they
// act on (teacher_classes); their classes changed; disabled when they leave. A teacher's first
// sign-in asks for a new password and the second factor, as an administrator's does.

export type TeacherSummary = {
  id: number;
  loginId: string;
  fullName: string;
  status: "active" | "disabled";
  classes: string[];
};

/** The teachers of the administrator's school, by name, with their classes. */
export async function listTeachers(actor: Actor): Promise<TeacherSummary[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, loginId: users.loginId, fullName: users.fullName, status: users.status })
    .from(users)
    .where(and(eq(users.schoolId, admin.schoolId), eq(users.role, "teacher")))
    .orderBy(asc(users.fullName), asc(users.id));
  const classes = await classesOf(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, classes: classes.get(row.id) ?? [] }));
}

/** Whether a Login ID is taken (as a Login ID or an e-mail, which also signs in), and where. */
export async function takenLoginIds(loginIds: string[]): Promise<Map<string, { schoolId: number }>> {
  if (loginIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ loginId: users.loginId, email: users.email, schoolId: users.schoolId })
    .from(users)
    .where(or(inArray(users.loginId, loginIds), inArray(users.email, loginIds)));
  const taken = new Map<string, { schoolId: number }>();
  for (const row of rows)
    for (const id of [row.loginId, row.email]) if (id && loginIds.includes(id)) taken.set(id, row);
  return taken;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A temporary password that meets the policy for its owner, and its hash (waiting for a turn of
 *  the hashing pool rather than failing when it is full). */
export async function newTemporaryPassword(owner: {
  loginId: string;
  fullName: string;
  schoolName: string;
}): Promise<{ temporaryPassword: string; passwordHash: string }> {
  const context = { ...owner, email: null };
  let temporaryPassword = temporaryPasswordFor(context);
  while (await screenPassword(temporaryPassword, context)) temporaryPassword = temporaryPasswordFor(context);
  for (;;) {
    try {
      return { temporaryPassword, passwordHash: await hashNewPassword(temporaryPassword) };
    } catch (error) {
      if (!(error instanceof HashingBusyError)) throw error;
      await pause(250);
    }
  }
}

/** Writes a new teacher and their classes, audited; null when the Login ID was taken meanwhile. */
export async function insertTeacher(
  tx: Tx,
  admin: SessionUser,
  teacher: { loginId: string; fullName: string; classes: string[]; passwordHash: string },
  client: ClientInput,
): Promise<number | null> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.loginId, teacher.loginId), eq(users.email, teacher.loginId)));
  if (taken) return null;
  const [created] = await tx
    .insert(users)
    .values({
      schoolId: admin.schoolId,
      role: "teacher",
      loginId: teacher.loginId,
      fullName: teacher.fullName,
      passwordHash: teacher.passwordHash,
      mustChangePassword: true,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) return null;
  if (teacher.classes.length > 0) {
    await tx
      .insert(teacherClasses)
      .values(teacher.classes.map((className) => ({ teacherId: created.id, className })));
  }
  await recordAudit(tx, {
    action: "teacher_created",
    actorUserId: admin.id,
    targetUserId: created.id,
    schoolId: admin.schoolId,
    clientAddress: client?.address ?? null,
    detail: { classes: teacher.classes.join("; ") },
  });
  return created.id;
}

export type NewTeacher = { loginId: string; fullName: string; classes: string[]; temporaryPassword: string };

export type AddTeacherResult =
  | { status: "created"; teacher: NewTeacher }
  | { status: "taken" }
  | { status: "unknownClasses"; classes: string[] };

/** A teacher of the school the form was made for, with a temporary password (returned once, kept
 *  only as its hash) that must be changed at the first sign-in. */
export async function addTeacher(
  actor: Actor,
  input: { schoolId: number; loginId: string; fullName: string; classes: string[] },
  client: ClientInput,
): Promise<AddTeacherResult> {
  const admin = await assertAdminOnSchool(actor, input.schoolId);
  const { classes, unknown } = matchClasses(await knownClasses(admin.schoolId), input.classes);
  if (unknown.length > 0) return { status: "unknownClasses", classes: unknown };
  const loginId = normaliseLoginId(input.loginId);
  if ((await takenLoginIds([loginId])).size > 0) return { status: "taken" };
  const owner = { loginId, fullName: input.fullName, schoolName: admin.schoolName };
  const { temporaryPassword, passwordHash } = await newTemporaryPassword(owner);
  const db = await getDb();
  const teacher = { loginId, fullName: input.fullName, classes };
  const created = await db.transaction((tx) =>
    insertTeacher(tx, admin, { ...teacher, passwordHash }, client),
  );
  if (created === null) return { status: "taken" };
  return { status: "created", teacher: { ...teacher, temporaryPassword } };
}

/** One of the administrator's school's teachers, or ForbiddenError (another school's teacher, a
 *  student, an administrator and a made-up id alike). */
async function teacherOf(actor: Actor, teacherId: number) {
  const admin = await assertActor(actor, "admin");
  if (!isRowId(teacherId)) throw new ForbiddenError();
  const db = await getDb();
  const [teacher] = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.id, teacherId), eq(users.schoolId, admin.schoolId), eq(users.role, "teacher")));
  if (!teacher) throw new ForbiddenError();
  return { admin, teacher };
}

export type ClassesResult =
  { status: "saved"; fullName: string; classes: string[] } | { status: "unknownClasses"; classes: string[] };

/** The teacher's classes become exactly these (none: they see no student). */
export async function setTeacherClasses(
  actor: Actor,
  input: { teacherId: number; classes: string[] },
  client: ClientInput,
): Promise<ClassesResult> {
  const { admin, teacher } = await teacherOf(actor, input.teacherId);
  const { classes, unknown } = matchClasses(await knownClasses(admin.schoolId), input.classes);
  if (unknown.length > 0) return { status: "unknownClasses", classes: unknown };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(teacherClasses).where(eq(teacherClasses.teacherId, teacher.id));
    if (classes.length > 0) {
      await tx
        .insert(teacherClasses)
        .values(classes.map((className) => ({ teacherId: teacher.id, className })));
    }
    await recordAudit(tx, {
      action: "teacher_classes_changed",
      actorUserId: admin.id,
      targetUserId: teacher.id,
      schoolId: admin.schoolId,
      clientAddress: client?.address ?? null,
      detail: { classes: classes.join("; ") },
    });
  });
  return { status: "saved", fullName: teacher.fullName, classes };
}

/** A disabled teacher cannot sign in, and every session of theirs ends at once; enabled again,
 *  they sign in with the password they had. Their classes stay. */
export async function setTeacherEnabled(
  actor: Actor,
  input: { teacherId: number; enabled: boolean },
  client: ClientInput,
): Promise<{ fullName: string }> {
  const { admin, teacher } = await teacherOf(actor, input.teacherId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (input.enabled) {
      await tx.update(users).set({ status: "active" }).where(eq(users.id, teacher.id));
    } else {
      await tx
        .update(users)
        .set({ status: "disabled", sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, teacher.id));
      await tx.delete(sessions).where(eq(sessions.userId, teacher.id));
    }
    await recordAudit(tx, {
      action: input.enabled ? "account_enabled" : "account_disabled",
      actorUserId: admin.id,
      targetUserId: teacher.id,
      schoolId: admin.schoolId,
      clientAddress: client?.address ?? null,
    });
  });
  return { fullName: teacher.fullName };
}
