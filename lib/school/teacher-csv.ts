// Teachers from a CSV file, as a school's spreadsheet exports them: one teacher a row, with a
// header row naming username, name and classes (a teacher's classes separated by `;`). Pure, and
// checked the way a cohort file is (lib/school/cohort-csv.ts): every bad row with its reasons and
// its spreadsheet row number (the header is row 1), before anything is applied.
import {
  CLASS_MAX,
  CONTROL,
  FULL_NAME_MAX,
  LOGIN_ID_PATTERN,
  checkText,
  clean,
  headerKey,
} from "./cohort-csv";
import { readCsvFile, type FileError } from "./csv-file";

/** A small file: a school has tens of teachers, and each one's temporary password is hashed while
 *  the administrator waits (and the post stays under the proxy's 64 KB). */
export const TEACHERS_MAX_BYTES = 32 * 1024;
export const TEACHERS_MAX_ROWS = 200;
export const CLASSES_PER_TEACHER_MAX = 20;

export type TeacherRow = { line: number; loginId: string; fullName: string; classes: string[] };

/** Keys of `teachers.reasons` in the messages. */
export type TeacherRowReason =
  | "fieldCount"
  | "loginIdMissing"
  | "loginIdFormat"
  | "fullNameMissing"
  | "fullNameTooLong"
  | "classesMissing"
  | "classTooLong"
  | "tooManyClasses"
  | "controlCharacters"
  | "formula"
  | "markup"
  | "loginIdRepeated"
  | "loginIdTaken"
  | "usedElsewhere";

/** A row's problems; `unknownClasses`: classes no student of the school is in (said with their
 *  names, so the administrator sees the typo). */
export type TeacherRowProblem = { line: number; reasons: TeacherRowReason[]; unknownClasses?: string[] };

/** Keys of `teachers.fileErrors` in the messages. */
export type TeacherFileError = FileError;

export type TeacherFile =
  { ok: true; rows: TeacherRow[]; problems: TeacherRowProblem[] } | { ok: false; error: TeacherFileError };

const COLUMNS = ["loginId", "fullName", "classes"] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_NAMES: Record<Column, string[]> = {
  loginId: ["username", "loginid", "login", "userid"],
  fullName: ["name", "fullname", "teachername"],
  classes: ["classes", "class", "classnames"],
};

function columnsOf(header: string[]): Record<Column, number> | null {
  const found: Partial<Record<Column, number>> = {};
  for (const [index, cell] of header.entries()) {
    const column = COLUMNS.find((c) => HEADER_NAMES[c].includes(headerKey(cell)));
    if (!column) continue;
    if (found[column] !== undefined) return null;
    found[column] = index;
  }
  return COLUMNS.every((c) => found[c] !== undefined) ? (found as Record<Column, number>) : null;
}

/** A teacher's classes as typed (`P4 Courage; P5 Integrity`): each trimmed, empty ones and repeats
 *  (in any case) dropped, in the order given. */
export function splitClasses(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(";")
    .map(clean)
    .filter((name) => {
      const key = name.toLowerCase();
      if (name === "" || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** What is wrong with a list of classes, if anything (an empty list is the caller's to judge). */
export function classesProblems(classes: string[]): TeacherRowReason[] {
  const reasons = new Set<TeacherRowReason>();
  if (classes.length > CLASSES_PER_TEACHER_MAX) reasons.add("tooManyClasses");
  for (const name of classes) {
    for (const reason of checkText(name, CLASS_MAX, "classesMissing", "classTooLong")) reasons.add(reason);
    if (CONTROL.test(name)) reasons.add("controlCharacters");
  }
  return [...reasons];
}

function checkRow(line: number, fields: string[]): { row: TeacherRow | null; reasons: TeacherRowReason[] } {
  if (fields.some((field) => CONTROL.test(field.replace(/^[\t ]+|[\t ]+$/g, "")))) {
    return { row: null, reasons: ["controlCharacters"] };
  }
  const [rawId = "", rawName = "", rawClasses = ""] = fields.map(clean);
  const loginId = rawId.normalize("NFKC").toLowerCase();
  const classes = splitClasses(rawClasses);
  const reasons = new Set<TeacherRowReason>([
    ...(loginId === ""
      ? ["loginIdMissing" as const]
      : LOGIN_ID_PATTERN.test(loginId)
        ? []
        : ["loginIdFormat" as const]),
    ...checkText(rawName, FULL_NAME_MAX, "fullNameMissing", "fullNameTooLong"),
    ...(classes.length === 0 ? ["classesMissing" as const] : classesProblems(classes)),
  ]);
  if (reasons.size > 0) return { row: null, reasons: [...reasons] };
  return { row: { line, loginId, fullName: rawName, classes }, reasons: [] };
}

/** The whole file checked: every row's problems, or a reason the file as a whole is refused. */
export function parseTeachersCsv(input: Uint8Array | string): TeacherFile {
  const file = readCsvFile(input, { maxBytes: TEACHERS_MAX_BYTES, maxRows: TEACHERS_MAX_ROWS }, columnsOf);
  if (!file.ok) return file;
  const { columns, rows: numbered } = file;

  const rows: TeacherRow[] = [];
  const problems: TeacherRowProblem[] = [];
  const seen = new Set<string>();
  for (const { line, fields, fieldCount } of numbered) {
    if (fieldCount) {
      problems.push({ line, reasons: ["fieldCount"] });
      continue;
    }
    const { row, reasons } = checkRow(
      line,
      COLUMNS.map((c) => fields[columns[c]]!),
    );
    if (row && seen.has(row.loginId)) reasons.push("loginIdRepeated");
    if (row) seen.add(row.loginId);
    if (reasons.length > 0) problems.push({ line, reasons });
    else if (row) rows.push(row);
  }
  return { ok: true, rows, problems };
}
