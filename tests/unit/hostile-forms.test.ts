// Story: whatever a hand-made request posts to a form, the server-side handling answers with
// words of the page: nothing throws, an invalid field is named with what is wrong with it, no
// secret comes back, and what passes is typed data within the limits.
import assert from "node:assert/strict";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANSWER_FIELD_MAX_LENGTH,
  challengeSchema,
  changePasswordSchema,
  LOGIN_ID_MAX_LENGTH,
  RESET_CODE_FIELD_MAX_LENGTH,
  loginRefusal,
  loginSchema,
  newPasswordRefusal,
  newPasswordSchema,
  type Parsed,
  parseForm,
  resetCodeSchema,
  setupQuestionsSchema,
  setupRefusal,
  ssprSearchSchema,
  studentIdSchema,
} from "@/lib/forms";
import { en } from "@/lib/messages/en";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";
import { ROW_ID_MAX } from "@/lib/forms/row-id";
import { formEntries, PAGE_TEXTS, toFormData, typedText, wordsOf } from "../support/hostile";

const RUNS = 10_000;
const m = en.errors;

/** What a field accepts, as the school's rules state it (not as the schema is written), and a
 *  value that often passes, so that both outcomes are well exercised. */
type Field = { plausible: fc.Arbitrary<string> } & (
  | { kind: "text"; max: number; trim?: boolean; secret?: boolean }
  | { kind: "optionalSecret"; max: number }
  | { kind: "question" }
  | { kind: "rowId" }
);

const typedPassword = fc.oneof(typedText(1, 30), fc.constant("Blue-Kite-Flying-7"));
const loginId: Field = {
  kind: "text",
  max: LOGIN_ID_MAX_LENGTH,
  trim: true,
  plausible: fc.oneof(typedText(1, 30), fc.constantFrom(" siti_rahman ", "ALEX_TAN")),
};
const password: Field = { kind: "text", max: PASSWORD_MAX_LENGTH, secret: true, plausible: typedPassword };
const answer: Field = {
  kind: "text",
  max: ANSWER_FIELD_MAX_LENGTH,
  secret: true,
  plausible: typedText(1, 90),
};
const question: Field = {
  kind: "question",
  plausible: fc.oneof(
    fc.integer({ min: 0, max: 9 }).map(String),
    fc.constantFrom(" 3 ", "3.0", "0x3", "3e0", "2.5", "-1", "08"),
  ),
};
const userId: Field = {
  kind: "rowId",
  plausible: fc.oneof(
    fc.integer({ min: -5, max: ROW_ID_MAX }).map(String),
    fc.constantFrom("2147483647", "2147483648", "1e3", "1.5", " 7 "),
  ),
};

const isSecret = (field: Field) =>
  field.kind === "optionalSecret" || (field.kind === "text" && !!field.secret);

/** The words the field's error must be, or null when the value is acceptable. */
function expectedError(field: Field, value: string | undefined): string | null {
  if (field.kind === "question") {
    const n = Number(value);
    return value !== undefined && Number.isInteger(n) && n >= 1 && n <= 8 ? null : m.chooseQuestion;
  }
  // An id is written in digits only, as the pages write it: no sign, space, exponent or leading 0.
  if (field.kind === "rowId") {
    const ok = value !== undefined && /^[1-9][0-9]*$/.test(value) && Number(value) <= ROW_ID_MAX;
    return ok ? null : en.admin.notAllowed;
  }
  // Lengths are counted in characters (code points), as the policy counts a password's.
  const characters = (text = "") => (text.length > 2 * field.max ? text.length : [...text].length);
  if (field.kind === "optionalSecret") return characters(value) > field.max ? m.tooLong(field.max) : null;
  const text = field.trim ? value?.trim() : value;
  if (!text) return m.required;
  if (characters(text) > field.max) return m.tooLong(field.max);
  return /\p{Cc}/u.test(text) ? m.invalid : null;
}

/** The value a field yields once accepted. */
function expectedValue(field: Field, value: string | undefined): unknown {
  if (field.kind === "question" || field.kind === "rowId") return Number(value);
  return field.kind === "text" && field.trim ? value?.trim() : value;
}

const firstString = (formData: FormData, name: string) =>
  formData.getAll(name).find((value): value is string => typeof value === "string");

type FormCase = {
  form: string;
  fields: Record<string, Field>;
  /** What the form's action runs first: parseForm with its schema and refusal. */
  handle: (formData: FormData) => Parsed<unknown>;
  message?: string;
  /** The only values that may go back into the form. */
  values?: (formData: FormData) => Record<string, string>;
};

