// Story: Mrs Tan is the form teacher of P3 Diligence at Clementi, and teaches P4 Courage too. She
// signs in with a second factor like an administrator, and sees the students of her classes only:
// name, class, Login ID, whether the questions are set up, whether the account is locked. She can
// do two things for them: unlock an account, and give a one-time reset code in person. Nothing
// else, and nobody else: a student of another class or school, or a made-up id, is refused the
// same way as an id nobody has. The school administrator adds teachers (one by one or from a CSV
// file) and gives them their classes.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, notices, resetCodes, users } from "@/db/schema";
import { totpCodeAt } from "@/lib/auth/totp";
import { exportAuditLog, NO_FILTER, searchAuditLog } from "@/lib/data/audit-read";
import {
  classStudentDetail,
  issueClassResetCode,
  listClassStudents,
  unlockClassStudent,
} from "@/lib/data/class-students";
import { questionCoverageByClass } from "@/lib/data/dashboard";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { previewCohortImport } from "@/lib/data/import";
import { redeemResetCode } from "@/lib/data/reset-codes";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { confirmEnrolment, pendingEnrolment } from "@/lib/data/second-factor";
import { ADMIN_IDLE_MINUTES, resumeSession, startSession } from "@/lib/data/sessions";
import { authenticate } from "@/lib/data/sign-in";
import {
  issueResetCode,
  listLockedAccounts,
  resetStudentPassword,
  unlockAccount,
} from "@/lib/data/student-accounts";
import { findStudents, studentDetail } from "@/lib/data/students";
import { importTeachers } from "@/lib/data/teacher-import";
import { addTeacher, listTeachers, setTeacherClasses, setTeacherEnabled } from "@/lib/data/teachers";
import type { SessionUser } from "@/lib/data/users";
import { schoolClasses, startYearlyReset } from "@/lib/data/yearly-reset";
import {
  AIDEN,
  ALEX,
  answerWrongly,
  CLEMENTI_ADMIN,
  CLIENT,
  createStudent,
  gateRow,
  JURONG_ADMIN,
  LIM,
  lockAccountOutright,
  newPassword,
  resetForm,
  signIn,
  SITI,
  TEACHER,
  userIdOf,
} from "./helpers";

const refused = (work: Promise<unknown>) => expect(work).rejects.toBeInstanceOf(ForbiddenError);

/** Students a teacher must never reach, with why. */
const outsiders: Record<string, number> = {};

beforeAll(async () => {
  outsiders["another class of her school (Siti, P5 Integrity)"] = await userIdOf(SITI.loginId);
  outsiders["another school's student"] = await userIdOf(LIM.loginId);
  // The same class's name in another school is another class.
  outsiders["P4 Courage of another school"] = await createStudent("tg_courage", {
    school: "Tampines Garden Primary School",
    className: "P4 Courage",
    fullName: "Other Courage Pupil",
  });
  outsiders["a disabled student of her class"] = await createStudent("off_courage", {
    className: "P4 Courage",
    fullName: "Disabled Courage Pupil",
    status: "disabled",
  });
  outsiders["a student with no class"] = await createStudent("no_class_kid", { fullName: "Classless Pupil" });
  outsiders["her school's administrator"] = await userIdOf(CLEMENTI_ADMIN.loginId);
  outsiders["herself"] = await userIdOf(TEACHER.loginId);
  outsiders["an id nobody has"] = 999_999;
  outsiders["an id no row can have"] = 2 ** 31;
  outsiders["zero"] = 0;
  outsiders["a negative id"] = -4;
});

async function auditRows(action: string, targetUserId: number) {
  const db = await getDb();
  return db
    .select({ actor: auditEvents.actorUserId, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetUserId, targetUserId)));
}

