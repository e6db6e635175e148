import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { importBatches, slipSets, users } from "@/db/schema";
import {
  parseCohortCsv,
  withTaken,
  type CohortRow,
  type FileError,
  type RowProblem,
  type Taken,
} from "@/lib/school/cohort-csv";
import { isRowId } from "@/lib/forms/row-id";
import { isStudentLanguage } from "@/lib/school/student-language";
import type { ClientInput } from "@/lib/http/request";
import { assertActor, assertAdminOnSchool, type Actor } from "./actor";
import { recordAuditRows } from "./audit-write";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import { createSlipSet, makeTemporaryPasswords, markSlipsReady, runInBackground } from "./slips";
import type { SessionUser } from "./users";

// A cohort import: the file is checked into a preview (nothing applied), and only a confirmed
// preview without a single bad row is applied: every student in one transaction, or none.
// An import only creates accounts (a Login ID already in use is a bad row), so it never changes a
// student's language: a file without the language column, or an empty cell, leaves it not set.

/** Login IDs and e-mails (either can be typed as the Login ID) that accounts already have: of
 *  this school's accounts, and of other schools' (which this school must not learn). */
async function takenAmong(values: string[], schoolId: number): Promise<Taken> {
  const db = await getDb();
  const taken = { ownSchool: new Set<string>(), otherSchools: new Set<string>() };
  for (let i = 0; i < values.length; i += 1000) {
    const chunk = values.slice(i, i + 1000);
    const rows = await db
      .select({ loginId: users.loginId, email: users.email, schoolId: users.schoolId })
      .from(users)
      .where(or(inArray(users.loginId, chunk), inArray(users.email, chunk)));
    for (const row of rows) {
      const set = row.schoolId === schoolId ? taken.ownSchool : taken.otherSchools;
      set.add(row.loginId);
      if (row.email) set.add(row.email.toLowerCase());
    }
  }
  return taken;
}

export type PreviewResult = { status: "preview"; batchId: number } | { status: "refused"; error: FileError };

/** Checks the file for the school named and keeps the preview: the problems, and the rows only
 *  when all are valid. */
export async function previewCohortImport(
  actor: Actor,
  file: { schoolId: number; name: string; content: Uint8Array | string },
): Promise<PreviewResult> {
  const admin = await assertAdminOnSchool(actor, file.schoolId);
  const parsed = parseCohortCsv(file.content);
  if (!parsed.ok) return { status: "refused", error: parsed.error };
  const candidates = parsed.rows.flatMap((row) => (row.email ? [row.loginId, row.email] : [row.loginId]));
  const checked = withTaken(parsed, await takenAmong(candidates, admin.schoolId));
  const db = await getDb();
  const [batch] = await db
    .insert(importBatches)
    .values({
      schoolId: admin.schoolId,
      createdBy: admin.id,
      // Shown back as text only; control characters and length are the browser's business.
      fileName: file.name.replace(/\p{Cc}/gu, "").slice(0, 200) || "cohort.csv",
      totalRows: checked.totalRows,
      rows: checked.problems.length === 0 ? checked.rows.map(storedRow) : null,
      problems: checked.problems,
    })
    .returning({ id: importBatches.id });
  return { status: "preview", batchId: batch!.id };
}

const storedRow = (row: CohortRow): Record<string, string> => ({
  line: String(row.line),
  loginId: row.loginId,
  fullName: row.fullName,
  className: row.className,
  email: row.email ?? "",
  guardianEmail: row.guardianEmail ?? "",
  language: row.language ?? "",
});

export type ImportPreview = {
  id: number;
  fileName: string;
  status: "preview" | "applying" | "applied" | "failed" | "abandoned";
  totalRows: number;
  validRows: number;
  problems: RowProblem[];
  /** The public id of its login slips (lib/data/slips.ts), once confirmed. */
  slipSetId: string | null;
};

/** A preview of the administrator's own school; ForbiddenError for any other id. */
export async function importPreview(actor: Actor, batchId: number): Promise<ImportPreview> {
  const admin = await assertActor(actor, "admin");
  if (!isRowId(batchId)) throw new ForbiddenError();
  const db = await getDb();
  const [row] = await db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      status: importBatches.status,
      totalRows: importBatches.totalRows,
      problems: importBatches.problems,
      slipSetId: slipSets.publicId,
    })
    .from(importBatches)
    .leftJoin(slipSets, eq(slipSets.id, importBatches.slipSetId))
    .where(and(eq(importBatches.id, batchId), eq(importBatches.schoolId, admin.schoolId)));
  if (!row) throw new ForbiddenError();
  const problems = row.problems as RowProblem[];
  return { ...row, problems, validRows: row.totalRows - problems.length };
}