const CASES: FormCase[] = [
  {
    form: "login",
    fields: { loginId, password },
    handle: (formData) => parseForm(loginSchema, formData, loginRefusal(formData)),
    values: (formData) => {
      const typed = formData.get("loginId");
      return { loginId: typeof typed === "string" ? typed.slice(0, LOGIN_ID_MAX_LENGTH) : "" };
    },
  },
  { form: "sspr search", fields: { loginId }, handle: (formData) => parseForm(ssprSearchSchema, formData) },
  {
    form: "one-time reset code",
    fields: {
      loginId,
      code: {
        kind: "text",
        max: RESET_CODE_FIELD_MAX_LENGTH,
        trim: true,
        secret: true,
        plausible: fc.oneof(typedText(1, 12), fc.constant("acde-7kmn")),
      },
    },
    handle: (formData) => parseForm(resetCodeSchema, formData),
  },
  {
    form: "challenge answers",
    fields: { answer1: answer, answer2: answer },
    handle: (formData) => parseForm(challengeSchema, formData),
  },
  {
    form: "new password (reset)",
    fields: { newPassword: password, confirmPassword: password },
    handle: (formData) => parseForm(newPasswordSchema, formData, newPasswordRefusal(en)),
    message: en.changePassword.fixErrors,
  },
  {
    form: "change password",
    fields: { currentPassword: password, newPassword: password, confirmPassword: password },
    handle: (formData) => parseForm(changePasswordSchema, formData, newPasswordRefusal(en)),
    message: en.changePassword.fixErrors,
  },
  {
    form: "setup questions",
    fields: {
      ...{ question1: question, question2: question, question3: question },
      ...{ answer1: answer, answer2: answer, answer3: answer },
      currentPassword: { kind: "optionalSecret", max: PASSWORD_MAX_LENGTH, plausible: typedPassword },
    },
    handle: (formData) => parseForm(setupQuestionsSchema, formData, setupRefusal(formData, en)),
    message: en.setup.fixErrors,
    values: (formData) =>
      Object.fromEntries(
        [1, 2, 3].map((i) => [`question${i}`, (firstString(formData, `question${i}`) ?? "").slice(0, 2)]),
      ),
  },
  // A bad id is "not allowed", like another school's student (the action says so above the form).
  { form: "admin unlock", fields: { userId }, handle: (formData) => parseForm(studentIdSchema, formData) },
];

describe("each form's server-side handling under 10,000 hostile posts", () => {
  it.each(CASES)("$form: never throws, names what is wrong, echoes no secret", (c) => {
    const outcomes = { accepted: 0, refused: 0 };
    const plausible = Object.fromEntries(Object.entries(c.fields).map(([name, f]) => [name, f.plausible]));
    const property = fc.property(formEntries(plausible), (entries) => {
      const formData = toFormData(entries);
      const raw = Object.fromEntries(
        Object.keys(c.fields).map((name) => [name, firstString(formData, name)]),
      );
      const errors = Object.entries(c.fields)
        .map(([name, field]) => [name, expectedError(field, raw[name])] as const)
        .filter((entry): entry is readonly [string, string] => entry[1] !== null);
      const result = c.handle(formData);
      // node:assert, not expect: a tenth of the cost, and 70,000 runs add up.
      if (errors.length === 0) {
        outcomes.accepted++;
        assert.ok(result.ok, JSON.stringify(result));
        const data = result.data as Record<string, unknown>;
        const names = Object.keys(c.fields);
        assert.deepStrictEqual(
          Object.fromEntries(names.map((name) => [name, data[name]])),
          Object.fromEntries(names.map((name) => [name, expectedValue(c.fields[name]!, raw[name])])),
        );
        return;
      }
      outcomes.refused++;
      const values = c.values?.(formData);
      assert.deepStrictEqual(result, {
        ok: false,
        state: {
          status: "error",
          ...(c.message && { message: c.message }),
          fieldErrors: Object.fromEntries(errors),
          ...(values && { values }),
        },
      });
      const words = wordsOf(result.state);
      assert.ok(words.length > 0 && words.every((text) => PAGE_TEXTS.has(text)), words.join(" | "));
      // No secret goes back: the words are fixed texts, and values come from non-secret fields only.
      assert.ok(Object.keys(values ?? {}).every((name) => !isSecret(c.fields[name]!)));
    });
    fc.assert(property, { numRuns: RUNS });
    // Both outcomes were exercised, each in more than 2% of the runs.
    expect(Math.min(outcomes.accepted, outcomes.refused)).toBeGreaterThan(RUNS / 50);
  });
});
