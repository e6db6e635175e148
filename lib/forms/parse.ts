// The one way a server action reads its form: FormData through the form's zod schema, and out
// either the typed data or the state the page shows, with the first error of each field. Pure, so
// the property tests (tests/unit/hostile-forms.test.ts) drive exactly what the actions run.
import type { z } from "zod";
import type { FormState } from "./state";

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** What a refused post shows besides the errors next to its fields. */
export type Refusal = {
  /** Words above the form. */
  message?: string;
  /** Non-secret values to put back into the form; never a password or an answer. */
  values?: Record<string, string>;
};

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  refusal: Refusal = {},
): Parsed<z.output<S>> {
  const parsed = schema.safeParse(formValues(formData));
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, state: { status: "error", ...refusal, fieldErrors: fieldErrorsOf(parsed.error) } };
}

/** The first error of each field, as the page shows it next to the field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** FormData to a plain object of strings: files and repeated keys are dropped. */
export function formValues(formData: FormData): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !(key in values) && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
