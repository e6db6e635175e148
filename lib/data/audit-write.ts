import "server-only";
import { auditEvents } from "@/db/schema";
import type { Executor } from "@/db/client";
import { canonicalAddress } from "@/lib/http/client-address";
import { logEvent } from "@/lib/server/log";

export type AuditAction =
  | "sign_in"
  | "sign_in_failed"
  /** Not judged: the account (or Login ID) had to wait after many wrong passwords. */
  | "sign_in_refused"
  /** Wrong passwords in a row made the account's sign-in wait (lib/limits/sign-in-throttle.ts). */
  | "sign_in_slowed"
  | "sign_out"
  | "questions_set"
  | "password_changed"
  | "challenge_started"
  | "challenge_passed"
  | "challenge_failed"
  /** The same wrong answers as before in this run: told wrong again, not counted (lib/limits/wrong-marks.ts). */
  | "challenge_repeated"
  /** A one-time reset code: given to a student by the school, used, or typed wrong (lib/data/reset-codes.ts). */
  | "reset_code_issued"
  | "reset_code_used"
  | "reset_code_failed"
  /** A guardian's approval (lib/data/guardian-codes.ts): a code asked for (detail: sent, or why
   *  not), sent to the guardian, used, or typed wrong; never the code. */
  | "guardian_code_requested"
  | "guardian_code_sent"
  | "guardian_code_used"
  | "guardian_code_failed"
  /** The school turned its guardian's approval on or off (detail: enabled). */
  | "guardian_approval_changed"
  | "challenge_refused"
  | "reset_path_locked"
  | "account_locked"
  | "password_reset"
  | "reset_cancelled"
  | "account_unlocked"
  | "password_reset_by_admin"
  | "questions_cleared"
  | "account_disabled"
  | "account_enabled"
  /** The school changed the language of a student's family notices (detail: from, to). */
  | "language_changed"
  | "second_factor_enrolled"
  | "second_factor_passed"
  | "second_factor_failed"
  | "recovery_code_used"
  /** Wrong codes in a row, across sessions: the code step is locked for a while. */
  | "second_factor_locked"
  | "student_imported"
  | "yearly_reset"
  | "login_slips_collected"
  | "school_created"
  | "admin_created"
  | "admin_school_granted"
  /** A school administrator added a teacher, or changed a teacher's classes (detail: the classes). */
  | "teacher_created"
  | "teacher_classes_changed";

export type AuditEvent = {
  action: AuditAction;
  actorUserId?: number | null;
  targetUserId?: number | null;
  schoolId?: number | null;
  clientAddress?: string | null;
  /** Never a password, an answer or a token. */
  detail?: Record<string, string | number | boolean | null>;
};

/** The audit row of an event, as inserted (for a statement that does more in the same round
 *  trip: lib/data/sign-in.ts); logAudit(event) once it is written. */
export function auditRow(event: AuditEvent): typeof auditEvents.$inferInsert {
  return {
    action: event.action,
    actorUserId: event.actorUserId ?? null,
    targetUserId: event.targetUserId ?? null,
    schoolId: event.schoolId ?? null,
    // Only an IP address is ever written: never text a client made up.
    clientAddress: canonicalAddress(event.clientAddress),
    detail: event.detail ?? null,
  };
}

/** The same event in the server's log: who and what by id, never the detail's words. */
export function logAudit(event: AuditEvent): void {
  const failed = /_failed$|_locked$|_refused$|_slowed$/.test(event.action);
  logEvent(
    event.action,
    { actor: event.actorUserId ?? null, target: event.targetUserId ?? null, school: event.schoolId ?? null },
    failed ? "warn" : "info",
  );
}

export async function recordAudit(db: Executor, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values(auditRow(event));
  logAudit(event);
}

/** One audit row per student of a school, in a few statements (the audit log only takes inserts),
 *  and one log line for them all. */
export async function recordAuditRows(
  tx: Executor,
  rows: {
    action: AuditAction;
    actorUserId: number;
    targetUserId: number;
    schoolId: number;
    clientAddress: string | null;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows
      .slice(i, i + 500)
      .map((row) => ({ ...row, clientAddress: row.clientAddress?.slice(0, 64) ?? null }));
    await tx.insert(auditEvents).values(chunk);
  }
  const [first] = rows;
  if (first) {
    logEvent(first.action, { actor: first.actorUserId, school: first.schoolId, students: rows.length });
  }
}
