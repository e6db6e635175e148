// Story: the ministry manages schools and their administrators; a school administrator given a
// second school acts on both, one at a time, and never on a third; a ministry administrator acts
// on any school. Every data function keeps to the school the administrator may act on.
import { describe, expect, it } from "vitest";
import { assertActor } from "@/lib/data/actor";
import { resetStudentPassword, unlockAccount } from "@/lib/data/student-accounts";
import { searchAuditLog, NO_FILTER } from "@/lib/data/audit-read";
import { ForbiddenError } from "@/lib/data/errors";
import {
  createSchool,
  createSchoolAdmin,
  grantSchool,
  setSchoolAdminAccess,
  listSchoolsWithAdmins,
  schoolsForAdmin,
} from "@/lib/data/ministry";
import { findStudents } from "@/lib/data/students";
import { authenticate } from "@/lib/data/sign-in";
import {
  CLEMENTI_ADMIN,
  createStudent,
  JURONG_ADMIN,
  LIM,
  signIn,
  SITI,
  userIdOf,
  resetForm,
  CLIENT,
  IP,
} from "./helpers";
import { snapshot } from "./row-snapshot";

const all = { query: "", filter: "all" as const, page: 1 };

/** The demo data's ministry administrator. */
const MINISTRY = { loginId: "moe_admin", password: "Ministry-Desk-2026" };
const makeMinistryAdmin = () => signIn(MINISTRY);

