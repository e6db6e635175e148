import "server-only";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { challengeStates, securityAnswers, sessions, users } from "@/db/schema";
import { isRowId } from "@/lib/forms/row-id";
import { screenPassword } from "@/lib/passwords/screen";
import type { StudentLanguage } from "@/lib/school/student-language";
import { temporaryPasswordFor } from "@/lib/passwords/temporary";
import { assertActor, type Actor } from "./actor";
import type { ClientInput } from "@/lib/http/request";
import { recordAudit } from "./audit-write";
import { clearDrawnQuestions } from "./drawn-questions";
import type { Tx } from "@/db/client";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import {
  claimFormToken,
  forgetOldFormTokens,
  isFormTokenUsed,
  isFormTokenValid,
  newFormToken,
} from "./form-tokens";
import { queuePasswordChangedNotices } from "./notices";
import { hashNewPassword } from "./passwords";
import { endResetGrants } from "./reset-grants";
import { clearSignInThrottle } from "./sign-in-throttle";
import {
  findTarget,
  giveResetCode,
  recordedChange,
  unlockStudent,
  type ActingOn,
  type IssuedResetCode,
} from "./student-changes";
import type { SessionUser } from "./users";

export type LockedAccount = {
  userId: number;
  loginId: string;
  fullName: string;
  className: string | null;
  lock: "temporary" | "account";
  lockedUntil: Date | null;
};

/** The administrator's own school only. */
export async function listLockedAccounts(actor: Actor, now = new Date()): Promise<LockedAccount[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      loginId: users.loginId,
      fullName: users.fullName,
      className: users.className,
      accountLocked: challengeStates.accountLocked,
      lockedUntil: challengeStates.lockedUntil,
    })
    .from(challengeStates)
    .innerJoin(users, eq(users.id, challengeStates.userId))
    .where(
      and(
        eq(users.schoolId, admin.schoolId),
        eq(users.role, "student"),
        or(eq(challengeStates.accountLocked, true), gt(challengeStates.lockedUntil, now)),
      ),
    )
    .orderBy(asc(users.fullName));
  return rows.map(({ accountLocked, ...row }) => ({ ...row, lock: accountLocked ? "account" : "temporary" }));
}

/** The administrator (checked) and one of their own school's students, or ForbiddenError: another
 *  school's student, a member of staff and an id no row can have all get the same refusal. */
async function studentOf(actor: Actor, userId: number): Promise<ActingOn> {
  const admin = await assertActor(actor, "admin");
  // An id no row can have is nobody of this school (and PostgreSQL would refuse the comparison).
  if (!isRowId(userId)) throw new ForbiddenError();
  const target = await findTarget(and(eq(users.id, userId), eq(users.schoolId, admin.schoolId)));
  if (!target) throw new ForbiddenError();
  return { by: admin, target };
}

/** Clears the gate of one of the administrator's own students; returns whom it unlocked. */
export async function unlockAccount(
  actor: Actor,
  userId: number,
  client: ClientInput,
): Promise<{ fullName: string }> {
  return unlockStudent(await studentOf(actor, userId), client);
}

export type { IssuedResetCode } from "./student-changes";

/** A one-time reset code for one of the school's own students (lib/reset/reset-code.ts), to hand
 *  over in person: returned once, kept only as its hash, good until the end of the school day or
 *  its first use; a code given before stops working. */
export async function issueResetCode(
  actor: Actor,
  userId: number,
  client: ClientInput,
  now = new Date(),
): Promise<IssuedResetCode> {
  return giveResetCode(await studentOf(actor, userId), client, now);
}

export type AdminReset =
  | { status: "reset"; fullName: string; loginId: string; temporaryPassword: string }
  /** The form's token was used before (a reload that posted it again): nothing changed. */
  | { status: "alreadyDone"; fullName: string }
  /** No token made for this administrator and student in the last 12 hours: nothing changed. */
  | { status: "formExpired"; fullName: string };

/** The Reset password form's one-time token (lib/data/form-tokens.ts), for its page to render. */
export function resetPasswordFormToken(admin: Pick<SessionUser, "id">, studentId: number): string {
  return newFormToken(admin.id, resetPurpose(studentId));
}

const resetPurpose = (studentId: number) => `reset-password:${studentId}`;

