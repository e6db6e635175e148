"use server";
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/data/errors";
import { setGuardianApproval } from "@/lib/data/school-settings";
import {
  guardianApprovalSchema,
  notAllowedState,
  parseForm,
  parseFormSchool,
  type FormState,
} from "@/lib/forms";
import { schoolMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/http/request";

/** Turns the guardian's approval on or off for the school the page showed (the caller is checked
 *  here and again in the data function). */
export async function changeGuardianApproval(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const school = parseFormSchool(formData, admin.schoolId);
  if (!school.ok) return school.state;
  const parsed = parseForm(guardianApprovalSchema, formData);
  if (!parsed.ok) return notAllowedState();
  const t = schoolMessages().admin.settings;
  const { enabled } = parsed.data;
  try {
    const result = await setGuardianApproval(admin, { schoolId: school.data, enabled }, await clientInfo());
    revalidatePath("/admin/settings");
    if (result.status === "unchanged") return { status: "success", message: t.unchanged };
    return { status: "success", message: enabled ? t.turnedOn : t.turnedOff };
  } catch (error) {
    if (error instanceof ForbiddenError) return notAllowedState();
    throw error;
  }
}
