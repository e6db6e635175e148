// The school's forms on one student (/admin): unlock, reset the password, clear the questions,
// disable or enable the account. Each posts the student's id in a hidden field.
import { z } from "zod";
import { getMessages } from "@/lib/messages";
import { en } from "@/lib/messages/en";
import { rowIdField } from "./fields";
import { FORM_TOKEN_FIELD, type FormState } from "./state";

/** A form that acts on one student. */
export const studentIdSchema = z.object({ userId: rowIdField(en.admin.notAllowed) });

/** Reset password: the student and the form's one-time token, which the data layer checks (a
 *  missing one reads as expired). */
export const studentResetSchema = studentIdSchema.extend({ [FORM_TOKEN_FIELD]: z.string().catch("") });

/** A malformed id and another school's student get the same words. */
export function notAllowedState(): FormState {
  return { status: "error", message: getMessages().admin.notAllowed };
}
