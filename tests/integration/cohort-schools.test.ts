// Story: an administrator of two schools (here the ministry's, who acts on any) works on one school
// in one tab and switches to the other in another. The yearly reset and the import act on the
// school their form was made for, never on whichever school was chosen since; the form's school
// that is not the one acted on now is refused with nothing done. And an import's preview tells a
// school which of its rows clash with its own students, but nothing about other schools' accounts.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { importBatches, schools, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { confirmCohortImport, importPreview, previewCohortImport } from "@/lib/data/import";
import { authenticate } from "@/lib/data/sign-in";
import { slipJobSettled } from "@/lib/data/slips";
import type { SessionUser } from "@/lib/data/users";
import { startYearlyReset } from "@/lib/data/yearly-reset";
import { parseFormSchool } from "@/lib/forms";
import { en } from "@/lib/messages/en";
import { cohort, cohortCsv } from "@/tests/fixtures/cohort";
import { ALEX, CLEMENTI_ADMIN, JURONG_ADMIN, LIM, signIn, SITI, CLIENT, IP } from "./helpers";
import { snapshot } from "./row-snapshot";

const MINISTRY = { loginId: "moe_admin", password: "Ministry-Desk-2026" };

let clementi: number;
let jurong: number;

beforeAll(async () => {
  const db = await getDb();
  const rows = await db.select({ id: schools.id, name: schools.name }).from(schools);
  clementi = rows.find((s) => s.name === "Clementi Primary School")!.id;
  jurong = rows.find((s) => s.name === "Jurong West Primary School")!.id;
});

function formWith(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe("the school a form was made for", () => {
  it("is refused by the action when the administrator now acts on another school, or when missing", () => {
    const refused = { ok: false, state: { status: "error", message: en.cohort.schoolChanged } };
    expect(parseFormSchool(formWith({ schoolId: String(jurong) }), clementi)).toEqual(refused);
    for (const value of ["", "0", "-1", "1.5", "2147483648", `${clementi} `, "x"]) {
      expect(parseFormSchool(formWith({ schoolId: value }), clementi), value).toEqual(refused);
    }
    expect(parseFormSchool(formWith({ scope: "school" }), clementi)).toEqual(refused);
    expect(parseFormSchool(formWith({ schoolId: String(clementi) }), clementi)).toEqual({
      ok: true,
      data: clementi,
    });
    expect(en.cohort.schoolChanged).toMatch(/Nothing was done/);
    expect(en.cohort.schoolChanged).toMatch(/Reload the page/);
  });

  it("is the only school the yearly reset acts on, whichever school the administrator last chose", async () => {
    const ministry = await signIn(MINISTRY);
    // The ministry's session acts on Clementi now (its home), but the form was for Jurong West.
    expect(ministry.schoolId).toBe(clementi);
    const before = await snapshot(["users"]);
    // Jurong West has no class of Clementi's: nothing is reset in either school.
    const courage = { schoolId: jurong, className: "P4 Courage" };
    expect(await startYearlyReset(ministry, courage, CLIENT)).toEqual({ status: "noStudents" });
    expect(await snapshot(["users"])).toEqual(before);

    const started = await startYearlyReset(ministry, { schoolId: jurong, className: "P3 Respect" }, CLIENT);
    if (started.status !== "started") throw new Error("nobody reset");
    await slipJobSettled(started.slipSetId);
    // Lim (Jurong West) was reset; Clementi's students were not.
    expect(await authenticate(LIM.loginId, LIM.password, IP)).toBeNull();
    expect(await authenticate(ALEX.loginId, ALEX.password, IP)).not.toBeNull();
    expect(await authenticate(SITI.loginId, SITI.password, IP)).not.toBeNull();
  });

  it("is the school of the import's preview and of its confirmation", async () => {
    const ministry = await signIn(MINISTRY);
    const content = cohortCsv(cohort("twosch", 2));
    const previewed = await previewCohortImport(ministry, { schoolId: jurong, name: "j.csv", content });
    if (previewed.status !== "preview") throw new Error("refused");
    const db = await getDb();
    const [batch] = await db
      .select({ schoolId: importBatches.schoolId })
      .from(importBatches)
      .where(eq(importBatches.id, previewed.batchId));
    expect(batch!.schoolId).toBe(jurong);
    // Confirmed as Clementi's (a form of the other tab): not found there, nothing applied.
    const asClementi = { schoolId: clementi, batchId: previewed.batchId };
    await expect(confirmCohortImport(ministry, asClementi, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
    const asJurong = { ...ministry, schoolId: jurong };
    expect(await importPreview(asJurong, previewed.batchId)).toMatchObject({ status: "preview" });
    const started = await confirmCohortImport(
      ministry,
      { schoolId: jurong, batchId: previewed.batchId },
      CLIENT,
    );
    if (started.status !== "started") throw new Error("not started");
    await slipJobSettled(started.slipSetId);
    const made = await db
      .select({ schoolId: users.schoolId })
      .from(users)
      .where(eq(users.loginId, "twosch0001"));
    expect(made).toEqual([{ schoolId: jurong }]);
  });

  it("cannot be a school the administrator was not given", async () => {
    const school = await signIn(CLEMENTI_ADMIN);
    const before = await snapshot();
    const file = { schoolId: jurong, name: "x.csv", content: cohortCsv(cohort("notmine", 1)) };
    await expect(previewCohortImport(school, file)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      startYearlyReset(school, { schoolId: jurong, className: null }, CLIENT),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("an import's preview", () => {
  async function reasonsFor(admin: SessionUser, rows: { loginId: string; email?: string }[]) {
    const students = cohort("pv", rows.length).map((s, i) => ({
      ...s,
      loginId: rows[i]!.loginId,
      email: rows[i]!.email ?? s.email,
    }));
    const file = { schoolId: admin.schoolId, name: "p.csv", content: cohortCsv(students) };
    const previewed = await previewCohortImport(admin, file);
    if (previewed.status !== "preview") throw new Error("refused");
    const { problems } = await importPreview(admin, previewed.batchId);
    return problems.map((problem) => problem.reasons.map((reason) => en.cohort.reasons[reason]));
  }

  it("asks Clementi to see the ministry about another school's Login ID or e-mail, not that it is in use", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const db = await getDb();
    await db
      .update(users)
      .set({ email: "lim_wei_jie@students.jurongwest-ps.example" })
      .where(eq(users.loginId, LIM.loginId));
    const shown = await reasonsFor(admin, [
      { loginId: LIM.loginId }, // Jurong West's student
      { loginId: "jurongwest_admin" }, // Jurong West's administrator
      { loginId: "pv_new_1", email: "lim_wei_jie@students.jurongwest-ps.example" }, // Jurong West's e-mail
      { loginId: ALEX.loginId }, // Clementi's own student
      { loginId: "pv_new_2", email: SITI.email }, // Clementi's own student's e-mail
    ]);
    const askTheMinistry = "This row cannot be used. Ask the ministry.";
    expect(shown).toEqual([
      [askTheMinistry],
      [askTheMinistry],
      [askTheMinistry],
      ["This Login ID is already in use."],
      ["This student e-mail is already in use."],
    ]);
    for (const reasons of shown.slice(0, 3)) expect(reasons.join(" ")).not.toMatch(/in use/);
  });

  it("tells Jurong West the same about Clementi's Login IDs", async () => {
    const admin = await signIn(JURONG_ADMIN);
    expect(await reasonsFor(admin, [{ loginId: SITI.loginId }, { loginId: LIM.loginId }])).toEqual([
      ["This row cannot be used. Ask the ministry."],
      ["This Login ID is already in use."],
    ]);
  });
});
