"use server";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { startYearlyReset } from "@/lib/data/yearly-reset";
import { formValues, parseForm, parseFormSchool, yearlyResetSchema, type FormState } from "@/lib/forms";
import { schoolMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/http/request";

export async function startReset(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  // The scope chosen goes back into the form after an error.
  const values = { scope: (formValues(formData).scope ?? "").slice(0, 100) };
  // The school the page showed, not one chosen since in another tab.
  const school = parseFormSchool(formData, admin.schoolId);
  if (!school.ok) return { ...school.state, values };
  const parsed = parseForm(yearlyResetSchema, formData, { values });
  if (!parsed.ok) return parsed.state;
  const chosen = { schoolId: school.data, className: parsed.data.scope };
  const result = await startYearlyReset(admin, chosen, await clientInfo());
  if (result.status === "noStudents") {
    return { status: "error", fieldErrors: { scope: schoolMessages().cohort.noStudents }, values };
  }
  redirect(`/admin/slips/${result.slipSetId}`);
}
