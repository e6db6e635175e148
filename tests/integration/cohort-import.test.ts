// Story: the school imports a year's cohort from its spreadsheet. A file with bad rows is only a
// preview that lists every one (nothing is applied); the fixed file, once confirmed, creates every
// student at once, each with a temporary password on a login slip that is handed out once.
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, importBatches, slipSets, users } from "@/db/schema";
import { exportAuditLog, NO_FILTER } from "@/lib/data/audit-read";
import { getDb } from "@/lib/data/db";
import { confirmCohortImport, importPreview, previewCohortImport } from "@/lib/data/import";
import { authenticate } from "@/lib/data/sign-in";
import { collectSlips, slipJobSettled, slipProgress, type Slip } from "@/lib/data/slips";
import { loadSessionUser } from "@/lib/data/users";
import { cohort, cohortCsv, SPOILERS, type CohortStudent } from "@/tests/fixtures/cohort";
import { CLEMENTI_ADMIN, signIn, CLIENT, IP } from "./helpers";

async function studentCount(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users);
  return row!.n;
}

async function preview(csv: string, name = "cohort.csv") {
  const admin = await signIn(CLEMENTI_ADMIN);
  const content = new TextEncoder().encode(csv);
  const result = await previewCohortImport(admin, { schoolId: admin.schoolId, name, content });
  if (result.status !== "preview") throw new Error(`file refused: ${result.error}`);
  return { admin, batchId: result.batchId, preview: await importPreview(admin, result.batchId) };
}

/** Confirms, waits for the background job, and takes the slips. */
async function applyAndCollect(csv: string): Promise<Slip[]> {
  const { admin, batchId, preview: checked } = await preview(csv);
  expect(checked.problems).toEqual([]);
  const started = await confirmCohortImport(admin, { schoolId: admin.schoolId, batchId }, CLIENT);
  if (started.status !== "started") throw new Error("not started");
  await slipJobSettled(started.slipSetId);
  expect(await slipProgress(admin, started.slipSetId)).toMatchObject({ status: "ready" });
  const collected = await collectSlips(admin, started.slipSetId, CLIENT);
  if (collected.status !== "slips") throw new Error(`slips ${collected.progress.status}`);
  return collected.slips;
}

// Hashing 3,000 temporary passwords at full cost takes about 30 s of both cores: the whole file is
// applied on PGlite (the project that always runs); on PostgreSQL, 600 rows cross the same
// 500-row insert chunks. Both check the 3,000-row file with its 20 bad rows.
const APPLIED_ROWS = process.env.TEST_ENGINE === "postgres" ? 600 : 3000;

