import "server-only";
import { and, asc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import { challengeStates, securityAnswers, teacherClasses, users } from "@/db/schema";
import { isRowId } from "@/lib/forms/row-id";
import type { ClientInput } from "@/lib/http/request";
import { assertActor, type Actor } from "./actor";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import {
  findTarget,
  giveResetCode,
  unlockStudent,
  type ActingOn,
  type IssuedResetCode,
} from "./student-changes";
import type { SessionUser } from "./users";

// What a teacher sees and does: the active students of their own school in the classes they were
// given (teacher_classes), and for each only two things: unlock the account, and give a one-time
// reset code. Every function checks the caller is a teacher and the student is of their school and
// classes here, whatever the page or action checked before; a student outside them, another
// school's, a member of staff and a made-up id all get the same ForbiddenError (a 404).

export type ClassStudent = {
  id: number;
  loginId: string;
  fullName: string;
  className: string;
  questionsSetUp: boolean;
  locked: "temporary" | "account" | null;
  /** Until when Forgot Password? is locked, when it is for a while. */
  lockedUntil: Date | null;
};

export type MyClasses = { classes: string[]; students: ClassStudent[] };

/** The students of this teacher's classes, in their own school, who can sign in. */
function ofMyClasses(teacher: SessionUser, db: Awaited<ReturnType<typeof getDb>>): SQL | undefined {
  const mine = db
    .select({ className: teacherClasses.className })
    .from(teacherClasses)
    .where(eq(teacherClasses.teacherId, teacher.id));
  return and(
    eq(users.schoolId, teacher.schoolId),
    eq(users.role, "student"),
    eq(users.status, "active"),
    inArray(users.className, mine),
  );
}

async function readStudents(
  teacher: SessionUser,
  where: SQL | undefined,
  now: Date,
): Promise<ClassStudent[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      loginId: users.loginId,
      fullName: users.fullName,
      className: users.className,
      questionsSetUp: exists(
        db
          .select({ one: sql`1` })
          .from(securityAnswers)
          .where(eq(securityAnswers.userId, users.id)),
      ).mapWith(Boolean),
      accountLocked: challengeStates.accountLocked,
      lockedUntil: challengeStates.lockedUntil,
    })
    .from(users)
    .leftJoin(challengeStates, eq(challengeStates.userId, users.id))
    .where(and(ofMyClasses(teacher, db), where))
    .orderBy(asc(users.className), asc(users.fullName), asc(users.id));
  return rows.map(({ accountLocked, lockedUntil, className, ...row }) => {
    const temporary = lockedUntil && lockedUntil > now ? lockedUntil : null;
    return {
      ...row,
      className: className ?? "",
      locked: accountLocked ? "account" : temporary ? "temporary" : null,
      lockedUntil: accountLocked ? null : temporary,
    };
  });
}

/** The teacher's classes (by name) and their students, class by class. */
export async function listClassStudents(actor: Actor, now = new Date()): Promise<MyClasses> {
  const teacher = await assertActor(actor, "teacher");
  const db = await getDb();
  const classes = await db
    .select({ className: teacherClasses.className })
    .from(teacherClasses)
    .where(eq(teacherClasses.teacherId, teacher.id))
    .orderBy(asc(teacherClasses.className));
  return {
    classes: classes.map((row) => row.className),
    students: await readStudents(teacher, undefined, now),
  };
}

/** One student of the teacher's classes; ForbiddenError for anyone else. */
export async function classStudentDetail(
  actor: Actor,
  userId: number,
  now = new Date(),
): Promise<ClassStudent> {
  const teacher = await assertActor(actor, "teacher");
  if (!isRowId(userId)) throw new ForbiddenError();
  const [student] = await readStudents(teacher, eq(users.id, userId), now);
  if (!student) throw new ForbiddenError();
  return student;
}

/** The teacher (checked) and one student of their classes, or ForbiddenError. */
async function classStudentOf(actor: Actor, userId: number): Promise<ActingOn> {
  const teacher = await assertActor(actor, "teacher");
  // An id no row can have is nobody's (and PostgreSQL would refuse the comparison).
  if (!isRowId(userId)) throw new ForbiddenError();
  const db = await getDb();
  const target = await findTarget(and(eq(users.id, userId), ofMyClasses(teacher, db)));
  if (!target) throw new ForbiddenError();
  return { by: teacher, target };
}

/** Unlocks a student of the teacher's classes (the gate starts over; any code given before ends);
 *  audited with the teacher as the one who did it. */
export async function unlockClassStudent(
  actor: Actor,
  userId: number,
  client: ClientInput,
): Promise<{ fullName: string }> {
  return unlockStudent(await classStudentOf(actor, userId), client);
}

/** A one-time reset code for a student of the teacher's classes, to hand over in person: returned
 *  once, kept only as its hash; the audit log and the code's row name the teacher. */
export async function issueClassResetCode(
  actor: Actor,
  userId: number,
  client: ClientInput,
  now = new Date(),
): Promise<IssuedResetCode> {
  return giveResetCode(await classStudentOf(actor, userId), client, now);
}
