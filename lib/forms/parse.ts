// The one way a server action reads its form: FormData through the form's zod schema, and out
// either the typed data or the state the page shows, with the first error of each field. Pure, so
// the property tests (tests/unit/hostile-forms.test.ts) drive exactly what the actions run.
import type { z } from "zod";
import { en, type Messages } from "@/lib/messages/en";
import { sayError, type ErrorWords, type FormState } from "./state";

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** What a refused post shows besides the errors next to its fields. */
export type Refusal = {
  /** Words above the form. */
  message?: string;
  /** Non-secret values to put back into the form; never a password or an answer. */
  values?: Record<string, string>;
};

/** `t`: the reader's words (the families' actions pass theirs; the school's forms are English). */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  refusal: Refusal = {},
  t: Messages = en,
): Parsed<z.output<S>> {
  const parsed = schema.safeParse(formValues(formData));
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, state: { status: "error", ...refusal, fieldErrors: fieldErrorsOf(parsed.error, t) } };
}

/** The first error of each field, in the reader's words, as the page shows it next to the field. */
export function fieldErrorsOf(error: z.ZodError, t: Messages = en): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= sayErrorIn(issue.message, t);
  }
  return errors;
}

/** A schema's error code (lib/forms/state.ts) in the words of `t`. */
export function sayErrorIn(code: string, t: Messages): string {
  const [key = "", number] = code.split(":");
  if (key === "tooLong" && number !== undefined) return t.errors.tooLong(Number(number));
  return sayError(code, errorWords(t));
}

/** The errors' words a page hands its browser form, for the codes its schema can say: every
 *  plain one, and "tooLong" for each limit given. */
export function errorWords(t: Messages, limits: readonly number[] = []): ErrorWords {
  const words: ErrorWords = {};
  for (const [key, value] of Object.entries(t.errors)) if (typeof value === "string") words[key] = value;
  for (const max of limits) words[`tooLong:${max}`] = t.errors.tooLong(max);
  return words;
}

/** FormData to a plain object of strings: files and repeated keys are dropped. */
export function formValues(formData: FormData): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !(key in values) && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