/** `slipSetId`: the slip set's public id, for its pages' addresses. */
export type ConfirmResult = { status: "started"; slipSetId: string } | { status: "gone" };

/** Claims the preview of the school named (once: two clicks or two tabs start one import) and
 *  applies it in the background; the slip set's progress is what the page shows. */
export async function confirmCohortImport(
  actor: Actor,
  confirm: { schoolId: number; batchId: number },
  client: ClientInput,
): Promise<ConfirmResult> {
  const admin = await assertAdminOnSchool(actor, confirm.schoolId);
  const { batchId } = confirm;
  const preview = await importPreview(admin, batchId);
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const [batch] = await tx
      .update(importBatches)
      .set({ status: "applying" })
      .where(
        and(
          eq(importBatches.id, preview.id),
          eq(importBatches.schoolId, admin.schoolId),
          eq(importBatches.status, "preview"),
          sql`jsonb_array_length(${importBatches.problems}) = 0`,
          sql`${importBatches.rows} is not null`,
        ),
      )
      .returning({ rows: importBatches.rows, fileName: importBatches.fileName });
    if (!batch?.rows) return null;
    const slipSet = await createSlipSet(tx, {
      schoolId: admin.schoolId,
      createdBy: admin.id,
      kind: "import",
      scope: batch.fileName,
      total: batch.rows.length,
    });
    await tx.update(importBatches).set({ slipSetId: slipSet.id }).where(eq(importBatches.id, preview.id));
    return { slipSet, rows: batch.rows };
  });
  if (!claimed) {
    // The other click's import: the same progress page.
    const again = await importPreview(admin, batchId);
    return again.slipSetId ? { status: "started", slipSetId: again.slipSetId } : { status: "gone" };
  }
  const { slipSet, rows } = claimed;
  runInBackground(slipSet, () =>
    applyImport({
      admin,
      batchId: preview.id,
      slipSetId: slipSet.id,
      rows,
      clientAddress: client?.address ?? null,
    }),
  );
  return { status: "started", slipSetId: slipSet.publicId };
}

async function applyImport(job: {
  admin: SessionUser;
  batchId: number;
  slipSetId: number;
  rows: Record<string, string>[];
  clientAddress: string | null;
}): Promise<void> {
  const { admin, slipSetId } = job;
  const owners = job.rows.map((row) => ({
    loginId: row.loginId!,
    fullName: row.fullName!,
    className: row.className!,
    email: row.email || null,
    guardianEmail: row.guardianEmail || null,
    // A preview kept from before the column existed has none.
    language: isStudentLanguage(row.language) ? row.language : null,
  }));
  try {
    const made = await makeTemporaryPasswords(slipSetId, owners, admin.schoolName);
    const db = await getDb();
    await db.transaction(async (tx) => {
      const ids: number[] = [];
      for (let i = 0; i < made.length; i += 500) {
        const inserted = await tx
          .insert(users)
          .values(
            made.slice(i, i + 500).map(({ owner, passwordHash }) => ({
              schoolId: admin.schoolId,
              role: "student" as const,
              ...owner,
              passwordHash,
              mustChangePassword: true,
            })),
          )
          .returning({ id: users.id });
        ids.push(...inserted.map((row) => row.id));
      }
      await recordAuditRows(
        tx,
        ids.map((id) => ({
          action: "student_imported" as const,
          actorUserId: admin.id,
          targetUserId: id,
          schoolId: admin.schoolId,
          clientAddress: job.clientAddress,
        })),
      );
      const slips = made.map(({ owner, temporaryPassword }) => ({
        fullName: owner.fullName,
        className: owner.className,
        loginId: owner.loginId,
        temporaryPassword,
      }));
      await markSlipsReady(tx, slipSetId, slips);
      await tx
        .update(importBatches)
        .set({ status: "applied", rows: null, appliedAt: new Date() })
        .where(eq(importBatches.id, job.batchId));
    });
  } catch (error) {
    const db = await getDb();
    // Nothing was inserted; the rows (personal data) go too: the school uploads the file again.
    await db
      .update(importBatches)
      .set({ status: "failed", rows: null })
      .where(eq(importBatches.id, job.batchId));
    await db.update(slipSets).set({ status: "failed" }).where(eq(slipSets.id, slipSetId));
    throw error;
  }
}