describe("a teacher's classes", () => {
  it("shows the students of her classes only: name, class, Login ID, questions, lock", async () => {
    const teacher = await signIn(TEACHER);
    expect(teacher.role).toBe("teacher");
    const mine = await listClassStudents(teacher);
    expect(mine.classes).toEqual(["P3 Diligence", "P4 Courage"]);
    expect(mine.students).toEqual([
      {
        id: await userIdOf(AIDEN.loginId),
        loginId: AIDEN.loginId,
        fullName: "Aiden Chua Zi Hao",
        className: "P3 Diligence",
        questionsSetUp: false,
        locked: null,
        lockedUntil: null,
      },
      expect.objectContaining({ loginId: ALEX.loginId, className: "P4 Courage", locked: null }),
    ]);
    // Nothing of a student beyond those five facts (and the id the page links with).
    expect(Object.keys(mine.students[0]!).sort()).toEqual(
      ["className", "fullName", "id", "lockedUntil", "locked", "loginId", "questionsSetUp"].sort(),
    );
  });

  it("says which of them are locked, for a while or until unlocked", async () => {
    const teacher = await signIn(TEACHER);
    const aiden = await userIdOf(AIDEN.loginId);
    for (let i = 0; i < 3; i++) await answerWrongly(AIDEN.loginId);
    await lockAccountOutright(await userIdOf(ALEX.loginId));
    const students = (await listClassStudents(teacher)).students;
    expect(students.map((s) => [s.loginId, s.locked])).toEqual([
      [AIDEN.loginId, "temporary"],
      [ALEX.loginId, "account"],
    ]);
    expect((await classStudentDetail(teacher, aiden)).lockedUntil).toBeInstanceOf(Date);
  });

  it("unlocks a student of her class, and the audit log names her", async () => {
    const teacher = await signIn(TEACHER);
    const aiden = await userIdOf(AIDEN.loginId);
    const alex = await userIdOf(ALEX.loginId);
    expect(await unlockClassStudent(teacher, aiden, CLIENT)).toEqual({ fullName: "Aiden Chua Zi Hao" });
    expect(await unlockClassStudent(teacher, alex, CLIENT)).toEqual({ fullName: "Alex Tan Wei Ming" });
    expect(await gateRow(aiden)).toMatchObject({ attempts: 0, lockCount: 0, lockedUntil: null });
    expect(await gateRow(alex)).toMatchObject({ accountLocked: false });
    expect((await listClassStudents(teacher)).students.every((s) => s.locked === null)).toBe(true);
    expect(await auditRows("account_unlocked", aiden)).toEqual([{ actor: teacher.id, detail: null }]);
  });

  it("gives a one-time reset code that the child uses for a new password; the log says who gave it and who used it", async () => {
    const teacher = await signIn(TEACHER);
    const aiden = await userIdOf(AIDEN.loginId);
    const issued = await issueClassResetCode(teacher, aiden, CLIENT);
    if (issued.status !== "issued") throw new Error(`no code: ${issued.status}`);
    expect(issued).toMatchObject({
      fullName: "Aiden Chua Zi Hao",
      loginId: AIDEN.loginId,
      className: "P3 Diligence",
    });
    const db = await getDb();
    const [stored] = await db.select().from(resetCodes).where(eq(resetCodes.userId, aiden));
    expect(stored?.issuedBy).toBe(teacher.id);
    expect(stored?.codeHash).not.toContain(issued.code);

    const redeemed = await redeemResetCode(AIDEN.loginId, issued.code, CLIENT);
    if (redeemed.status !== "correct") throw new Error(`expected a grant, got ${redeemed.status}`);
    const reset = await resetPasswordWithGrant(
      redeemed.grantToken,
      newPassword("Lantern-Bridge-Rain-5"),
      CLIENT,
    );
    expect(reset.status).toBe("reset");
    expect(await authenticate(AIDEN.loginId, "Lantern-Bridge-Rain-5", CLIENT.address)).not.toBeNull();

    expect(await auditRows("reset_code_issued", aiden)).toEqual([{ actor: teacher.id, detail: null }]);
    expect(await auditRows("reset_code_used", aiden)).toEqual([
      { actor: aiden, detail: { issuedBy: teacher.id } },
    ]);
    // The guardian hears of the new password, as after any reset.
    const told = await db
      .select({ role: notices.recipientRole, kind: notices.kind })
      .from(notices)
      .where(eq(notices.userId, aiden));
    expect(told).toContainEqual({ role: "guardian", kind: "password_changed" });
  });

  it("gives no code while Forgot Password? is locked: she unlocks first", async () => {
    const teacher = await signIn(TEACHER);
    const alex = await userIdOf(ALEX.loginId);
    await lockAccountOutright(alex);
    expect(await issueClassResetCode(teacher, alex, CLIENT)).toEqual({
      status: "locked",
      fullName: "Alex Tan Wei Ming",
    });
    await unlockClassStudent(teacher, alex, CLIENT);
    expect((await issueClassResetCode(teacher, alex, CLIENT)).status).toBe("issued");
  });
});

