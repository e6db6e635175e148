// Story: the school exports its teachers from a spreadsheet (username, name, classes) and uploads
// the file. Every row is checked before anything is added: the page lists each bad row with its
// reasons and its spreadsheet row number.
import { describe, expect, it } from "vitest";
import {
  parseTeachersCsv,
  splitClasses,
  TEACHERS_MAX_BYTES,
  TEACHERS_MAX_ROWS,
} from "@/lib/school/teacher-csv";

describe("a teachers' CSV file", () => {
  it("reads a spreadsheet's export: a BOM, CRLF, quotes, headers in any case, extra columns", () => {
    const csv =
      '\ufeffE-mail,UserName,Full Name,Classes\r\nx@y.sg,Ong_Bee,"Ong, Bee Lian",P1 Kindness; p2 harmony ;\r\n';
    expect(parseTeachersCsv(csv)).toEqual({
      ok: true,
      rows: [
        { line: 2, loginId: "ong_bee", fullName: "Ong, Bee Lian", classes: ["P1 Kindness", "p2 harmony"] },
      ],
      problems: [],
    });
  });

  it("splits classes at semicolons, dropping empty ones and repeats in any case", () => {
    expect(splitClasses(" P1 Kindness;;p1 kindness; P2 Harmony ;")).toEqual(["P1 Kindness", "P2 Harmony"]);
    expect(splitClasses("")).toEqual([]);
  });

  it("lists every bad row with its reasons and keeps the good ones apart", () => {
    const long = "P".repeat(41);
    const csv = [
      "username,name,classes",
      "ok_one,Ok One,P1 Kindness",
      "ab,Too Short,P1 Kindness",
      "no_name,,P1 Kindness",
      "no_classes,No Classes, ; ",
      `long_class,Long Class,${long}`,
      `many,Many Classes,${Array.from({ length: 21 }, (_, i) => `C${i}`).join(";")}`,
      "ok_one,Again,P1 Kindness",
      "markup,<b>Bold</b>,P1 Kindness",
      "@cmd,=SUM(1),+P1",
      "tab,Tab\tName,P1 Kindness",
    ].join("\n");
    const file = parseTeachersCsv(csv);
    if (!file.ok) throw new Error(file.error);
    expect(file.rows.map((row) => row.loginId)).toEqual(["ok_one"]);
    expect(file.problems).toEqual([
      { line: 3, reasons: ["loginIdFormat"] },
      { line: 4, reasons: ["fullNameMissing"] },
      { line: 5, reasons: ["classesMissing"] },
      { line: 6, reasons: ["classTooLong"] },
      { line: 7, reasons: ["tooManyClasses"] },
      { line: 8, reasons: ["loginIdRepeated"] },
      { line: 9, reasons: ["markup"] },
      { line: 10, reasons: ["loginIdFormat", "formula"] },
      { line: 11, reasons: ["controlCharacters"] },
    ]);
  });

  it("refuses a file that is empty, too large, too long, not UTF-8 or without the columns", () => {
    expect(parseTeachersCsv("")).toEqual({ ok: false, error: "empty" });
    expect(parseTeachersCsv("username,name,classes\n")).toEqual({ ok: false, error: "empty" });
    expect(parseTeachersCsv("x".repeat(TEACHERS_MAX_BYTES + 1))).toEqual({ ok: false, error: "tooLarge" });
    const rows = Array.from({ length: TEACHERS_MAX_ROWS + 1 }, (_, i) => `t_${i},T ${i},P1`);
    expect(parseTeachersCsv(["username,name,classes", ...rows].join("\n"))).toEqual({
      ok: false,
      error: "tooManyRows",
    });
    expect(parseTeachersCsv(new Uint8Array([0x75, 0xff, 0xfe]))).toEqual({ ok: false, error: "notUtf8" });
    expect(parseTeachersCsv("username,name\nab_c,Abc\n")).toEqual({ ok: false, error: "headers" });
    expect(parseTeachersCsv("username,name,classes,class\na,b,c,d\n")).toEqual({
      ok: false,
      error: "headers",
    });
  });
});
