// Story: the audit log's filter comes from an address anyone can edit, and its export opens in a
// spreadsheet: odd values are dropped, and no cell can run as a formula.
import { describe, expect, it } from "vitest";
import { auditFilterOf, auditQueryOf } from "@/lib/school/audit-filter";
import { csvCell } from "@/lib/data/audit-read";

describe("the audit log's filter", () => {
  it("keeps what is valid and drops the rest", () => {
    expect(
      auditFilterOf({
        student: "siti",
        admin: "7",
        action: "account_unlocked",
        from: "2026-11-01",
        to: "2026-11-30",
      }),
    ).toEqual({
      student: "siti",
      adminId: 7,
      action: "account_unlocked",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(
      auditFilterOf({
        admin: "2147483648",
        action: "drop_table",
        from: "2026-02-30",
        to: "yesterday",
        student: ["a", "b"],
      }),
    ).toEqual({ student: "", adminId: null, action: null, from: null, to: null });
    expect(auditFilterOf({ admin: "1.5" }).adminId).toBeNull();
    expect(auditFilterOf({ student: "x".repeat(500) }).student).toHaveLength(100);
  });

  it("goes back into an address unchanged", () => {
    const filter = auditFilterOf({ student: "Tan & Co", action: "sign_in", from: "2026-01-05" });
    expect(auditFilterOf(Object.fromEntries(new URLSearchParams(auditQueryOf(filter, 3))))).toEqual(filter);
    expect(auditQueryOf(filter, 3)).toContain("page=3");
  });
});

describe("CSV cells", () => {
  it("never start with what a spreadsheet runs as a formula", () => {
    for (const hostile of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(csvCell(hostile)).toBe(`"'${hostile.replace(/"/g, '""')}"`);
    }
  });

  it("quote every cell and double its quotes, so commas and line breaks stay inside", () => {
    expect(csvCell('Tan, "Ah Boy"\nP4')).toBe('"Tan, ""Ah Boy""\nP4"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });
});
