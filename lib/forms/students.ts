// The school's forms on one student (/admin): unlock, reset the password, clear the questions,
// disable or enable the account, the language of the notices. Each posts the student's id in a
// hidden field.
import { z } from "zod";
import { schoolMessages } from "@/lib/messages/school";

/** The school's forms speak English (lib/messages/school.ts). */
const words = schoolMessages();
import { STUDENT_LANGUAGES } from "@/lib/school/student-language";
import { rowIdField } from "./fields";
import { FORM_TOKEN_FIELD, type FormState } from "./state";

/** A form that acts on one student. */
export const studentIdSchema = z.object({ userId: rowIdField(words.admin.notAllowed) });

/** Reset password: the student and the form's one-time token, which the data layer checks (a
 *  missing one reads as expired). */
export const studentResetSchema = studentIdSchema.extend({ [FORM_TOKEN_FIELD]: z.string().catch("") });

/** The language of the student's notices: one of the four, or "" for not set (null). */
export const studentLanguageSchema = studentIdSchema.extend({
  language: z
    .enum(["", ...STUDENT_LANGUAGES], { error: words.admin.notAllowed })
    .transform((value) => (value === "" ? null : value)),
});

/** A malformed id and another school's student get the same words. */
export function notAllowedState(): FormState {
  return { status: "error", message: schoolMessages().admin.notAllowed };
}
