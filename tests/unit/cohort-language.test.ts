// The cohort file's optional language column: the school writes the language a family's notices
// are in, as its spreadsheet says it; a word the file cannot mean is a row to fix.
import { describe, expect, it } from "vitest";
import { columnsOf, parseCohortCsv, type CohortFile } from "@/lib/school/cohort-csv";
import { languageOfCell } from "@/lib/school/student-language";

const HEADER = "login_id,full_name,class,student_email,guardian_email";

function ok(file: CohortFile) {
  if (!file.ok) throw new Error(`refused: ${file.error}`);
  return file;
}

const withLanguage = (header: string, cells: string[]) =>
  ok(
    parseCohortCsv(
      [`${HEADER},${header}`, ...cells.map((cell, i) => `pupil_${i},Pupil ${i},P1,,,${cell}`)].join("\n"),
    ),
  );

describe("the language column", () => {
  it("is found under the names people write for it, anywhere in the header", () => {
    for (const name of ["language", "Lang", "Preferred Language", "preferred_language", "LANGUAGE"]) {
      const header = [name, "login_id", "name", "class", "email", "parent email"];
      expect(columnsOf(header), name).toMatchObject({ language: 0, loginId: 1 });
    }
    expect(columnsOf(HEADER.split(","))).not.toHaveProperty("language");
  });

  it("reads each language by its code, its English name or its own name, in any case", () => {
    const cells = [
      ["en", "en"],
      ["English", "en"],
      ["ZH", "zh"],
      ["chinese", "zh"],
      ["中文", "zh"],
      ["Mandarin", "zh"],
      ["ms", "ms"],
      ["MALAY", "ms"],
      ["Bahasa  Melayu", "ms"],
      ["melayu", "ms"],
      ["ta", "ta"],
      ["Tamil", "ta"],
      ["தமிழ்", "ta"],
      [" tamil ", "ta"],
    ] as const;
    const file = withLanguage(
      "language",
      cells.map(([cell]) => (cell.includes(" ") ? `"${cell}"` : cell)),
    );
    expect(file.problems).toEqual([]);
    expect(file.rows.map((row) => row.language)).toEqual(cells.map(([, language]) => language));
  });

  it("leaves the language not set for an empty cell", () => {
    const file = withLanguage("language", ["", "  "]);
    expect(file.problems).toEqual([]);
    expect(file.rows.map((row) => row.language)).toEqual([null, null]);
  });

  it("reports a language it does not know as a row to fix, with the row's other problems", () => {
    const file = withLanguage("language", ["Tamil", "French", "zh-tw", "=cmd()"]);
    expect(file.problems).toEqual([
      { line: 3, reasons: ["languageInvalid"] },
      { line: 4, reasons: ["languageInvalid"] },
      { line: 5, reasons: ["languageInvalid"] },
    ]);
    expect(file.rows.map((row) => row.loginId)).toEqual(["pupil_0"]);
    const both = ok(parseCohortCsv(`${HEADER},language\n,Ab C,P1,,,klingon\n`));
    expect(both.problems).toEqual([{ line: 2, reasons: ["loginIdMissing", "languageInvalid"] }]);
  });

  it("leaves every language not set when the file has no language column", () => {
    const file = ok(parseCohortCsv(`${HEADER}\nabc_d,Ab C,P1,,\n`));
    expect(file.problems).toEqual([]);
    expect(file.rows[0]?.language).toBeNull();
  });

  it("refuses a header that names the language column twice", () => {
    expect(parseCohortCsv(`${HEADER},language,lang\nabc_d,Ab C,P1,,,en,zh\n`)).toEqual({
      ok: false,
      error: "headers",
    });
  });

  it("never takes the pseudo-locale or a made-up word as a language", () => {
    for (const cell of ["qps", "en-XA", "eng", "chinese simplified", "english,", "\u0000"]) {
      expect(languageOfCell(cell), JSON.stringify(cell)).toBe("invalid");
    }
  });
});
