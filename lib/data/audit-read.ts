import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, type Column, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditEvents, users } from "@/db/schema";
import { assertActor, type Actor } from "./actor";
import type { AuditAction } from "./audit-write";
import { getDb } from "./db";

// The school's audit log as its administrators read it: filtered by student, administrator,
// action and date, a page at a time or as a CSV file. Only the administrator's own school.

export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "sign_in_refused",
  "sign_in_slowed",
  "sign_out",
  "questions_set",
  "password_changed",
  "challenge_started",
  "challenge_passed",
  "challenge_failed",
  "challenge_repeated",
  "reset_code_issued",
  "reset_code_used",
  "reset_code_failed",
  "guardian_code_requested",
  "guardian_code_sent",
  "guardian_code_used",
  "guardian_code_failed",
  "guardian_approval_changed",
  "challenge_refused",
  "reset_path_locked",
  "account_locked",
  "password_reset",
  "reset_cancelled",
  "account_unlocked",
  "password_reset_by_admin",
  "questions_cleared",
  "account_disabled",
  "account_enabled",
  "language_changed",
  "second_factor_enrolled",
  "second_factor_passed",
  "second_factor_failed",
  "recovery_code_used",
  "second_factor_locked",
  "student_imported",
  "yearly_reset",
  "login_slips_collected",
  "school_created",
  "admin_created",
  "admin_school_granted",
  "teacher_created",
  "teacher_classes_changed",
] as const satisfies readonly AuditAction[];

export const AUDIT_PER_PAGE = 50;
/** One export holds at most this many lines: a year of a large school. */
export const AUDIT_EXPORT_MAX = 100_000;

export type AuditFilter = {
  /** Words of the student's name or login ID. */
  student: string;
  /** An administrator's user id, or null for anyone. */
  adminId: number | null;
  action: AuditAction | null;
  /** Whole days, inclusive, as the administrator's date fields give them (YYYY-MM-DD, Singapore). */
  from: string | null;
  to: string | null;
};

export const NO_FILTER: AuditFilter = { student: "", adminId: null, action: null, from: null, to: null };

export type AuditLine = {
  id: number;
  at: Date;
  action: string;
  studentName: string | null;
  studentLoginId: string | null;
  actorName: string | null;
  actorIsStudent: boolean;
  clientAddress: string | null;
};

const SCHOOL_TIME_OFFSET = "+08:00";
const startOfDay = (day: string) => new Date(`${day}T00:00:00${SCHOOL_TIME_OFFSET}`);

function conditions(
  schoolId: number,
  filter: AuditFilter,
  student: { fullName: Column; loginId: Column },
): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(auditEvents.schoolId, schoolId)];
  const typed = filter.student
    .slice(0, 100)
    .toWellFormed()
    .replace(/\p{Cc}/gu, " ")
    .trim();
  if (typed) {
    const like = `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(or(ilike(student.fullName, like), ilike(student.loginId, like)));
  }
  if (filter.adminId !== null) parts.push(eq(auditEvents.actorUserId, filter.adminId));
  if (filter.action) parts.push(eq(auditEvents.action, filter.action));
  if (filter.from) parts.push(gte(auditEvents.at, startOfDay(filter.from)));
  if (filter.to) parts.push(lt(auditEvents.at, new Date(startOfDay(filter.to).getTime() + 86_400_000)));
  return and(...parts);
}

async function select(actor: Actor, filter: AuditFilter, limit: number, offset: number) {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const student = alias(users, "student");
  const doer = alias(users, "doer");
  const where = conditions(admin.schoolId, filter, student);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      studentName: student.fullName,
      studentLoginId: student.loginId,
      actorId: auditEvents.actorUserId,
      actorName: doer.fullName,
      targetId: auditEvents.targetUserId,
      clientAddress: auditEvents.clientAddress,
    })
    .from(auditEvents)
    .leftJoin(student, eq(student.id, auditEvents.targetUserId))
    .leftJoin(doer, eq(doer.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .offset(offset);
  const lines: AuditLine[] = rows.map(({ actorId, targetId, ...row }) => ({
    ...row,
    actorIsStudent: actorId !== null && actorId === targetId,
  }));
  return { admin, db, where, student, lines };
}

export type AuditPage = { lines: AuditLine[]; total: number; page: number; pages: number };

export async function searchAuditLog(actor: Actor, filter: AuditFilter, page: number): Promise<AuditPage> {
  const wanted = Math.min(Math.max(1, Math.trunc(page) || 1), 100_000);
  const found = await select(actor, filter, AUDIT_PER_PAGE, (wanted - 1) * AUDIT_PER_PAGE);
  const [{ total } = { total: 0 }] = await found.db
    .select({ total: count() })
    .from(auditEvents)
    .leftJoin(found.student, eq(found.student.id, auditEvents.targetUserId))
    .where(found.where);
  return { lines: found.lines, total, page: wanted, pages: Math.max(1, Math.ceil(total / AUDIT_PER_PAGE)) };
}

/** The school's administrators, for the filter. */
export async function schoolAdmins(actor: Actor): Promise<{ id: number; fullName: string }[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.schoolId, admin.schoolId), eq(users.role, "admin")))
    .orderBy(users.fullName);
}

/** A spreadsheet cell that cannot run: text a spreadsheet would read as a formula (=, +, -, @,
 *  tab, carriage return first) gets a leading apostrophe; quotes are doubled, every cell quoted. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The filtered log as CSV lines (newest first), with a header; the administrator's school only. */
export async function exportAuditLog(
  actor: Actor,
  filter: AuditFilter,
  header: readonly string[],
): Promise<string> {
  const { lines } = await select(actor, filter, AUDIT_EXPORT_MAX, 0);
  const body = lines.map((line) =>
    [
      line.at.toISOString(),
      line.action,
      line.studentLoginId,
      line.studentName,
      line.actorIsStudent ? line.studentName : line.actorName,
      line.clientAddress,
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.map(csvCell).join(","), ...body].join("\r\n") + "\r\n";
}
