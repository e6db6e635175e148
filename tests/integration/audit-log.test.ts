// Story: an administrator reads and exports the school's audit log: filtered by student,
// administrator, action and date; only their own school; a hostile name cannot run in a spreadsheet.
import { describe, expect, it } from "vitest";
import { unlockAccount } from "@/lib/data/student-accounts";
import { exportAuditLog, NO_FILTER, searchAuditLog } from "@/lib/data/audit-read";
import { ForbiddenError } from "@/lib/data/errors";
import { authenticate } from "@/lib/data/sign-in";
import {
  CLEMENTI_ADMIN,
  createStudent,
  JURONG_ADMIN,
  LIM,
  signIn,
  SITI,
  userIdOf,
  resetByAdmin,
  CLIENT,
  IP,
} from "./helpers";

const HEADER = ["When", "Action", "Login ID", "Student", "Done by", "Address"];
/** The school's day (Singapore), which the date filter speaks: not UTC's. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Singapore" }).format(new Date());

describe("the audit log for administrators", () => {
  it("filters by student, administrator, action and date, within the school only", async () => {
    const clementi = await signIn(CLEMENTI_ADMIN);
    const jurong = await signIn(JURONG_ADMIN);
    await signIn(SITI);
    await signIn(LIM);
    await unlockAccount(clementi, await userIdOf(SITI.loginId), CLIENT);

    const all = await searchAuditLog(clementi, NO_FILTER, 1);
    expect(all.lines.map((line) => line.action)).toEqual(["account_unlocked", "sign_in", "sign_in"]);
    expect(all.lines.every((line) => line.studentLoginId !== LIM.loginId)).toBe(true);
    expect(all.lines[0]).toMatchObject({
      studentName: "Siti Nur Rahman",
      actorName: "Clementi MIMS Administrator",
    });
    expect(all.lines[1]).toMatchObject({
      studentLoginId: SITI.loginId,
      actorIsStudent: true,
      clientAddress: IP,
    });

    const bySiti = await searchAuditLog(clementi, { ...NO_FILTER, student: "nur rahman" }, 1);
    expect(bySiti.total).toBe(2);
    const byAdmin = await searchAuditLog(clementi, { ...NO_FILTER, adminId: clementi.id }, 1);
    // What the administrator did: the unlock, and signing in.
    expect(byAdmin.lines.map((line) => line.action)).toEqual(["account_unlocked", "sign_in"]);
    // Another school's administrator as the filter finds nothing of this school.
    expect((await searchAuditLog(clementi, { ...NO_FILTER, adminId: jurong.id }, 1)).total).toBe(0);
    const byAction = await searchAuditLog(clementi, { ...NO_FILTER, action: "sign_in" }, 1);
    expect(byAction.total).toBe(2);
    expect((await searchAuditLog(clementi, { ...NO_FILTER, from: today, to: today }, 1)).total).toBe(3);
    expect((await searchAuditLog(clementi, { ...NO_FILTER, to: "2020-01-01" }, 1)).total).toBe(0);

    const theirs = await searchAuditLog(jurong, NO_FILTER, 1);
    expect(theirs.lines.map((line) => [line.action, line.studentLoginId])).toEqual([
      ["sign_in", LIM.loginId],
      ["sign_in", "jurongwest_admin"],
    ]);
  });

  it("exports CSV whose hostile cells cannot run, and never a secret", async () => {
    const hostile = '=HYPERLINK("http://evil.example","click")';
    const id = await createStudent("formula_kid", { fullName: hostile, password: "Formula-Kid-Password-1" });
    await authenticate("formula_kid", "Wrong-Password-123", IP);
    const admin = await signIn(CLEMENTI_ADMIN);
    const reset = await resetByAdmin(admin, id);
    const csv = await exportAuditLog(admin, { ...NO_FILTER, student: "formula" }, HEADER);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(HEADER.map((h) => `"${h}"`).join(","));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `"password_reset_by_admin","formula_kid","'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(lines[2]).toContain(`"sign_in_failed","formula_kid"`);
    for (const line of lines.slice(1))
      expect(line.split('","').some((cell) => /^"?[=+\-@]/.test(cell))).toBe(false);
    expect(csv).not.toContain(reset.temporaryPassword);
    expect(csv).not.toContain("Wrong-Password-123");
  });

  it("gives nothing to a student or an ended session", async () => {
    const student = await signIn(LIM);
    const admin = await signIn(CLEMENTI_ADMIN);
    await expect(searchAuditLog(student, NO_FILTER, 1)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportAuditLog(student, NO_FILTER, HEADER)).rejects.toBeInstanceOf(ForbiddenError);
    const ended = { ...admin, sessionVersion: admin.sessionVersion + 1 };
    await expect(exportAuditLog(ended, NO_FILTER, HEADER)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
