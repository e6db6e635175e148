// Ids from outside (URLs, form fields, cookies) are read one way everywhere.
import { describe, expect, it } from "vitest";
import { isRowId, parseRowId, ROW_ID_MAX } from "@/lib/forms/row-id";

describe("row ids", () => {
  it.each(["1", "42", "2147483647"])("reads %j", (text) => expect(parseRowId(text)).toBe(Number(text)));
  it.each([
    undefined,
    null,
    "",
    "0",
    "-1",
    "01",
    "1.5",
    "1e3",
    " 1",
    "1 ",
    "2147483648",
    "99999999999",
    "abc",
  ])("refuses %j", (text) => expect(parseRowId(text)).toBeUndefined());
  it("knows a number that can be an id", () => {
    expect(isRowId(1)).toBe(true);
    expect(isRowId(ROW_ID_MAX)).toBe(true);
    for (const value of [0, -1, 1.5, ROW_ID_MAX + 1, Number.NaN, "1", null])
      expect(isRowId(value)).toBe(false);
  });
});
