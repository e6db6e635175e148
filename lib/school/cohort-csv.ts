// A cohort file, as the school's spreadsheet exports it: one student a row, with a header row
// (login_id, full_name, class, student_email, guardian_email; language may be added). Pure: parsed
// with csv-parse and checked row by row, so the preview can list every bad row with its reasons
// before anything is applied. Row numbers are the spreadsheet's: the header is row 1.
import { readCsvFile, type FileError } from "./csv-file";
import { languageOfCell, type StudentLanguage } from "./student-language";

export const COHORT_MAX_BYTES = 2 * 1024 * 1024;
export const COHORT_MAX_ROWS = 5000;
export const LOGIN_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const FULL_NAME_MAX = 100;
export const CLASS_MAX = 40;
export const EMAIL_MAX = 254;

export type CohortRow = {
  line: number;
  loginId: string;
  fullName: string;
  className: string;
  /** Lower-cased: an e-mail is also a Login ID, and Login IDs are compared lower-cased. */
  email: string | null;
  guardianEmail: string | null;
  /** The family's notices' language; null when the file has no language column or the cell is
   *  empty. An import only creates accounts, so it never changes an existing student's. */
  language: StudentLanguage | null;
};

/** Keys of `cohort.reasons` in the messages. */
export type RowReason =
  | "fieldCount"
  | "loginIdMissing"
  | "loginIdFormat"
  | "fullNameMissing"
  | "fullNameTooLong"
  | "classMissing"
  | "classTooLong"
  | "studentEmailInvalid"
  | "guardianEmailInvalid"
  | "languageInvalid"
  | "controlCharacters"
  | "formula"
  | "markup"
  | "loginIdRepeated"
  | "studentEmailRepeated"
  | "loginIdTaken"
  | "studentEmailTaken"
  | "usedElsewhere";

export type RowProblem = { line: number; reasons: RowReason[] };

export type { FileError } from "./csv-file";

export type CohortFile =
  | { ok: true; totalRows: number; rows: CohortRow[]; problems: RowProblem[] }
  | { ok: false; error: FileError };

const COLUMNS = ["loginId", "fullName", "className", "email", "guardianEmail"] as const;
/** Columns a file may leave out. */
const OPTIONAL_COLUMNS = ["language"] as const;
type Column = (typeof COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export type Columns = Record<(typeof COLUMNS)[number], number> &
  Partial<Record<(typeof OPTIONAL_COLUMNS)[number], number>>;

/** Header words people write for each column, compared without case, spaces, `-` or `_`. */
const HEADER_NAMES: Record<Column, string[]> = {
  loginId: ["loginid", "login", "username", "userid"],
  fullName: ["fullname", "name", "studentname"],
  className: ["class", "classname", "form"],
  email: ["studentemail", "email", "studentmail"],
  guardianEmail: ["guardianemail", "parentemail", "guardianmail", "parentmail"],
  language: ["language", "lang", "preferredlanguage", "noticelanguage"],
};

/** A header cell as compared with the names people write: no case, spaces, `-`, `_` or `.`. */
export const headerKey = (cell: string) =>
  cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.]+/g, "");

/** Which field of a record each column is in, or null when a required one is missing or any is
 *  named twice. */
export function columnsOf(header: string[]): Columns | null {
  const found: Partial<Record<Column, number>> = {};
  for (const [index, cell] of header.entries()) {
    const key = headerKey(cell);
    const column = [...COLUMNS, ...OPTIONAL_COLUMNS].find((c) => HEADER_NAMES[c].includes(key));
    if (!column) continue;
    if (found[column] !== undefined) return null;
    found[column] = index;
  }
  return COLUMNS.every((c) => found[c] !== undefined) ? (found as Columns) : null;
}

export const CONTROL = /\p{Cc}/u;
/** What a spreadsheet would run as a formula when the name is exported again. */
const FORMULA_START = /^[=+\-@]/;
const MARKUP = /[<>]/;
/** One address, nothing that could add a recipient or a header; a dot in the domain. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

export const clean = (value: string) => value.normalize("NFC").trim();

/** A name or class: present, not too long, nothing a spreadsheet would run or a page show as markup. */
export function checkText<R extends string>(
  value: string,
  max: number,
  missing: R,
  tooLong: R,
): (R | "formula" | "markup")[] {
  if (value === "") return [missing];
  const reasons: (R | "formula" | "markup")[] = [...value].length > max ? [tooLong] : [];
  if (FORMULA_START.test(value)) reasons.push("formula");
  if (MARKUP.test(value)) reasons.push("markup");
  return reasons;
}

function checkEmail(value: string, invalid: RowReason): RowReason[] {
  return value === "" || (value.length <= EMAIL_MAX && EMAIL.test(value)) ? [] : [invalid];
}

