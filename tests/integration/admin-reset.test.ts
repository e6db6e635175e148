// Story: the school's administrator resets a student's password. The student gets a temporary
// password, shown once and stored only as its hash, that must be changed at the next sign-in;
// every session the student had ends (the session version, checked on every request, moves and
// the server-side sessions go). Nobody but an administrator of the student's school can do it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, users } from "@/db/schema";
import { assertActor } from "@/lib/data/actor";
import { resetStudentPassword } from "@/lib/data/student-accounts";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { questionsSetUp } from "@/lib/data/security-questions";
import { continueSession, startSession } from "@/lib/data/sessions";
import { authenticate } from "@/lib/data/sign-in";
import { loadSessionUser } from "@/lib/data/users";
import { meetsPolicy } from "@/lib/passwords/policy";
import {
  ALEX,
  CLEMENTI_ADMIN,
  JURONG_ADMIN,
  LIM,
  SITI,
  signIn,
  userIdOf,
  resetByAdmin,
  resetForm,
  CLIENT,
  IP,
} from "./helpers";
import { snapshot } from "./row-snapshot";

async function everyRowAsText(): Promise<string> {
  const db = await getDb();
  const dump = {
    users: await db.select().from(users),
    audit: await db.select().from(auditEvents),
    sessions: await db.select().from(sessions),
  };
  return JSON.stringify(dump);
}

describe("an administrator resets a student's password", () => {
  it("ends every session of the student and makes the temporary password the only way in", async () => {
    const onLaptop = await signIn(SITI);
    const onPhone = await signIn(SITI);
    const laptopSession = await startSession(onLaptop.id);
    expect(await continueSession(laptopSession, onLaptop)).toBe(true);
    const admin = await signIn(CLEMENTI_ADMIN);

    const reset = await resetByAdmin(admin, onLaptop.id);
    expect(reset).toMatchObject({ fullName: "Siti Nur Rahman", loginId: SITI.loginId });
    const context = { loginId: SITI.loginId, fullName: "Siti Nur Rahman", email: onLaptop.email };
    expect(meetsPolicy(reset.temporaryPassword, context)).toBe(true);

    // Both devices are signed out, on their next request, whatever their cookies say.
    for (const session of [onLaptop, onPhone]) {
      expect(await loadSessionUser(session.id, session.sessionVersion)).toBeNull();
      await expect(assertActor(session)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(questionsSetUp(session)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await continueSession(laptopSession, onLaptop)).toBe(false);

    // The old password no longer opens the account; the temporary one does, and must be changed.
    expect(await authenticate(SITI.loginId, SITI.password, IP)).toBeNull();
    const next = await signIn({ loginId: SITI.loginId, password: reset.temporaryPassword });
    expect(next).toMatchObject({ id: onLaptop.id, mustChangePassword: true });
    expect(next.sessionVersion).toBe(onLaptop.sessionVersion + 1);

    // Recorded with who, whom and where; the temporary password is nowhere in plain text.
    const db = await getDb();
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "password_reset_by_admin"), eq(auditEvents.targetUserId, next.id)));
    expect(audit).toMatchObject([{ actorUserId: admin.id, schoolId: admin.schoolId, clientAddress: IP }]);
    expect(await everyRowAsText()).not.toContain(reset.temporaryPassword);
  });

  it("gives a different temporary password each time", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const alex = await userIdOf(ALEX.loginId);
    const first = await resetByAdmin(admin, alex);
    const second = await resetByAdmin(admin, alex);
    expect(second.temporaryPassword).not.toBe(first.temporaryPassword);
    expect(await authenticate(ALEX.loginId, first.temporaryPassword, IP)).toBeNull();
    expect(await authenticate(ALEX.loginId, second.temporaryPassword, IP)).not.toBeNull();
  });

  it("refuses another school's administrator, a student, an old session and made-up ids", async () => {
    const lim = await userIdOf(LIM.loginId);
    const clementiAdmin = await signIn(CLEMENTI_ADMIN);
    const jurongAdmin = await signIn(JURONG_ADMIN);
    const student = await signIn(LIM);
    const before = await snapshot();

    const refused: [typeof jurongAdmin, number][] = [
      [clementiAdmin, lim], // another school's student
      [jurongAdmin, clementiAdmin.id], // another school's administrator
      [jurongAdmin, jurongAdmin.id], // an administrator, not a student
      [student, lim], // a student, even for herself
      [{ ...jurongAdmin, sessionVersion: jurongAdmin.sessionVersion + 1 }, lim], // an ended session
      ...[0, -1, 2 ** 31, 1.5, Number.NaN].map((id): [typeof jurongAdmin, number] => [jurongAdmin, id]),
    ];
    for (const [actor, id] of refused) {
      await expect(
        resetStudentPassword(actor, resetForm(actor, id), CLIENT),
        `${actor.loginId} → ${id}`,
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot()).toEqual(before);
    expect(await authenticate(LIM.loginId, LIM.password, IP)).not.toBeNull();
  });
});
