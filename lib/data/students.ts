import "server-only";
import { and, asc, count, desc, eq, exists, gt, ilike, not, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditEvents, challengeStates, securityAnswers, users } from "@/db/schema";
import { isRowId } from "@/lib/forms/row-id";
import type { StudentLanguage } from "@/lib/school/student-language";
import { assertActor, type Actor } from "./actor";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";

// What a school's administrator sees of the school's students: never a hash, never an answer.

export const STUDENT_FILTERS = ["all", "locked", "noQuestions", "mustChange"] as const;
export type StudentFilter = (typeof STUDENT_FILTERS)[number];
export const STUDENTS_PER_PAGE = 25;
export const SEARCH_MAX_LENGTH = 100;

export type StudentSearch = { query: string; filter: StudentFilter; page: number };

export type StudentRow = {
  id: number;
  loginId: string;
  fullName: string;
  className: string | null;
  status: "active" | "disabled";
  mustChangePassword: boolean;
  questionsSetUp: boolean;
  locked: "temporary" | "account" | null;
};

export type StudentPage = { rows: StudentRow[]; total: number; page: number; pages: number };

const hasAnswers = (db: Awaited<ReturnType<typeof getDb>>) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(securityAnswers)
      .where(eq(securityAnswers.userId, users.id)),
  );

/** `%`, `_` and `\` typed by the administrator are searched for as themselves. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The administrator's school's students matching the words typed (name, login ID, class or
 *  e-mail) and the filter, one page at a time, by name. */
export async function findStudents(
  actor: Actor,
  search: StudentSearch,
  now = new Date(),
): Promise<StudentPage> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const lockedNow = or(eq(challengeStates.accountLocked, true), gt(challengeStates.lockedUntil, now));
  const conditions: (SQL | undefined)[] = [eq(users.schoolId, admin.schoolId), eq(users.role, "student")];
  // Whatever the address carried: no control character (PostgreSQL refuses NUL), no lone surrogate.
  const typed = search.query
    .slice(0, SEARCH_MAX_LENGTH)
    .toWellFormed()
    .replace(/\p{Cc}/gu, " ");
  const words = typed.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  for (const word of words) {
    const like = likeText(word);
    conditions.push(
      or(
        ilike(users.fullName, like),
        ilike(users.loginId, like),
        ilike(users.className, like),
        ilike(users.email, like),
      ),
    );
  }
  if (search.filter === "locked") conditions.push(lockedNow);
  if (search.filter === "noQuestions") conditions.push(not(hasAnswers(db)));
  if (search.filter === "mustChange") conditions.push(eq(users.mustChangePassword, true));
  const where = and(...conditions);

  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(users)
    .leftJoin(challengeStates, eq(challengeStates.userId, users.id))
    .where(where);
  const pages = Math.max(1, Math.ceil(total / STUDENTS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(search.page) || 1), pages);
  const rows = await db
    .select({
      id: users.id,
      loginId: users.loginId,
      fullName: users.fullName,
      className: users.className,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      questionsSetUp: hasAnswers(db).mapWith(Boolean),
      accountLocked: challengeStates.accountLocked,
      lockedUntil: challengeStates.lockedUntil,
    })
    .from(users)
    .leftJoin(challengeStates, eq(challengeStates.userId, users.id))
    .where(where)
    .orderBy(asc(users.fullName), asc(users.id))
    .limit(STUDENTS_PER_PAGE)
    .offset((page - 1) * STUDENTS_PER_PAGE);
  return {
    rows: rows.map(({ accountLocked, lockedUntil, ...row }) => ({
      ...row,
      locked: accountLocked ? "account" : lockedUntil && lockedUntil > now ? "temporary" : null,
    })),
    total,
    page,
    pages,
  };
}

export type StudentDetail = StudentRow & {
  email: string | null;
  guardianEmail: string | null;
  /** The family's notices' language; null: not set (English alone). */
  language: StudentLanguage | null;
  lastSignInAt: Date | null;
  lockedUntil: Date | null;
  /** The questions chosen, in order; never the answers. */
  questionIds: number[];
};

/** One of the administrator's own school's students; ForbiddenError for anyone else. */
export async function studentDetail(actor: Actor, userId: number, now = new Date()): Promise<StudentDetail> {
  const admin = await assertActor(actor, "admin");
  if (!isRowId(userId)) throw new ForbiddenError();
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      loginId: users.loginId,
      fullName: users.fullName,
      className: users.className,
      email: users.email,
      guardianEmail: users.guardianEmail,
      language: users.language,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      lastSignInAt: users.lastSignInAt,
      accountLocked: challengeStates.accountLocked,
      lockedUntil: challengeStates.lockedUntil,
    })
    .from(users)
    .leftJoin(challengeStates, eq(challengeStates.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.schoolId, admin.schoolId), eq(users.role, "student")));
  if (!row) throw new ForbiddenError();
  const answers = await db
    .select({ questionId: securityAnswers.questionId })
    .from(securityAnswers)
    .where(eq(securityAnswers.userId, row.id))
    .orderBy(asc(securityAnswers.position));
  const { accountLocked, lockedUntil, ...rest } = row;
  const temporary = lockedUntil && lockedUntil > now ? lockedUntil : null;
  return {
    ...rest,
    locked: accountLocked ? "account" : temporary ? "temporary" : null,
    lockedUntil: temporary,
    questionsSetUp: answers.length > 0,
    questionIds: answers.map((answer) => answer.questionId),
  };
}

export type TrailEntry = {
  at: Date;
  action: string;
  /** Who did it: "student", "nobody" (not signed in: the reset path), or an administrator's name. */
  by: string;
  clientAddress: string | null;
};

/** The newest audit lines about one of the administrator's own students. */
export async function studentAuditTrail(actor: Actor, userId: number, limit = 20): Promise<TrailEntry[]> {
  const admin = await assertActor(actor, "admin");
  const student = await studentDetail(admin, userId);
  const db = await getDb();
  const doer = alias(users, "doer");
  const rows = await db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorUserId,
      actorName: doer.fullName,
      clientAddress: auditEvents.clientAddress,
    })
    .from(auditEvents)
    .leftJoin(doer, eq(doer.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.targetUserId, student.id), eq(auditEvents.schoolId, admin.schoolId)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map(({ actorId, actorName, ...row }) => ({
    ...row,
    by: actorId === null ? "nobody" : actorId === student.id ? "student" : (actorName ?? "nobody"),
  }));
}
