"use server";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { startYearlyReset } from "@/lib/data/yearly-reset";
import { parseFormSchool } from "@/lib/form-handlers";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/request";
import { yearlyResetSchema } from "./form-schema";

export async function startReset(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const raw = formValues(formData);
  const values = { scope: String(raw.scope ?? "").slice(0, 100) };
  // The school the page showed, not one chosen since in another tab.
  const school = parseFormSchool(formData, admin.schoolId);
  if (!school.ok) return { ...school.state, values };
  const parsed = yearlyResetSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const scope = { schoolId: school.data, className: parsed.data.scope };
  const result = await startYearlyReset(admin, scope, await clientInfo());
  if (result.status === "noStudents") {
    return { status: "error", fieldErrors: { scope: getMessages().cohort.noStudents }, values };
  }
  redirect(`/admin/slips/${result.slipSetId}`);
}