/** One of the administrator's own students gets a temporary password (returned once, to be
 *  shown once, stored only as its hash) that must be changed at the next sign-in. Every session
 *  of the student ends: the session version moves and their server-side sessions are deleted.
 *  Once per form: the form's token is claimed in the same transaction, so the same post again (a
 *  reload without JavaScript) resets nothing and the temporary password shown stays good. */
export async function resetStudentPassword(
  actor: Actor,
  form: { userId: number; formToken: string },
  client: ClientInput,
): Promise<AdminReset> {
  const { by: admin, target } = await studentOf(actor, form.userId);
  const { fullName } = target;
  const { formToken } = form;
  if (!isFormTokenValid(formToken, admin.id, resetPurpose(target.id)))
    return { status: "formExpired", fullName };
  const db = await getDb();
  if (await isFormTokenUsed(db, formToken)) return { status: "alreadyDone", fullName };
  let temporaryPassword = temporaryPasswordFor(target);
  while (await screenPassword(temporaryPassword, target)) temporaryPassword = temporaryPasswordFor(target);
  const passwordHash = await hashNewPassword(temporaryPassword);
  const done = await db.transaction(async (tx) => {
    if (!(await claimFormToken(tx, admin.id, formToken))) return false;
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, target.id));
    await tx.delete(sessions).where(eq(sessions.userId, target.id));
    await endResetGrants(tx, target.id);
    // The temporary password signs in at once, whatever someone guessed at the old one.
    await clearSignInThrottle(tx, target.id);
    await queuePasswordChangedNotices(tx, { userId: target.id, how: "admin", client });
    await recordAudit(tx, {
      action: "password_reset_by_admin",
      actorUserId: admin.id,
      targetUserId: target.id,
      schoolId: admin.schoolId,
      clientAddress: client?.address ?? null,
    });
    return true;
  });
  await forgetOldFormTokens(db);
  if (!done) return { status: "alreadyDone", fullName };
  return { status: "reset", fullName, loginId: target.loginId, temporaryPassword };
}

/** The student's security questions are gone: they set up new ones at their next sign-in, and
 *  until then Forgot Password? cannot reset the password (it asks decoy questions, as for anyone
 *  without questions). For a student who forgot the answers, or whose answers someone learnt. */
export async function clearSecurityQuestions(
  actor: Actor,
  userId: number,
  client: ClientInput,
): Promise<{ fullName: string }> {
  const acting = await studentOf(actor, userId);
  const { target } = acting;
  await recordedChange(acting, "questions_cleared", client, async (tx) => {
    await endResetGrants(tx, target.id);
    await tx.delete(securityAnswers).where(eq(securityAnswers.userId, target.id));
    await clearDrawnQuestions(tx, target.id);
  });
  return { fullName: target.fullName };
}

/** A disabled student cannot sign in or reset the password, and every session ends at once. */
export async function setStudentEnabled(
  actor: Actor,
  userId: number,
  enabled: boolean,
  client: ClientInput,
): Promise<{ fullName: string }> {
  const acting = await studentOf(actor, userId);
  const { target } = acting;
  await recordedChange(acting, enabled ? "account_enabled" : "account_disabled", client, async (tx) => {
    const disabled = { status: "disabled" as const, sessionVersion: sql`${users.sessionVersion} + 1` };
    await tx
      .update(users)
      .set(enabled ? { status: "active" } : disabled)
      .where(eq(users.id, target.id));
    if (!enabled) {
      await tx.delete(sessions).where(eq(sessions.userId, target.id));
      await endResetGrants(tx, target.id);
    }
  });
  return { fullName: target.fullName };
}

/** The language of the student's family notices (lib/mail/compose.ts); null: not set, English
 *  alone. The audit row says what it was and what it is now. */
export async function setStudentLanguage(
  actor: Actor,
  userId: number,
  language: StudentLanguage | null,
  client: ClientInput,
): Promise<{ fullName: string; language: StudentLanguage | null }> {
  const acting = await studentOf(actor, userId);
  const { target } = acting;
  const change = (tx: Tx) => tx.update(users).set({ language }).where(eq(users.id, target.id));
  await recordedChange(acting, "language_changed", client, change, { from: target.language, to: language });
  return { fullName: target.fullName, language };
}