describe("importing a cohort of 3,000 students", () => {
  const students = cohort("y26s", 3000);
  const badLines = Array.from({ length: 20 }, (_, i) => 3 + i * 149); // spread through the file

  it("reports every one of 20 bad rows with its row number and applies nothing", async () => {
    const spoiled = students.map((student, i) => {
      const at = badLines.indexOf(i + 2);
      return at < 0 ? student : SPOILERS[at]!(student, students[0]!);
    });
    const before = await studentCount();
    const { admin, batchId, preview: checked } = await preview(cohortCsv(spoiled));

    expect(checked.problems.map((p) => p.line)).toEqual(badLines);
    expect(checked.problems.every((p) => p.reasons.length > 0)).toBe(true);
    expect(checked).toMatchObject({ status: "preview", totalRows: 3000, validRows: 2980 });
    // Taken in this school: "already in use"; in another school: only that the row cannot be used.
    const reasonsAt = (line: number) => checked.problems.find((p) => p.line === line)?.reasons;
    expect(reasonsAt(badLines[2]!)).toEqual(["loginIdTaken"]);
    expect(reasonsAt(badLines[3]!)).toEqual(["usedElsewhere"]);
    expect(reasonsAt(badLines[8]!)).toEqual(["studentEmailTaken"]);
    expect(reasonsAt(badLines[18]!)).toEqual(["loginIdTaken"]); // this school's administrator
    expect(reasonsAt(badLines[19]!)).toEqual(["loginIdRepeated"]);

    // All or nothing: with a bad row, confirming does nothing at all.
    expect(await confirmCohortImport(admin, { schoolId: admin.schoolId, batchId }, CLIENT)).toEqual({
      status: "gone",
    });
    expect(await studentCount()).toBe(before);
    const db = await getDb();
    const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, batchId));
    expect(batch).toMatchObject({ status: "preview", rows: null, slipSetId: null });
  });

  it("applies the fixed file: every student, each signing in with the slip's password once", async () => {
    const started = performance.now();
    const fixed = students.slice(0, APPLIED_ROWS);
    const slips = await applyAndCollect(cohortCsv(fixed));
    console.info(`${APPLIED_ROWS}-row import applied in ${Math.round(performance.now() - started)} ms`);

    expect(slips).toHaveLength(APPLIED_ROWS);
    expect(new Set(slips.map((slip) => slip.loginId))).toEqual(new Set(fixed.map((s) => s.loginId)));
    const db = await getDb();
    const created = await db
      .select({ n: count() })
      .from(users)
      .where(
        and(
          inArray(
            users.loginId,
            fixed.map((s) => s.loginId),
          ),
          eq(users.mustChangePassword, true),
        ),
      );
    expect(created[0]!.n).toBe(APPLIED_ROWS);
    const audited = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, "student_imported"));
    expect(audited[0]!.n).toBe(APPLIED_ROWS);

    // A sample signs in with the slip's password, and must change it first.
    const last = APPLIED_ROWS - 1;
    for (const slip of [slips[0]!, slips[1]!, slips[499]!, slips[500]!, slips[last]!]) {
      const signed = await authenticate(slip.loginId, slip.temporaryPassword, IP);
      expect(signed, slip.loginId).not.toBeNull();
      expect(await loadSessionUser(signed!.id, signed!.sessionVersion)).toMatchObject({
        mustChangePassword: true,
        role: "student",
      });
    }
    // The student e-mail is a Login ID as well.
    const byEmail = await authenticate(students[5]!.email.toUpperCase(), slips[5]!.temporaryPassword, IP);
    expect(byEmail).not.toBeNull();
    // No temporary password is stored anywhere in clear: the slip set is emptied.
    const sets = await db.select().from(slipSets);
    expect(JSON.stringify(sets)).not.toContain(slips[0]!.temporaryPassword);
  }, 240_000);
});

