import { describe, expect, it } from "vitest";
import {
  columnsOf,
  COHORT_MAX_BYTES,
  COHORT_MAX_ROWS,
  parseCohortCsv,
  withTaken,
  type CohortFile,
} from "@/lib/school/cohort-csv";

const HEADER = "login_id,full_name,class,student_email,guardian_email";
const GOOD = "tan_ah_kow,Tan Ah Kow,P1 Kindness,tan_ah_kow@students.example,mum.tan@example.com";

function ok(file: CohortFile) {
  if (!file.ok) throw new Error(`refused: ${file.error}`);
  return file;
}

const problemsOf = (csv: string) => ok(parseCohortCsv(csv)).problems;

describe("the header row", () => {
  it("accepts the usual spellings in any case and order, and ignores extra columns", () => {
    expect(
      columnsOf(["Full Name", "Login ID", "Class", "Notes", "Student E-mail", "guardian-email"]),
    ).toEqual({
      fullName: 0,
      loginId: 1,
      className: 2,
      email: 4,
      guardianEmail: 5,
    });
    const file = ok(parseCohortCsv(`Username,Name,Class Name,Email,Parent Email,notes\r\n${GOOD},x\r\n`));
    expect(file.rows).toHaveLength(1);
  });

  it("refuses a file without every column, or with one twice", () => {
    expect(parseCohortCsv("login_id,full_name,class\nabc,Ab C,P1\n")).toEqual({
      ok: false,
      error: "headers",
    });
    expect(parseCohortCsv(`${HEADER},login\n${GOOD},x\n`)).toEqual({ ok: false, error: "headers" });
    expect(parseCohortCsv(`${GOOD}\n${GOOD}\n`)).toEqual({ ok: false, error: "headers" });
  });
});

describe("reading the file", () => {
  it("reads a UTF-8 BOM, CRLF line ends and quoted cells with commas and quotes", () => {
    const csv = `\ufeff${HEADER}\r\n"zoe_lim","Lim, Zoë ""Zoe""",P2 Harmony,,\r\n`;
    const file = ok(parseCohortCsv(new TextEncoder().encode(csv)));
    expect(file.rows).toEqual([
      {
        line: 2,
        loginId: "zoe_lim",
        fullName: 'Lim, Zoë "Zoe"',
        className: "P2 Harmony",
        email: null,
        guardianEmail: null,
        language: null,
      },
    ]);
  });

  it("lower-cases Login IDs and student e-mails, and trims every cell", () => {
    const file = ok(
      parseCohortCsv(`${HEADER}\n  Tan_Ah_Kow , Tan Ah Kow ,P1,TAN@Students.Example , Mum@Example.com\n`),
    );
    expect(file.rows[0]).toMatchObject({
      loginId: "tan_ah_kow",
      fullName: "Tan Ah Kow",
      email: "tan@students.example",
      guardianEmail: "Mum@Example.com",
    });
  });

  it("numbers rows as the spreadsheet does, skipping blank lines but counting them", () => {
    const problems = problemsOf(`${HEADER}\n${GOOD}\n\n,No Id,P1,,\n`);
    expect(problems).toEqual([{ line: 4, reasons: ["loginIdMissing"] }]);
  });

  it("refuses an empty file, a file too large, too many rows, broken quotes and non-UTF-8 bytes", () => {
    expect(parseCohortCsv("")).toEqual({ ok: false, error: "empty" });
    expect(parseCohortCsv(`${HEADER}\n`)).toEqual({ ok: false, error: "empty" });
    expect(parseCohortCsv("x".repeat(COHORT_MAX_BYTES + 1))).toEqual({ ok: false, error: "tooLarge" });
    const many = Array.from({ length: COHORT_MAX_ROWS + 1 }, (_, i) => `s${i}xx,Name ${i},P1,,`).join("\n");
    expect(parseCohortCsv(`${HEADER}\n${many}\n`)).toEqual({ ok: false, error: "tooManyRows" });
    expect(parseCohortCsv(`${HEADER}\n"abc,Ab C,P1,,\n`)).toEqual({ ok: false, error: "unreadable" });
    expect(parseCohortCsv(new Uint8Array([0x6c, 0x6f, 0xff, 0xfe, 0x0a]))).toEqual({
      ok: false,
      error: "notUtf8",
    });
  });
});

