// A spreadsheet's CSV export, read as a whole before any row is checked: its size, UTF-8, CSV, the
// header and the rows that hold anything, with the spreadsheet's row numbers (the header is row
// 1). The cohort (lib/school/cohort-csv.ts) and the teachers (lib/school/teacher-csv.ts) each check
// their own rows.
import { parse } from "csv-parse/sync";

/** Keys of `cohort.fileErrors` (and `teachers.fileErrors`) in the messages. */
export type FileError = "empty" | "tooLarge" | "tooManyRows" | "notUtf8" | "unreadable" | "headers";

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Every record of a CSV text (the header first), or null when it cannot be read as CSV. */
function records(text: string): string[][] | null {
  try {
    const options = { bom: true, relax_column_count: true, skip_empty_lines: false };
    const all: string[][] = parse(text, options);
    return all;
  } catch {
    return null;
  }
}

/** A CSV file's rows that hold anything, each with its spreadsheet row number (the header is row
 *  1) and its fields, or why the file as a whole is refused: empty, over `maxBytes` or `maxRows`,
 *  not UTF-8, not CSV, or a header `columnsOf` does not recognise. A row with another number of
 *  fields than the header is `fieldCount`: each file's checks say so for the row. */
export function readCsvFile<Columns>(
  input: Uint8Array | string,
  limits: { maxBytes: number; maxRows: number },
  columnsOf: (header: string[]) => Columns | null,
):
  | { ok: true; columns: Columns; rows: { line: number; fields: string[]; fieldCount: boolean }[] }
  | { ok: false; error: FileError } {
  const size = typeof input === "string" ? Buffer.byteLength(input) : input.byteLength;
  if (size === 0) return { ok: false, error: "empty" };
  if (size > limits.maxBytes) return { ok: false, error: "tooLarge" };
  const text = typeof input === "string" ? input : decode(input);
  if (text === null) return { ok: false, error: "notUtf8" };
  const all = records(text);
  if (!all) return { ok: false, error: "unreadable" };
  const [header, ...body] = all;
  const columns = header && columnsOf(header);
  if (!columns) return { ok: false, error: header ? "headers" : "empty" };
  const rows = body
    .map((fields, i) => ({ line: i + 2, fields, fieldCount: fields.length !== header.length }))
    .filter(({ fields }) => fields.some((field) => field.trim() !== ""));
  if (rows.length === 0) return { ok: false, error: "empty" };
  if (rows.length > limits.maxRows) return { ok: false, error: "tooManyRows" };
  return { ok: true, columns, rows };
}
