// The pure half of each form's server action: FormData in, and out either the typed input for the
// domain function or the state the page shows; and the domain's refusals in the page's words.
// Framework-free, so the property tests (tests/unit/hostile-forms.test.ts) drive exactly this.
import type { z } from "zod";
import type { ResetResult } from "@/lib/data/reset-grants";
import type { ChangePasswordResult } from "@/lib/data/passwords";
import type { SaveAnswersInput, SaveAnswersResult } from "@/lib/data/security-questions";
import {
  challengeSchema,
  changePasswordSchema,
  fieldErrorsOf,
  formValues,
  LOGIN_ID_MAX_LENGTH,
  loginSchema,
  newPasswordSchema,
  SETUP_POSITIONS,
  setupQuestionsSchema,
  ssprSearchSchema,
  ROW_ID_MAX,
  SCHOOL_FIELD,
  unlockSchema,
  type FormState,
} from "./forms";
import { getMessages } from "./messages";
import { policyFormState } from "./messages/policy";

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

type FieldErrors = Record<string, string>;

function parseWith<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string | undefined>,
  refused: (fieldErrors: FieldErrors) => FormState,
): Parsed<z.output<S>> {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, state: refused(fieldErrorsOf(parsed.error)) };
}

/** What goes back into the Login ID field after an error; never the password. */
export function typedLoginId(formData: FormData): string {
  const typed = formData.get("loginId");
  return typeof typed === "string" ? typed.slice(0, LOGIN_ID_MAX_LENGTH) : "";
}

export function parseLoginForm(formData: FormData) {
  return parseWith(loginSchema, formValues(formData), (fieldErrors) => ({
    status: "error",
    fieldErrors,
    values: { loginId: typedLoginId(formData) },
  }));
}

/** The same words whether the Login ID exists or not. */
export function signInFailedState(formData: FormData): FormState {
  return {
    status: "error",
    message: getMessages().login.failed,
    values: { loginId: typedLoginId(formData) },
  };
}

export function parseSsprSearchForm(formData: FormData) {
  return parseWith(ssprSearchSchema, formValues(formData), (fieldErrors) => ({
    status: "error",
    fieldErrors,
  }));
}

export function parseChallengeForm(formData: FormData) {
  return parseWith(challengeSchema, formValues(formData), (fieldErrors) => ({
    status: "error",
    fieldErrors,
  }));
}

const fixPassword = (fieldErrors: FieldErrors): FormState => ({
  status: "error",
  message: getMessages().changePassword.fixErrors,
  fieldErrors,
});

export function parseNewPasswordForm(formData: FormData) {
  return parseWith(newPasswordSchema, formValues(formData), fixPassword);
}

export function parseChangePasswordForm(formData: FormData) {
  return parseWith(changePasswordSchema, formValues(formData), fixPassword);
}

/** A new password the domain refused: a rule, a wrong current password or a spent grant. */
export function newPasswordRefusedState(
  result: Exclude<ResetResult | ChangePasswordResult, { status: "reset" } | { status: "changed" }>,
): FormState {
  const t = getMessages();
  if (result.status === "invalidGrant") return { status: "error", message: t.sspr.grantGone };
  if (result.status === "wrongCurrentPassword") {
    return { status: "error", fieldErrors: { currentPassword: t.changePassword.wrongCurrent } };
  }
  return policyFormState(result.failure, t);
}

/** Only the question choices go back into the form: answers and passwords are never echoed. */
type SetupValues = Record<string, string>;

export function parseSetupForm(formData: FormData): Parsed<{ input: SaveAnswersInput; values: SetupValues }> {
  const raw = formValues(formData);
  const values = Object.fromEntries(
    SETUP_POSITIONS.map((i) => [`question${i}`, String(raw[`question${i}`] ?? "").slice(0, 2)]),
  );
  const parsed = parseWith(setupQuestionsSchema, raw, (fieldErrors) => ({
    status: "error",
    message: getMessages().setup.fixErrors,
    fieldErrors,
    values,
  }));
  if (!parsed.ok) return parsed;
  const { question1, question2, question3, answer1, answer2, answer3, currentPassword } = parsed.data;
  const input = {
    questionIds: [question1, question2, question3],
    answers: [answer1, answer2, answer3],
    currentPassword,
  };
  return { ok: true, data: { input, values } };
}

export function setupRefusedState(
  result: Exclude<SaveAnswersResult, { status: "saved" }>,
  values: SetupValues,
): FormState {
  const t = getMessages();
  switch (result.status) {
    case "invalid": {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.problems).map(([field, problem]) => [
          field,
          problem === "questionMissing" ? t.errors.chooseQuestion : t.errors[problem!],
        ]),
      );
      return { status: "error", message: t.setup.fixErrors, fieldErrors, values };
    }
    case "currentPasswordRequired":
      return { status: "error", fieldErrors: { currentPassword: t.errors.required }, values };
    case "wrongCurrentPassword":
      return { status: "error", fieldErrors: { currentPassword: t.changePassword.wrongCurrent }, values };
  }
}

/** A malformed id and another school's student get the same words. */
export function unlockRefusedState(): FormState {
  return { status: "error", message: getMessages().admin.notAllowed };
}

export function parseUnlockForm(formData: FormData) {
  return parseWith(unlockSchema, formValues(formData), unlockRefusedState);
}

/** The school a form was made for, when it is still the school the administrator acts on. One who
 *  switched school in another tab since gets nothing done and is told to reload the page. */
export function parseFormSchool(formData: FormData, actingSchoolId: number): Parsed<number> {
  const raw = formValues(formData)[SCHOOL_FIELD] ?? "";
  const schoolId = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (schoolId <= ROW_ID_MAX && schoolId === actingSchoolId) return { ok: true, data: schoolId };
  return { ok: false, state: { status: "error", message: getMessages().cohort.schoolChanged } };
}
