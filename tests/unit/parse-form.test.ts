// Story: every action reads its form one way (lib/forms/parse.ts): the typed data, or the page's
// state with the first error of each field and the form's own words, never anything typed into a
// secret field.
import { describe, expect, it } from "vitest";
import { loginRefusal, loginSchema, parseForm, studentIdSchema } from "@/lib/forms";
import { en } from "@/lib/messages/en";

function formWith(entries: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe("parseForm", () => {
  it("gives the schema's typed data", () => {
    const form = formWith([
      ["loginId", " siti_rahman "],
      ["password", "Blue-Kite-Flying-7"],
    ]);
    expect(parseForm(loginSchema, form)).toEqual({
      ok: true,
      data: { loginId: "siti_rahman", password: "Blue-Kite-Flying-7" },
    });
  });

  it("refuses with the first error of each field and the form's refusal, never the password", () => {
    const form = formWith([
      ["loginId", "x".repeat(300)],
      ["password", "\u0000"],
    ]);
    expect(parseForm(loginSchema, form, loginRefusal(form))).toEqual({
      ok: false,
      state: {
        status: "error",
        fieldErrors: { loginId: en.errors.tooLong(254), password: en.errors.invalid },
        values: { loginId: "x".repeat(254) },
      },
    });
  });

  it("reads the first text value of a field and ignores files", () => {
    const form = formWith([
      ["userId", new Blob(["7"])],
      ["userId", "12"],
      ["userId", "13"],
    ]);
    expect(parseForm(studentIdSchema, form)).toEqual({ ok: true, data: { userId: 12 } });
  });

  it.each(["", "0", "07", " 7", "7 ", "+7", "1e3", "1.0", "0x10", "2147483648"])(
    "reads an id %j the pages never write as no id",
    (text) => {
      expect(parseForm(studentIdSchema, formWith([["userId", text]]))).toEqual({
        ok: false,
        state: { status: "error", fieldErrors: { userId: en.admin.notAllowed } },
      });
    },
  );
});
