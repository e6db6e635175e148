import "server-only";
import type { ClientInput } from "@/lib/http/request";
import {
  parseTeachersCsv,
  type TeacherFileError,
  type TeacherRow,
  type TeacherRowProblem,
  type TeacherRowReason,
} from "@/lib/school/teacher-csv";
import { assertAdminOnSchool, type Actor } from "./actor";
import { getDb } from "./db";
import { knownClasses, matchClasses } from "./teacher-classes";
import { insertTeacher, newTemporaryPassword, takenLoginIds, type NewTeacher } from "./teachers";

// Teachers from a CSV file (lib/school/teacher-csv.ts), all or none: a file with a row to fix adds
// nobody and lists every such row; a correct one adds every teacher in one transaction, each with
// a temporary password shown once (on the page that sent the file, ready to print).

/** Temporary passwords hashed at once: the pool's CPUs stay free for sign-ins meanwhile. */
const HASH_BATCH = 4;

export type TeacherImport =
  | { status: "refused"; error: TeacherFileError }
  | { status: "problems"; problems: TeacherRowProblem[] }
  | { status: "imported"; teachers: NewTeacher[] };

/** Thrown inside the transaction when a Login ID was taken meanwhile: everything rolls back. */
class TakenMeanwhile extends Error {
  constructor(readonly line: number) {
    super("taken meanwhile");
  }
}

/** The file, for the school the page showed (an administrator who switched school in another tab
 *  since is refused: assertAdminOnSchool). */
export async function importTeachers(
  actor: Actor,
  input: { schoolId: number; content: Uint8Array | string },
  client: ClientInput,
): Promise<TeacherImport> {
  const admin = await assertAdminOnSchool(actor, input.schoolId);
  const file = parseTeachersCsv(input.content);
  if (!file.ok) return { status: "refused", error: file.error };
  const checked = await checkAgainstSchool(admin.schoolId, file.rows);
  const problems = [...file.problems, ...checked.problems];
  if (problems.length > 0) return { status: "problems", problems: problems.sort((a, b) => a.line - b.line) };

  const rows: (TeacherRow & { temporaryPassword: string; passwordHash: string })[] = [];
  for (let start = 0; start < checked.rows.length; start += HASH_BATCH) {
    const batch = checked.rows.slice(start, start + HASH_BATCH);
    rows.push(
      ...(await Promise.all(
        batch.map(async (row) => ({
          ...row,
          ...(await newTemporaryPassword({ ...row, schoolName: admin.schoolName })),
        })),
      )),
    );
  }
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      for (const row of rows) {
        if ((await insertTeacher(tx, admin, row, client)) === null) throw new TakenMeanwhile(row.line);
      }
    });
  } catch (error) {
    if (!(error instanceof TakenMeanwhile)) throw error;
    return { status: "problems", problems: [{ line: error.line, reasons: ["loginIdTaken"] }] };
  }
  return {
    status: "imported",
    teachers: rows.map(({ loginId, fullName, classes, temporaryPassword }) => ({
      loginId,
      fullName,
      classes,
      temporaryPassword,
    })),
  };
}

/** The rows with their classes written as the students' are, and the rows to fix: a Login ID an
 *  account already has, a class no student of the school is in. Another school's Login ID only
 *  makes the row unusable, with no word of why, as in the cohort import. */
async function checkAgainstSchool(
  schoolId: number,
  rows: TeacherRow[],
): Promise<{ rows: TeacherRow[]; problems: TeacherRowProblem[] }> {
  const taken = await takenLoginIds(rows.map((row) => row.loginId));
  const known = await knownClasses(schoolId);
  const problems: TeacherRowProblem[] = [];
  const matched = rows.map((row) => {
    const reasons: TeacherRowReason[] = [];
    const owner = taken.get(row.loginId);
    if (owner) reasons.push(owner.schoolId === schoolId ? "loginIdTaken" : "usedElsewhere");
    const { classes, unknown } = matchClasses(known, row.classes);
    if (reasons.length > 0 || unknown.length > 0)
      problems.push({ line: row.line, reasons, ...(unknown.length > 0 && { unknownClasses: unknown }) });
    return { ...row, classes };
  });
  return { rows: matched, problems };
}
