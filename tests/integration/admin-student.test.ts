// Story: the school's administrator looks a student up and acts on them: find by name, login ID,
// class or e-mail with filters and pages; clear the security questions; disable and enable the
// account; read the student's recent activity. Only the student's own school can, through every
// one of these functions.
import { describe, expect, it } from "vitest";
import {
  clearSecurityQuestions,
  resetStudentPassword,
  setStudentEnabled,
  unlockAccount,
} from "@/lib/data/student-accounts";
import { startChallenge } from "@/lib/data/challenge";
import { ForbiddenError } from "@/lib/data/errors";
import { questionsSetUp } from "@/lib/data/security-questions";
import { authenticate } from "@/lib/data/sign-in";
import { findStudents, studentAuditTrail, studentDetail, STUDENTS_PER_PAGE } from "@/lib/data/students";
import { loadSessionUser } from "@/lib/data/users";
import {
  ALEX,
  CLEMENTI_ADMIN,
  createStudent,
  JURONG_ADMIN,
  LIM,
  lockAccountOutright,
  SITI,
  signIn,
  userIdOf,
  resetForm,
  CLIENT,
  IP,
} from "./helpers";
import { snapshot } from "./row-snapshot";

const all = { query: "", filter: "all" as const, page: 1 };

describe("finding students", () => {
  it("lists only the administrator's school, by name, with filters and pages", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const everyone = await findStudents(admin, all);
    expect(everyone.rows.map((row) => row.loginId)).toEqual([
      "aiden_chua",
      "alex_tan",
      "nurul_huda",
      "priya_nair",
      "siti_rahman",
    ]);
    // Students only: the school's teacher and administrators are not among them.
    expect(everyone).toMatchObject({ total: 5, page: 1, pages: 1 });

    const byClass = await findStudents(admin, { ...all, query: "p5 INTEGRITY" });
    expect(byClass.rows.map((row) => row.fullName)).toEqual(["Siti Nur Rahman"]);
    const byEmail = await findStudents(admin, { ...all, query: "students.clementi" });
    expect(byEmail.rows.map((row) => row.loginId)).toEqual(["priya_nair", "siti_rahman"]);
    // Words typed are text, not patterns; nothing of Jurong West is ever found.
    for (const query of ["%", "x%t", "a_e", "\\", "lim", "Lim Wei Jie", "jurong", "\u0000siti", "\ud800"]) {
      const found = await findStudents(admin, { ...all, query });
      expect(
        found.rows.map((row) => row.loginId),
        JSON.stringify(query),
      ).toEqual(query.includes("siti") ? ["siti_rahman"] : []);
    }

    const noQuestions = await findStudents(admin, { ...all, filter: "noQuestions" });
    expect(noQuestions.rows.map((row) => row.loginId)).toEqual([
      "aiden_chua",
      "alex_tan",
      "nurul_huda",
      "priya_nair",
    ]);
    const mustChange = await findStudents(admin, { ...all, filter: "mustChange" });
    expect(mustChange.rows.map((row) => row.loginId)).toEqual(["nurul_huda"]);
    await lockAccountOutright(await userIdOf(ALEX.loginId));
    const locked = await findStudents(admin, { ...all, filter: "locked" });
    expect(locked.rows).toMatchObject([{ loginId: "alex_tan", locked: "account" }]);
  });

  it("pages through a large class, every student exactly once", async () => {
    for (let i = 0; i < 60; i++) {
      await createStudent(`pager_${String(i).padStart(2, "0")}`, { fullName: `Pager Child ${i}` });
    }
    const admin = await signIn(CLEMENTI_ADMIN);
    const first = await findStudents(admin, { ...all, query: "pager" });
    expect(first).toMatchObject({ total: 60, pages: Math.ceil(60 / STUDENTS_PER_PAGE) });
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      seen.push(
        ...(await findStudents(admin, { ...all, query: "pager", page })).rows.map((row) => row.loginId),
      );
    }
    expect(new Set(seen).size).toBe(60);
    // A page past the end shows the last page.
    expect((await findStudents(admin, { ...all, query: "pager", page: 99 })).page).toBe(first.pages);
  });
});

describe("acting on one student", () => {
  it("clears the questions: Forgot Password? asks decoys until new ones are set up", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const siti = await signIn(SITI);
    expect(await questionsSetUp(siti)).toEqual([2, 3, 4]);
    expect(await clearSecurityQuestions(admin, siti.id, CLIENT)).toEqual({ fullName: "Siti Nur Rahman" });
    expect(await questionsSetUp(siti)).toEqual([]);
    expect((await studentDetail(admin, siti.id)).questionIds).toEqual([]);
    // The reset path looks as it does for anyone: two questions, which no answer opens.
    expect(await startChallenge(SITI.loginId, IP)).toMatchObject({ status: "open" });
  });

  it("disables an account: no sign-in, every session ends; enabling lets the student back", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const alex = await signIn(ALEX);
    await setStudentEnabled(admin, alex.id, false, CLIENT);
    expect(await loadSessionUser(alex.id, alex.sessionVersion)).toBeNull();
    expect(await authenticate(ALEX.loginId, ALEX.password, IP)).toBeNull();
    expect((await studentDetail(admin, alex.id)).status).toBe("disabled");
    await setStudentEnabled(admin, alex.id, true, CLIENT);
    expect(await authenticate(ALEX.loginId, ALEX.password, IP)).not.toBeNull();

    const trail = await studentAuditTrail(admin, alex.id);
    expect(trail.slice(0, 4).map((entry) => [entry.action, entry.by])).toEqual([
      ["sign_in", "student"],
      ["account_enabled", "Clementi MIMS Administrator"],
      ["sign_in_failed", "nobody"],
      ["account_disabled", "Clementi MIMS Administrator"],
    ]);
    expect(trail[0]!.clientAddress).toBe(IP);
  });

  it("refuses every function to another school's administrator, a student and made-up ids", async () => {
    const siti = await userIdOf(SITI.loginId);
    const jurong = await signIn(JURONG_ADMIN);
    const student = await signIn(LIM);
    const clementi = await signIn(CLEMENTI_ADMIN);
    const before = await snapshot();
    const calls = [
      (actor: typeof jurong, id: number) => studentDetail(actor, id),
      (actor: typeof jurong, id: number) => studentAuditTrail(actor, id),
      (actor: typeof jurong, id: number) => clearSecurityQuestions(actor, id, CLIENT),
      (actor: typeof jurong, id: number) => setStudentEnabled(actor, id, false, CLIENT),
      (actor: typeof jurong, id: number) => unlockAccount(actor, id, CLIENT),
      (actor: typeof jurong, id: number) => resetStudentPassword(actor, resetForm(actor, id), CLIENT),
    ];
    for (const call of calls) {
      for (const [actor, id] of [
        [jurong, siti],
        [student, siti],
        [clementi, clementi.id],
        [clementi, await userIdOf(LIM.loginId)],
        [clementi, 0],
        [clementi, 2 ** 31],
      ] as const) {
        await expect(call(actor, id), `${actor.loginId} → ${id}`).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
    await expect(findStudents(student, all)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findStudents(undefined as never, all)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });
});
