// The forms that act on a whole school or a cohort: the yearly reset and confirming an import
// (the upload's file is checked by lib/school/cohort-csv.ts). Each carries the school its page showed.
import { z } from "zod";
import { schoolMessages } from "@/lib/messages/school";

/** The school's forms speak English (lib/messages/school.ts). */
const words = schoolMessages();
import { rowIdField } from "./fields";
import { parseForm, type Parsed } from "./parse";
import { SCHOOL_FIELD } from "./state";

const t = words.cohort;

/** The scope ("school", or "class:" and a class name) and the typed word. */
export const yearlyResetSchema = z.object({
  scope: z
    .string({ error: t.chooseScopeError })
    .max(100, { error: t.chooseScopeError })
    .refine((value) => value === "school" || /^class:.+$/s.test(value), { error: t.chooseScopeError })
    .transform((value) => (value === "school" ? null : value.slice("class:".length))),
  confirm: z
    .string({ error: t.confirmWrong })
    .transform((value) => value.trim())
    .refine((value) => value === t.confirmWord, { error: t.confirmWrong }),
});

/** Confirm an import: the preview's id. */
export const importConfirmSchema = z.object({ batchId: rowIdField(words.admin.notAllowed) });

const formSchoolSchema = z.object({ [SCHOOL_FIELD]: rowIdField(t.schoolChanged) });

/** The school a form was made for, when it is still the school the administrator acts on. One who
 *  switched school in another tab since gets nothing done and is told to reload the page. */
export function parseFormSchool(formData: FormData, actingSchoolId: number): Parsed<number> {
  const parsed = parseForm(formSchoolSchema, formData);
  if (parsed.ok && parsed.data[SCHOOL_FIELD] === actingSchoolId) return { ok: true, data: actingSchoolId };
  return { ok: false, state: { status: "error", message: schoolMessages().cohort.schoolChanged } };
}