/** One record's checks that need no other row. `fields`: the columns in order, the language last
 *  when the file has that column. */
export function checkRecord(line: number, fields: string[]): { row: CohortRow | null; reasons: RowReason[] } {
  if (fields.some((field) => CONTROL.test(field.replace(/^[\t ]+|[\t ]+$/g, "")))) {
    return { row: null, reasons: ["controlCharacters"] };
  }
  const [rawId = "", rawName = "", rawClass = "", rawEmail = "", rawGuardian = ""] = fields.map(clean);
  const loginId = rawId.normalize("NFKC").toLowerCase();
  const email = rawEmail.normalize("NFKC").toLowerCase();
  const guardianEmail = rawGuardian.normalize("NFKC");
  const language = fields[5] === undefined ? null : languageOfCell(fields[5]);
  const reasons: RowReason[] = [
    ...(loginId === ""
      ? ["loginIdMissing" as const]
      : LOGIN_ID_PATTERN.test(loginId)
        ? []
        : ["loginIdFormat" as const]),
    ...checkText(rawName, FULL_NAME_MAX, "fullNameMissing", "fullNameTooLong"),
    ...checkText(rawClass, CLASS_MAX, "classMissing", "classTooLong"),
    ...checkEmail(email, "studentEmailInvalid"),
    ...checkEmail(guardianEmail, "guardianEmailInvalid"),
    ...(language === "invalid" ? ["languageInvalid" as const] : []),
  ];
  const unique = [...new Set(reasons)];
  // (`language === "invalid"` always gave a reason above; said again for the type.)
  if (unique.length > 0 || language === "invalid") return { row: null, reasons: unique };
  const row = {
    line,
    loginId,
    fullName: rawName,
    className: rawClass,
    email: email || null,
    guardianEmail: guardianEmail || null,
    language,
  };
  return { row, reasons: [] };
}

/** The whole file checked: every row's problems, or a reason the file as a whole is refused. */
export function parseCohortCsv(input: Uint8Array | string): CohortFile {
  const file = readCsvFile(input, { maxBytes: COHORT_MAX_BYTES, maxRows: COHORT_MAX_ROWS }, columnsOf);
  if (!file.ok) return file;
  const { columns, rows: numbered } = file;

  const present = columns.language === undefined ? COLUMNS : [...COLUMNS, ...OPTIONAL_COLUMNS];
  const rows: CohortRow[] = [];
  const problems: RowProblem[] = [];
  const seenIds = new Set<string>();
  const seenEmails = new Set<string>();
  for (const { line, fields, fieldCount } of numbered) {
    if (fieldCount) {
      problems.push({ line, reasons: ["fieldCount"] });
      continue;
    }
    const { row, reasons } = checkRecord(
      line,
      present.map((c) => fields[columns[c]!]!),
    );
    if (row && seenIds.has(row.loginId)) reasons.push("loginIdRepeated");
    if (row?.email && seenEmails.has(row.email)) reasons.push("studentEmailRepeated");
    if (row) seenIds.add(row.loginId);
    if (row?.email) seenEmails.add(row.email);
    if (reasons.length > 0) problems.push({ line, reasons });
    else if (row) rows.push(row);
  }
  return { ok: true, totalRows: numbered.length, rows, problems };
}

/** Login IDs and student e-mails (lower-cased) that accounts already have: of the school the
 *  import is for, and of any other school. */
export type Taken = { ownSchool: ReadonlySet<string>; otherSchools: ReadonlySet<string> };

/** Rows whose Login ID or student e-mail some account already has move to the problems, which
 *  stay in row order. The school's own accounts are "already in use" (it can see them); another
 *  school's only make the row unusable, with no word of why, so an import cannot be used to learn
 *  which Login IDs or e-mails exist in other schools: the ministry sorts such a row out. */
export function withTaken(
  file: Extract<CohortFile, { ok: true }>,
  taken: Taken,
): Extract<CohortFile, { ok: true }> {
  const extra: RowProblem[] = [];
  const rows = file.rows.filter((row) => {
    const reasons: RowReason[] = [];
    if (taken.ownSchool.has(row.loginId)) reasons.push("loginIdTaken");
    if (row.email && taken.ownSchool.has(row.email)) reasons.push("studentEmailTaken");
    const elsewhere = [row.loginId, row.email].some((value) => value && taken.otherSchools.has(value));
    if (elsewhere) reasons.push("usedElsewhere");
    if (reasons.length > 0) extra.push({ line: row.line, reasons });
    return reasons.length === 0;
  });
  const problems = [...file.problems, ...extra].sort((a, b) => a.line - b.line);
  return { ...file, rows, problems };
}
