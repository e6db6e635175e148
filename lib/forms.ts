// One zod schema per form: the browser's resolver and the server action parse with the same one.
// Limits come first, so a 1 MB value is refused before any work is done on it.
import { z } from "zod";
import { en } from "./messages/en";
import { PASSWORD_MAX_LENGTH } from "./password-policy";
import { ANSWER_FIELD_MAX_LENGTH, LOGIN_ID_MAX_LENGTH } from "./form-state";
import { QUESTIONS_TO_SET } from "./questions";

export {
  ANSWER_FIELD_MAX_LENGTH,
  IDLE,
  LOGIN_ID_MAX_LENGTH,
  type FormAction,
  type FormState,
} from "./form-state";

const m = en.errors;
// C0/C1 control characters (NUL, ESC, …) are never part of a Login ID, password or answer.
const noControl = (value: string) => !/\p{Cc}/u.test(value);

const text = (max: number, options: { trim?: boolean } = {}) =>
  z
    .string({ error: m.required })
    .transform((value) => (options.trim ? value.trim() : value))
    .pipe(
      z
        .string()
        .min(1, { error: m.required })
        .max(max, { error: m.tooLong(max) })
        .refine(noControl, { error: m.invalid }),
    );

export const loginIdField = text(LOGIN_ID_MAX_LENGTH, { trim: true });
export const passwordField = text(PASSWORD_MAX_LENGTH);

export const loginSchema = z.object({ loginId: loginIdField, password: passwordField });

export const ssprSearchSchema = z.object({ loginId: loginIdField });

export const challengeSchema = z.object({
  answer1: text(ANSWER_FIELD_MAX_LENGTH),
  answer2: text(ANSWER_FIELD_MAX_LENGTH),
});

export const newPasswordSchema = z.object({ newPassword: passwordField, confirmPassword: passwordField });

export const changePasswordSchema = newPasswordSchema.extend({ currentPassword: passwordField });

const questionField = z.coerce
  .number({ error: m.chooseQuestion })
  .int({ error: m.chooseQuestion })
  .min(1, { error: m.chooseQuestion })
  .max(8, { error: m.chooseQuestion });

export const setupQuestionsSchema = z.object({
  question1: questionField,
  question2: questionField,
  question3: questionField,
  answer1: text(ANSWER_FIELD_MAX_LENGTH),
  answer2: text(ANSWER_FIELD_MAX_LENGTH),
  answer3: text(ANSWER_FIELD_MAX_LENGTH),
  currentPassword: z
    .string()
    .max(PASSWORD_MAX_LENGTH, { error: m.tooLong(PASSWORD_MAX_LENGTH) })
    .optional(),
});
export const SETUP_POSITIONS = Array.from({ length: QUESTIONS_TO_SET }, (_, i) => i + 1);

/** Row ids are PostgreSQL integers: no row has a larger id, and PostgreSQL refuses to compare one. */
export const ROW_ID_MAX = 2_147_483_647;

/** The hidden field of a form that acts on a whole school (the yearly reset, an import): the
 *  school the page was showing (lib/form-handlers.ts parseFormSchool). */
export const SCHOOL_FIELD = "schoolId";

/** The hidden field of a form whose post must not be repeated: its one-time token
 *  (lib/data/form-tokens.ts). */
export const FORM_TOKEN_FIELD = "formToken";

/** A form that acts on one student: unlock, reset password. */
export const unlockSchema = z.object({ userId: z.coerce.number().int().positive().max(ROW_ID_MAX) });

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