describe("the rules of a row", () => {
  it.each([
    ["a row with a missing column", "abc_d,Ab C,P1,", ["fieldCount"]],
    ["no Login ID", ",Ab C,P1,,", ["loginIdMissing"]],
    ["a Login ID with spaces", "ab cd,Ab C,P1,,", ["loginIdFormat"]],
    ["a Login ID with @", "ab@cd.example,Ab C,P1,,", ["loginIdFormat"]],
    ["a Login ID too short", "ab,Ab C,P1,,", ["loginIdFormat"]],
    ["a Login ID too long", `${"a".repeat(65)},Ab C,P1,,`, ["loginIdFormat"]],
    ["no full name", "abc_d,,P1,,", ["fullNameMissing"]],
    ["a full name too long", `abc_d,${"N".repeat(101)},P1,,`, ["fullNameTooLong"]],
    ["no class", "abc_d,Ab C,,,", ["classMissing"]],
    ["a class too long", `abc_d,Ab C,${"P".repeat(41)},,`, ["classTooLong"]],
    ["a bad student e-mail", "abc_d,Ab C,P1,not-an-address,", ["studentEmailInvalid"]],
    [
      "a student e-mail with two addresses",
      'abc_d,Ab C,P1,"a@b.example, c@d.example",',
      ["studentEmailInvalid"],
    ],
    ["a bad guardian e-mail", "abc_d,Ab C,P1,,mum@localhost", ["guardianEmailInvalid"]],
    [
      "several problems at once",
      ",,,x,y",
      ["loginIdMissing", "fullNameMissing", "classMissing", "studentEmailInvalid", "guardianEmailInvalid"],
    ],
  ])("reports %s", (_, row, reasons) => {
    expect(problemsOf(`${HEADER}\n${row}\n`)).toEqual([{ line: 2, reasons }]);
  });

  it("reports a Login ID or student e-mail that an earlier row already has, on the later row", () => {
    const csv = [
      HEADER,
      "abc_d,Ab C,P1,ab@s.example,",
      "ABC_D,Ab C Again,P1,,",
      "efg_h,Ef G,P1,AB@s.example,",
    ].join("\n");
    expect(problemsOf(csv)).toEqual([
      { line: 3, reasons: ["loginIdRepeated"] },
      { line: 4, reasons: ["studentEmailRepeated"] },
    ]);
  });

  it("moves rows whose Login ID or e-mail is already in use to the problems, in row order", () => {
    const file = ok(
      parseCohortCsv(`${HEADER}\nabc_d,Ab C,P1,,\nzzz_1,Zz,P1,,\nefg_h,Ef G,P1,taken@s.example,\n,x,P1,,\n`),
    );
    const checked = withTaken(file, {
      ownSchool: new Set(["abc_d", "taken@s.example"]),
      otherSchools: new Set(),
    });
    expect(checked.rows.map((row) => row.loginId)).toEqual(["zzz_1"]);
    expect(checked.problems).toEqual([
      { line: 2, reasons: ["loginIdTaken"] },
      { line: 4, reasons: ["studentEmailTaken"] },
      { line: 5, reasons: ["loginIdMissing"] },
    ]);
  });

  it("says only that a row cannot be used when another school has its Login ID or e-mail", () => {
    const file = ok(
      parseCohortCsv(
        `${HEADER}\nabc_d,Ab C,P1,,\nelse_1,Ef G,P1,else@s.example,\nown_1,Ow N,P1,other@s.example,\n`,
      ),
    );
    const checked = withTaken(file, {
      ownSchool: new Set(["own_1"]),
      otherSchools: new Set(["abc_d", "else_1", "else@s.example", "other@s.example"]),
    });
    expect(checked.rows).toEqual([]);
    expect(checked.problems).toEqual([
      { line: 2, reasons: ["usedElsewhere"] },
      { line: 3, reasons: ["usedElsewhere"] }, // once, for the Login ID and the e-mail
      { line: 4, reasons: ["loginIdTaken", "usedElsewhere"] },
    ]);
  });
});

describe("hostile cells", () => {
  it("refuses names and classes a spreadsheet would run as a formula", () => {
    for (const cell of ['"=HYPERLINK(""http://evil.example"",""Click"")"', "+1+1", "-2+3", "@SUM(A1)"]) {
      expect(problemsOf(`${HEADER}\nabc_d,${cell},P1,,\n`), cell).toEqual([
        { line: 2, reasons: ["formula"] },
      ]);
      const [asClass] = problemsOf(`${HEADER}\nabc_d,Ab C,${cell},,\n`);
      expect(asClass?.reasons, cell).toContain("formula");
    }
  });

  it("refuses markup in a name or class", () => {
    expect(problemsOf(`${HEADER}\nabc_d,<script>alert(1)</script>,P1,,\n`)).toEqual([
      { line: 2, reasons: ["markup"] },
    ]);
    expect(problemsOf(`${HEADER}\nabc_d,Ab C,"<img src=x onerror=alert(1)>",,\n`)).toEqual([
      { line: 2, reasons: ["markup"] },
    ]);
  });

  it("refuses a 1 MB field as too long, without trouble", () => {
    const huge = "N".repeat(1024 * 1024);
    expect(problemsOf(`${HEADER}\nabc_d,${huge},P1,,\n`)).toEqual([
      { line: 2, reasons: ["fullNameTooLong"] },
    ]);
    expect(problemsOf(`${HEADER}\n${huge},Ab C,P1,,\n`)).toEqual([{ line: 2, reasons: ["loginIdFormat"] }]);
  });

  it("refuses NUL, escape and line breaks inside a cell", () => {
    for (const cell of ["Ab\u0000C", "Ab\u001bC", '"Ab\nC"', "Ab\tC"]) {
      expect(problemsOf(`${HEADER}\nabc_d,${cell},P1,,\n`), JSON.stringify(cell)).toEqual([
        { line: 2, reasons: ["controlCharacters"] },
      ]);
    }
  });

  it("keeps apostrophes, accents and other scripts in names", () => {
    const file = ok(parseCohortCsv(`${HEADER}\nabc_d,O'Brien Zoë 陈小明 Nurul-Huda,P1 Kindness,,\n`));
    expect(file.problems).toEqual([]);
    expect(file.rows[0]?.fullName).toBe("O'Brien Zoë 陈小明 Nurul-Huda");
  });
});
