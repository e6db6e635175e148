import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { schools, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import type { ClientInput } from "@/lib/http/request";
import type { StudentLanguage } from "@/lib/school/student-language";
import { recordAudit, type AuditAction, type AuditEvent } from "./audit-write";
import { clearGateForUser, gateKeyFor, readGateStatus } from "./challenge-state";
import { getDb } from "./db";
import { storeNewResetCode } from "./reset-codes";
import type { SessionUser } from "./users";

// What the school's staff do to one student, whoever they are: an administrator (any student of
// their school, lib/data/student-accounts.ts) or a teacher (the students of their classes,
// lib/data/class-students.ts). Each caller checks its own scope first and hands over only a student
// that check found; the audit row names the member of staff who acted.

/** The student a member of staff acts on, as their scope check found them. */
export type StudentTarget = {
  id: number;
  loginId: string;
  email: string | null;
  fullName: string;
  className: string | null;
  language: StudentLanguage | null;
  schoolName: string;
};

/** A member of staff (checked) and a student their scope allows. */
export type ActingOn = { by: SessionUser; target: StudentTarget };

/** The student matching `where` (with the school's name), or undefined. */
export async function findTarget(where: SQL | undefined): Promise<StudentTarget | undefined> {
  const db = await getDb();
  const [target] = await db
    .select({
      id: users.id,
      loginId: users.loginId,
      email: users.email,
      fullName: users.fullName,
      className: users.className,
      language: users.language,
      schoolName: schools.name,
    })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(and(where, eq(users.role, "student")));
  return target;
}

/** The change and its audit row, in one transaction. */
export async function recordedChange(
  { by, target }: ActingOn,
  action: AuditAction,
  client: ClientInput,
  change: (tx: Tx) => Promise<unknown>,
  detail?: AuditEvent["detail"],
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await change(tx);
    await recordAudit(tx, {
      action,
      actorUserId: by.id,
      targetUserId: target.id,
      schoolId: by.schoolId,
      clientAddress: client?.address ?? null,
      detail,
    });
  });
}

/** Clears the student's gate (and any reset code given before); returns whom it unlocked. */
export async function unlockStudent(acting: ActingOn, client: ClientInput): Promise<{ fullName: string }> {
  await recordedChange(acting, "account_unlocked", client, (tx) => clearGateForUser(tx, acting.target.id));
  return { fullName: acting.target.fullName };
}

export type IssuedResetCode =
  /** With whom it is for, as the slip to hand over names them. */
  | {
      status: "issued";
      fullName: string;
      loginId: string;
      className: string | null;
      code: string;
      expiresAt: Date;
    }
  /** The reset path is locked: a code would meet the lock. Unlock first. */
  | { status: "locked"; fullName: string };

/** A one-time reset code (lib/reset/reset-code.ts), to hand over in person: returned once, kept
 *  only as its hash, good until the end of the school day or its first use; a code given before
 *  stops working. The audit row and the code's row name who gave it. */
export async function giveResetCode(
  acting: ActingOn,
  client: ClientInput,
  now = new Date(),
): Promise<IssuedResetCode> {
  const { fullName, loginId, className } = acting.target;
  if ((await readGateStatus(gateKeyFor(acting.target, acting.target.loginId), now)) !== "open") {
    return { status: "locked", fullName };
  }
  let issued: { code: string; expiresAt: Date } | undefined;
  await recordedChange(acting, "reset_code_issued", client, async (tx) => {
    issued = await storeNewResetCode(tx, acting.target.id, acting.by.id, now);
  });
  return { status: "issued", fullName, loginId, className, ...issued! };
}
