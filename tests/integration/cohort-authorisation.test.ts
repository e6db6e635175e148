// Story: only a school's own administrators import its students, reset its passwords and collect
// its login slips. A student, another school's administrator, an ended session and nobody at all
// are refused by every data function, for real ids and made-up ones, and nothing changes.
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { importBatches, slipSets } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { confirmCohortImport, importPreview, previewCohortImport } from "@/lib/data/import";
import { collectSlips, slipJobSettled, slipProgress } from "@/lib/data/slips";
import type { SessionUser } from "@/lib/data/users";
import { schoolClasses, startYearlyReset } from "@/lib/data/yearly-reset";
import { cohort, cohortCsv } from "@/tests/fixtures/cohort";
import { ALEX, CLEMENTI_ADMIN, JURONG_ADMIN, signIn, CLIENT } from "./helpers";
import { snapshot } from "./row-snapshot";

type Actor = Pick<SessionUser, "id" | "sessionVersion"> | null;

let batchId: number; // a Clementi preview, not confirmed
let slipSetId: string; // Clementi slips, ready (their public id)
let outsiders: [string, Actor][];
let clementi: number; // the school's id

beforeAll(async () => {
  const admin = await signIn(CLEMENTI_ADMIN);
  clementi = admin.schoolId;
  const csv = new TextEncoder().encode(cohortCsv(cohort("auth", 2)));
  const previewed = await previewCohortImport(admin, { schoolId: clementi, name: "a.csv", content: csv });
  batchId = (previewed as { batchId: number }).batchId;
  const other = await previewCohortImport(admin, {
    schoolId: clementi,
    name: "b.csv",
    content: new TextEncoder().encode(cohortCsv(cohort("slip", 2))),
  });
  const confirm = { schoolId: clementi, batchId: (other as { batchId: number }).batchId };
  const started = await confirmCohortImport(admin, confirm, CLIENT);
  slipSetId = (started as { slipSetId: string }).slipSetId;
  await slipJobSettled(slipSetId);

  const jurong = await signIn(JURONG_ADMIN);
  const student = await signIn(ALEX);
  outsiders = [
    ["a student", student],
    ["another school's administrator", jurong],
    ["an ended session", { ...admin, sessionVersion: admin.sessionVersion + 1 }],
    ["nobody", null],
  ];
});

async function expectRefused(name: string, act: () => Promise<unknown>) {
  await expect(act(), name).rejects.toBeInstanceOf(ForbiddenError);
}

describe("who may import, reset and collect", () => {
  it("refuses everyone but the school's own administrators, and changes nothing", async () => {
    const before = await snapshot();
    const db = await getDb();
    const [batchesBefore] = await db.select({ n: count() }).from(importBatches);
    const file = { schoolId: clementi, name: "x.csv", content: cohortCsv(cohort("evil", 1)) };
    for (const [who, actor] of outsiders) {
      const as = actor as SessionUser; // the functions accept null too: it is what is tested
      await expectRefused(`${who}: read preview`, () => importPreview(as, batchId));
      await expectRefused(`${who}: confirm`, () =>
        confirmCohortImport(as, { schoolId: clementi, batchId }, CLIENT),
      );
      await expectRefused(`${who}: progress`, () => slipProgress(as, slipSetId));
      await expectRefused(`${who}: collect`, () => collectSlips(as, slipSetId, CLIENT));
      // Naming Clementi does not make Clementi theirs.
      await expectRefused(`${who}: preview`, () => previewCohortImport(as, file));
      await expectRefused(`${who}: reset`, () =>
        startYearlyReset(as, { schoolId: clementi, className: null }, CLIENT),
      );
      // Another school's administrator may import and reset, but only in their own school (below).
      if (who === "another school's administrator") continue;
      await expectRefused(`${who}: classes`, () => schoolClasses(as));
    }
    expect(await snapshot()).toEqual(before);
    const [batchesAfter] = await db.select({ n: count() }).from(importBatches);
    expect(batchesAfter!.n).toBe(batchesBefore!.n);
    const [set] = await db
      .select({ status: slipSets.status })
      .from(slipSets)
      .where(eq(slipSets.publicId, slipSetId));
    expect(set!.status).toBe("ready");
    const [batch] = await db
      .select({ status: importBatches.status })
      .from(importBatches)
      .where(eq(importBatches.id, batchId));
    expect(batch!.status).toBe("preview");
  });

  it("keeps another school's administrator to their own school", async () => {
    const jurong = await signIn(JURONG_ADMIN);
    const before = await snapshot();
    expect((await schoolClasses(jurong)).map((c) => c.className)).toEqual(["P3 Respect"]);
    const own = { schoolId: jurong.schoolId, className: "P4 Courage" }; // a Clementi class
    expect(await startYearlyReset(jurong, own, CLIENT)).toEqual({ status: "noStudents" });
    expect(await snapshot()).toEqual(before);
    // Their preview says only that a Clementi Login ID's row cannot be used: not that it is in use.
    const file = {
      schoolId: jurong.schoolId,
      name: "x.csv",
      content: cohortCsv([{ ...cohort("jw", 1)[0]!, loginId: "alex_tan" }]),
    };
    const previewed = await previewCohortImport(jurong, file);
    const mine = await importPreview(jurong, (previewed as { batchId: number }).batchId);
    expect(mine.problems).toEqual([{ line: 2, reasons: ["usedElsewhere"] }]);
    await expectRefused("Clementi reads Jurong's preview", async () =>
      importPreview(await signIn(CLEMENTI_ADMIN), mine.id),
    );
  });

  it("treats made-up ids like another school's", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    for (const id of [0, -1, 1.5, Number.NaN, 2 ** 31, 999_999]) {
      await expectRefused(`preview ${id}`, () => importPreview(admin, id));
      await expectRefused(`confirm ${id}`, () =>
        confirmCohortImport(admin, { schoolId: admin.schoolId, batchId: id }, CLIENT),
      );
    }
    const db = await getDb();
    const [set] = await db.select({ id: slipSets.id }).from(slipSets).where(eq(slipSets.publicId, slipSetId));
    // A slip set answers to its random public id only: not to its row's serial id, nor to a
    // made-up or malformed one.
    for (const id of [String(set!.id), "1", randomUUID(), slipSetId.toUpperCase(), `${slipSetId}x`, ""]) {
      await expectRefused(`progress ${id}`, () => slipProgress(admin, id));
      await expectRefused(`collect ${id}`, () => collectSlips(admin, id, CLIENT));
    }
  });

  it("lets the school's administrator do each of them", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    expect(await importPreview(admin, batchId)).toMatchObject({ status: "preview", validRows: 2 });
    expect(await slipProgress(admin, slipSetId)).toMatchObject({ status: "ready", total: 2 });
    expect(await collectSlips(admin, slipSetId, CLIENT)).toMatchObject({ status: "slips" });
  });
});