describe("schools and their administrators", () => {
  it("lets the ministry add a school, its administrator (temporary password, must change) and a grant", async () => {
    const ministry = await makeMinistryAdmin();
    const added = await createSchool(
      ministry,
      { name: "Bedok Green Primary School", contactEmail: "Office@Bedok.example" },
      CLIENT,
    );
    expect(added).toMatchObject({ status: "created", value: { name: "Bedok Green Primary School" } });
    if (added.status !== "created") throw new Error("not created");
    expect(
      await createSchool(
        ministry,
        { name: "Bedok Green Primary School", contactEmail: "x@y.example" },
        CLIENT,
      ),
    ).toEqual({
      status: "taken",
    });

    const made = await createSchoolAdmin(
      ministry,
      { schoolId: added.value.id, loginId: "Bedok_Admin", fullName: "Bedok ICT Lead" },
      CLIENT,
    );
    if (made.status !== "created") throw new Error("admin not created");
    expect(made.value).toMatchObject({ loginId: "bedok_admin", schoolName: "Bedok Green Primary School" });
    const first = await signIn({ loginId: "bedok_admin", password: made.value.temporaryPassword });
    expect(first).toMatchObject({
      role: "admin",
      ministry: false,
      mustChangePassword: true,
      schoolId: added.value.id,
    });
    expect(
      await createSchoolAdmin(
        ministry,
        { schoolId: added.value.id, loginId: SITI.loginId, fullName: "Someone" },
        CLIENT,
      ),
    ).toEqual({ status: "taken" });

    // Clementi's administrator is given Bedok Green too.
    expect(
      await grantSchool(ministry, { adminLoginId: CLEMENTI_ADMIN.loginId, schoolId: added.value.id }, CLIENT),
    ).toMatchObject({
      status: "granted",
    });
    expect(
      await grantSchool(ministry, { adminLoginId: SITI.loginId, schoolId: added.value.id }, CLIENT),
    ).toEqual({
      status: "unknownAdmin",
    });
    const listed = await listSchoolsWithAdmins(ministry);
    expect(listed.map((school) => [school.name, school.students])).toEqual([
      ["Bedok Green Primary School", 0],
      ["Clementi Primary School", 5],
      ["Jurong West Primary School", 2],
      ["Tampines Garden Primary School", 7],
    ]);
    expect(listed.find((s) => s.name === "Bedok Green Primary School")?.admins).toEqual([
      "bedok_admin",
      "clementi_admin",
    ]);
  });

  it("refuses every ministry function to a school administrator and a student", async () => {
    const school = await signIn(CLEMENTI_ADMIN);
    const student = await signIn(LIM);
    const before = await snapshot();
    for (const actor of [school, student]) {
      await expect(
        createSchool(actor, { name: "Fake School", contactEmail: "a@b.example" }, CLIENT),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        createSchoolAdmin(actor, { schoolId: 1, loginId: "sneaky", fullName: "Sneaky" }, CLIENT),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        grantSchool(actor, { adminLoginId: CLEMENTI_ADMIN.loginId, schoolId: 2 }, CLIENT),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listSchoolsWithAdmins(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("scopes an administrator with two schools to the one chosen, never a third", async () => {
    const ministry = await makeMinistryAdmin();
    const clementi = await signIn(CLEMENTI_ADMIN);
    const jurong = await signIn(JURONG_ADMIN);
    const added = await createSchool(
      ministry,
      { name: "Tampines North Primary School", contactEmail: "tn@school.example" },
      CLIENT,
    );
    if (added.status !== "created") throw new Error("not created");
    await createStudent("tn_pupil", { fullName: "Tampines Pupil", school: "Tampines North Primary School" });
    await grantSchool(ministry, { adminLoginId: CLEMENTI_ADMIN.loginId, schoolId: added.value.id }, CLIENT);

    // Bedok Green was given in the first story of this file.
    expect((await schoolsForAdmin(clementi)).map((s) => s.name)).toEqual([
      "Bedok Green Primary School",
      "Clementi Primary School",
      "Tampines North Primary School",
    ]);
    const inTampines = { ...clementi, schoolId: added.value.id };
    expect((await assertActor(inTampines, "admin")).schoolName).toBe("Tampines North Primary School");
    expect((await findStudents(inTampines, all)).rows.map((r) => r.loginId)).toEqual(["tn_pupil"]);
    await unlockAccount(inTampines, await userIdOf("tn_pupil"), CLIENT);
    // Acting on Tampines, Clementi's students are out of reach, and so is Jurong West.
    await expect(unlockAccount(inTampines, await userIdOf(SITI.loginId), CLIENT)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const inJurong = { ...clementi, schoolId: jurong.schoolId };
    await expect(assertActor(inJurong, "admin")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findStudents(inJurong, all)).rejects.toBeInstanceOf(ForbiddenError);
    const lim = await userIdOf(LIM.loginId);
    await expect(resetStudentPassword(inJurong, resetForm(inJurong, lim), CLIENT)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await authenticate(LIM.loginId, LIM.password, IP)).not.toBeNull();
    // The audit log of the school chosen holds the unlock; a student cannot claim a school.
    expect((await searchAuditLog(inTampines, NO_FILTER, 1)).lines[0]).toMatchObject({
      action: "account_unlocked",
    });
    const student = await signIn(LIM);
    expect((await assertActor({ ...student, schoolId: 1 })).schoolId).toBe(student.schoolId);
  });

  it("lets a ministry administrator act on any school", async () => {
    const ministry = await makeMinistryAdmin();
    const jurong = await signIn(JURONG_ADMIN);
    expect((await schoolsForAdmin(ministry)).length).toBeGreaterThanOrEqual(2);
    const inJurong = { ...ministry, schoolId: jurong.schoolId };
    expect((await findStudents(inJurong, all)).rows.map((r) => r.loginId)).toEqual([LIM.loginId, "ryan_koh"]);
  });

  it("disables a school administrator who has left: signed out, schools taken away; enables again", async () => {
    const ministry = await makeMinistryAdmin();
    const jurong = await signIn(JURONG_ADMIN);
    const added = await createSchool(
      ministry,
      { name: "Yishun Park Primary School", contactEmail: "yp@school.example" },
      CLIENT,
    );
    if (added.status !== "created") throw new Error("not created");
    await grantSchool(ministry, { adminLoginId: JURONG_ADMIN.loginId, schoolId: added.value.id }, CLIENT);
    expect(
      await setSchoolAdminAccess(ministry, { adminLoginId: JURONG_ADMIN.loginId, enabled: false }, CLIENT),
    ).toEqual({
      status: "done",
      fullName: "Jurong West MIMS Administrator",
    });
    await expect(assertActor(jurong, "admin")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await authenticate(JURONG_ADMIN.loginId, JURONG_ADMIN.password, IP)).toBeNull();
    expect(
      await setSchoolAdminAccess(ministry, { adminLoginId: JURONG_ADMIN.loginId, enabled: true }, CLIENT),
    ).toMatchObject({
      status: "done",
    });
    const back = await signIn(JURONG_ADMIN);
    expect((await schoolsForAdmin(back)).map((s) => s.name)).toEqual(["Jurong West Primary School"]);
    // Not a ministry administrator, not a student, and nothing for a school administrator to call.
    for (const loginId of [MINISTRY.loginId, LIM.loginId]) {
      expect(await setSchoolAdminAccess(ministry, { adminLoginId: loginId, enabled: false }, CLIENT)).toEqual(
        {
          status: "unknownAdmin",
        },
      );
    }
    await expect(
      setSchoolAdminAccess(back, { adminLoginId: CLEMENTI_ADMIN.loginId, enabled: false }, CLIENT),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