describe("confirming and collecting", () => {
  const small = (prefix: string) => cohort(prefix, 3);

  it("starts one import for two clicks, and hands the slips out once", async () => {
    const { admin, batchId } = await preview(cohortCsv(small("twice")));
    const confirm = { schoolId: admin.schoolId, batchId };
    const [first, second] = await Promise.all([
      confirmCohortImport(admin, confirm, CLIENT),
      confirmCohortImport(admin, confirm, CLIENT),
    ]);
    expect(first.status).toBe("started");
    expect(second).toEqual(first);
    const slipSetId = (first as { slipSetId: string }).slipSetId;
    await slipJobSettled(slipSetId);
    const db = await getDb();
    const made = await db.select({ n: count() }).from(users).where(eq(users.className, "P1 TWICE-1"));
    expect(made[0]!.n).toBe(3);

    const [one, two] = await Promise.all([
      collectSlips(admin, slipSetId, CLIENT),
      collectSlips(admin, slipSetId, CLIENT),
    ]);
    expect([one.status, two.status].sort()).toEqual(["notReady", "slips"]);
    const again = await collectSlips(admin, slipSetId, CLIENT);
    expect(again).toMatchObject({ status: "notReady", progress: { status: "collected" } });
    expect(again.progress.collectedAt).toBeInstanceOf(Date);
    const [set] = await db.select().from(slipSets).where(eq(slipSets.publicId, slipSetId));
    expect(set!.payload).toBeNull();
    expect(await importPreview(admin, batchId)).toMatchObject({ status: "applied", slipSetId });
  });

  it("applies nothing and says failed when a Login ID is taken between preview and confirm", async () => {
    const students = small("race");
    const { admin, batchId } = await preview(cohortCsv(students));
    const db = await getDb();
    const [school] = await db.select({ id: users.schoolId }).from(users).where(eq(users.id, admin.id));
    await db.insert(users).values({
      schoolId: school!.id,
      role: "student",
      loginId: students[2]!.loginId,
      fullName: "Someone Faster",
      passwordHash: "x",
    });
    const started = await confirmCohortImport(admin, { schoolId: admin.schoolId, batchId }, CLIENT);
    const slipSetId = (started as { slipSetId: string }).slipSetId;
    await slipJobSettled(slipSetId);
    expect(await slipProgress(admin, slipSetId)).toMatchObject({ status: "failed" });
    expect(await importPreview(admin, batchId)).toMatchObject({ status: "failed" });
    const made = await db.select({ n: count() }).from(users).where(eq(users.className, "P1 RACE-1"));
    expect(made[0]!.n).toBe(0);
  });

  it("says a job cut short by a restart failed, instead of working for ever", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const db = await getDb();
    const [set] = await db
      .insert(slipSets)
      .values({
        schoolId: admin.schoolId,
        createdBy: admin.id,
        kind: "import",
        scope: "x.csv",
        total: 10,
        done: 4,
      })
      .returning({ id: slipSets.id, publicId: slipSets.publicId });
    expect(await slipProgress(admin, set!.publicId)).toMatchObject({ status: "working" });
    await db
      .update(slipSets)
      .set({ createdAt: new Date(Date.now() - 3_600_000) })
      .where(eq(slipSets.id, set!.id));
    expect(await slipProgress(admin, set!.publicId)).toMatchObject({ status: "failed" });
  });

  it("refuses files that are not a cohort, without storing anything", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const db = await getDb();
    const [before] = await db.select({ n: count() }).from(importBatches);
    for (const [content, error] of [
      ["", "empty"],
      ["name,class\nAb,P1\n", "headers"],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x41]), "notUtf8"],
    ] as const) {
      expect(await previewCohortImport(admin, { schoolId: admin.schoolId, name: "x.csv", content })).toEqual({
        status: "refused",
        error,
      });
    }
    const [after] = await db.select({ n: count() }).from(importBatches);
    expect(after!.n).toBe(before!.n);
  });
});

describe("hostile cells", () => {
  it("lists formulas, markup, NUL and a 1 MB cell as problems and stores none of them", async () => {
    const base: CohortStudent = cohort("host", 1)[0]!;
    const rows = [
      { ...base, fullName: '"=HYPERLINK(""http://evil.example"",""x"")"' },
      { ...base, loginId: "host0002", fullName: "<script>alert(1)</script>" },
      { ...base, loginId: "host0003", className: "Bad\u0000Class" },
      { ...base, loginId: "host0004", fullName: "N".repeat(1024 * 1024) },
    ];
    const { preview: checked, batchId } = await preview(cohortCsv(rows));
    expect(checked.problems).toEqual([
      { line: 2, reasons: ["formula"] },
      { line: 3, reasons: ["markup"] },
      { line: 4, reasons: ["controlCharacters"] },
      { line: 5, reasons: ["fullNameTooLong"] },
    ]);
    const db = await getDb();
    const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, batchId));
    expect(batch!.rows).toBeNull();
    expect(JSON.stringify(batch)).not.toContain("<script>");
  });

  it("keeps the audit export safe for a spreadsheet whatever the names imported", async () => {
    // Names that pass the import's rules but start with a quote or contain commas and quotes.
    const students = cohort("safe", 1).map((s) => ({ ...s, fullName: `"Tan, ""Ah"" Kow"` }));
    await applyAndCollect(cohortCsv(students));
    const admin = await signIn(CLEMENTI_ADMIN);
    const csv = await exportAuditLog(admin, NO_FILTER, ["at", "action", "id", "name", "by", "from"]);
    const line = csv.split("\r\n").find((l) => l.includes("safe0001"));
    expect(line).toContain('"Tan, ""Ah"" Kow"');
    for (const cell of csv.split("\r\n").flatMap((l) => l.split('","'))) {
      expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
    }
  });
});