describe("what a teacher cannot reach", () => {
  it("refuses every student outside her classes exactly as an id nobody has", async () => {
    const teacher = await signIn(TEACHER);
    const db = await getDb();
    for (const [who, id] of Object.entries(outsiders)) {
      await expect(classStudentDetail(teacher, id), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(unlockClassStudent(teacher, id, CLIENT), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(issueClassResetCode(teacher, id, CLIENT), who).rejects.toBeInstanceOf(ForbiddenError);
      if (id > 0 && id < 2 ** 31) {
        expect(await db.select().from(resetCodes).where(eq(resetCodes.userId, id)), who).toEqual([]);
      }
    }
    const byHer = await db
      .select({ action: auditEvents.action, target: auditEvents.targetUserId })
      .from(auditEvents)
      .where(eq(auditEvents.actorUserId, teacher.id));
    const outsideIds = Object.values(outsiders);
    expect(
      byHer.filter(
        (row) => row.target !== null && outsideIds.includes(row.target) && row.target !== teacher.id,
      ),
    ).toEqual([]);
  });

  it("refuses the teacher's functions to a student and to an administrator", async () => {
    const aiden = await userIdOf(AIDEN.loginId);
    for (const person of [await signIn(SITI), await signIn(CLEMENTI_ADMIN)]) {
      await refused(listClassStudents(person));
      await refused(classStudentDetail(person, aiden));
      await refused(unlockClassStudent(person, aiden, CLIENT));
      await refused(issueClassResetCode(person, aiden, CLIENT));
    }
  });

  it("refuses the administrators' functions to a teacher, even for a student of her class", async () => {
    const teacher = await signIn(TEACHER);
    const aiden = await userIdOf(AIDEN.loginId);
    const school = { schoolId: teacher.schoolId };
    await refused(findStudents(teacher, { query: "", filter: "all", page: 1 }));
    await refused(studentDetail(teacher, aiden));
    await refused(listLockedAccounts(teacher));
    await refused(unlockAccount(teacher, aiden, CLIENT));
    await refused(issueResetCode(teacher, aiden, CLIENT));
    await refused(resetStudentPassword(teacher, resetForm(teacher, aiden), CLIENT));
    await refused(previewCohortImport(teacher, { ...school, name: "a.csv", content: "login_id\n" }));
    await refused(startYearlyReset(teacher, { ...school, className: "P3 Diligence" }, CLIENT));
    await refused(schoolClasses(teacher));
    await refused(questionCoverageByClass(teacher));
    await refused(searchAuditLog(teacher, NO_FILTER, 1));
    await refused(exportAuditLog(teacher, NO_FILTER, ["a"]));
    await refused(listTeachers(teacher));
    await refused(
      addTeacher(teacher, { ...school, loginId: "sneaky", fullName: "Sneaky", classes: [] }, CLIENT),
    );
    await refused(importTeachers(teacher, { ...school, content: "username,name,classes\n" }, CLIENT));
    await refused(setTeacherClasses(teacher, { teacherId: teacher.id, classes: ["P5 Integrity"] }, CLIENT));
    expect((await listClassStudents(teacher)).classes).toEqual(["P3 Diligence", "P4 Courage"]);
  });

  it("loses a class the school takes away, and everything once disabled", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const teacher = await signIn(TEACHER);
    const alex = await userIdOf(ALEX.loginId);
    expect(
      await setTeacherClasses(admin, { teacherId: teacher.id, classes: ["p3 diligence"] }, CLIENT),
    ).toEqual({ status: "saved", fullName: "Tan Mei Hua", classes: ["P3 Diligence"] });
    await refused(classStudentDetail(teacher, alex));
    await refused(unlockClassStudent(teacher, alex, CLIENT));
    expect((await listClassStudents(teacher)).students.map((s) => s.loginId)).toEqual([AIDEN.loginId]);

    await setTeacherEnabled(admin, { teacherId: teacher.id, enabled: false }, CLIENT);
    await refused(listClassStudents(teacher));
    expect(await authenticate(TEACHER.loginId, TEACHER.password, CLIENT.address)).toBeNull();
    await setTeacherEnabled(admin, { teacherId: teacher.id, enabled: true }, CLIENT);
    await setTeacherClasses(
      admin,
      { teacherId: teacher.id, classes: ["P3 Diligence", "P4 Courage"] },
      CLIENT,
    );
    expect((await listClassStudents(await signIn(TEACHER))).classes).toEqual(["P3 Diligence", "P4 Courage"]);
  });

  it("is another school's administrator's to manage in no way", async () => {
    const jurong = await signIn(JURONG_ADMIN);
    const teacherId = await userIdOf(TEACHER.loginId);
    await refused(setTeacherClasses(jurong, { teacherId, classes: [] }, CLIENT));
    await refused(setTeacherEnabled(jurong, { teacherId, enabled: false }, CLIENT));
    expect((await listTeachers(jurong)).map((t) => t.loginId)).toEqual([]);
  });
});

describe("a teacher's sign-in", () => {
  it("opens an untrusted session that the second factor trusts, with an administrator's short idle time", async () => {
    const teacher = await signIn(TEACHER);
    const sessionId = await startSession(teacher.id);
    const enrolment = await pendingEnrolment(teacher);
    const now = new Date();
    const result = await confirmEnrolment({
      actor: teacher,
      sessionId,
      code: totpCodeAt(enrolment!.secret, now),
      clientAddress: CLIENT.address,
      now,
    });
    if (result.status !== "passed") throw new Error(`not passed: ${result.status}`);
    expect(result.recoveryCodes).toHaveLength(10);
    const person = { id: teacher.id, role: "teacher" as const };
    expect((await resumeSession(result.sessionId, person))?.secondFactorAt).toBeInstanceOf(Date);
    const idle = new Date(Date.now() + (ADMIN_IDLE_MINUTES + 1) * 60_000);
    expect(await resumeSession(result.sessionId, person, idle)).toBeNull();
  });
});

describe("the school administrator's teachers", () => {
  let admin: SessionUser;
  beforeAll(async () => {
    admin = await signIn(CLEMENTI_ADMIN);
  });

  it("adds a teacher with classes as the students' are written, and a temporary password to change", async () => {
    const added = await addTeacher(
      admin,
      {
        schoolId: admin.schoolId,
        loginId: "Lee_Hui_Wen",
        fullName: "Lee Hui Wen",
        classes: ["p5 INTEGRITY"],
      },
      CLIENT,
    );
    if (added.status !== "created") throw new Error(`not added: ${added.status}`);
    expect(added.teacher).toMatchObject({ loginId: "lee_hui_wen", classes: ["P5 Integrity"] });
    const signedIn = await signIn({ loginId: "lee_hui_wen", password: added.teacher.temporaryPassword });
    expect(signedIn).toMatchObject({ role: "teacher", mustChangePassword: true, schoolId: admin.schoolId });
    expect((await listClassStudents(signedIn)).students.map((s) => s.loginId)).toEqual([SITI.loginId]);
    expect(await auditRows("teacher_created", signedIn.id)).toEqual([
      { actor: admin.id, detail: { classes: "P5 Integrity" } },
    ]);
  });

  it("refuses a class no student of the school is in, a Login ID in use, and another school", async () => {
    const input = { schoolId: admin.schoolId, loginId: "new_teacher", fullName: "New Teacher" };
    expect(await addTeacher(admin, { ...input, classes: ["P4 Courage", "P3 Respect"] }, CLIENT)).toEqual({
      status: "unknownClasses",
      classes: ["P3 Respect"], // Jurong West's class, not Clementi's
    });
    expect(
      await addTeacher(admin, { ...input, loginId: "siti_rahman", classes: ["P4 Courage"] }, CLIENT),
    ).toEqual({
      status: "taken",
    });
    const jurong = await signIn(JURONG_ADMIN);
    await refused(addTeacher(jurong, { ...input, classes: ["P4 Courage"] }, CLIENT));
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.loginId, "new_teacher"))).toEqual([]);
  });

  it("imports teachers from a CSV file, each with classes and a temporary password", async () => {
    const csv =
      "Username,Name,Classes\r\ncsv_ong,Ong Bee Lian,P1 Kindness; p2 harmony\r\ncsv_raj,Raj Kumar,P4 Courage\r\n";
    const result = await importTeachers(admin, { schoolId: admin.schoolId, content: csv }, CLIENT);
    if (result.status !== "imported") throw new Error(`not imported: ${result.status}`);
    expect(result.teachers.map(({ loginId, classes }) => [loginId, classes])).toEqual([
      ["csv_ong", ["P1 Kindness", "P2 Harmony"]],
      ["csv_raj", ["P4 Courage"]],
    ]);
    const listed = await listTeachers(admin);
    expect(listed.find((t) => t.loginId === "csv_ong")?.classes).toEqual(["P1 Kindness", "P2 Harmony"]);
    const raj = await signIn({ loginId: "csv_raj", password: result.teachers[1]!.temporaryPassword });
    expect((await listClassStudents(raj)).students.map((s) => s.loginId)).toEqual([ALEX.loginId]);
  });

  it("imports nothing from a file with a bad row, and says what is wrong with each, by row", async () => {
    const csv = [
      "username,name,classes",
      "good_one,Good One,P4 Courage", // row 2: fine
      "x,Too Short,P4 Courage", // 3
      "no_name,,P4 Courage", // 4
      "no_class,No Class,", // 5
      "typo_class,Typo Class,P4 Courag", // 6
      "good_one,Good Again,P4 Courage", // 7: repeated
      "alex_tan,Taken Here,P4 Courage", // 8: a Clementi student's Login ID
      "lim_wei_jie,Taken Elsewhere,P4 Courage", // 9: another school's
      "formula_kid,=HYPERLINK(1),P4 Courage", // 10
      "short_row,Short Row", // 11
    ].join("\n");
    const before = (await listTeachers(admin)).length;
    const result = await importTeachers(admin, { schoolId: admin.schoolId, content: csv }, CLIENT);
    expect(result).toEqual({
      status: "problems",
      problems: [
        { line: 3, reasons: ["loginIdFormat"] },
        { line: 4, reasons: ["fullNameMissing"] },
        { line: 5, reasons: ["classesMissing"] },
        { line: 6, reasons: [], unknownClasses: ["P4 Courag"] },
        { line: 7, reasons: ["loginIdRepeated"] },
        { line: 8, reasons: ["loginIdTaken"] },
        { line: 9, reasons: ["usedElsewhere"] },
        { line: 10, reasons: ["formula"] },
        { line: 11, reasons: ["fieldCount"] },
      ],
    });
    expect(await listTeachers(admin)).toHaveLength(before);
    expect(
      await importTeachers(admin, { schoolId: admin.schoolId, content: "name,classes\nA,B\n" }, CLIENT),
    ).toEqual({
      status: "refused",
      error: "headers",
    });
  });
});
