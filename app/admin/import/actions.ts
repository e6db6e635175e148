"use server";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { COHORT_MAX_BYTES } from "@/lib/school/cohort-csv";
import { confirmCohortImport, previewCohortImport } from "@/lib/data/import";
import { ForbiddenError } from "@/lib/data/errors";
import {
  importConfirmSchema,
  notAllowedState,
  parseForm,
  parseFormSchool,
  type FormState,
} from "@/lib/forms";
import { schoolMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/http/request";

// Both act on the school the page showed (its form's hidden field), never on one chosen since in
// another tab: that is refused, and nothing is done.

/** The uploaded file is checked into a preview; nothing is applied here. */
export async function uploadCohort(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const school = parseFormSchool(formData, admin.schoolId);
  if (!school.ok) return school.state;
  const t = schoolMessages().cohort.fileErrors;
  const file = formData.get("file");
  const refused = (error: string): FormState => ({ status: "error", fieldErrors: { file: error } });
  if (!(file instanceof File) || file.size === 0) return refused(file instanceof File ? t.empty : t.missing);
  if (file.size > COHORT_MAX_BYTES) return refused(t.tooLarge);
  const content = new Uint8Array(await file.arrayBuffer());
  const result = await previewCohortImport(admin, { schoolId: school.data, name: file.name, content });
  if (result.status === "refused") return refused(t[result.error]);
  redirect(`/admin/import/${result.batchId}`);
}

/** Applies a preview without a bad row; a second click lands on the same progress page. */
export async function confirmImport(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const school = parseFormSchool(formData, admin.schoolId);
  if (!school.ok) return school.state;
  const parsed = parseForm(importConfirmSchema, formData);
  if (!parsed.ok) return notAllowedState();
  let slipSetId: string;
  try {
    const confirm = { schoolId: school.data, batchId: parsed.data.batchId };
    const result = await confirmCohortImport(admin, confirm, await clientInfo());
    if (result.status === "gone") return { status: "error", message: schoolMessages().cohort.gone };
    slipSetId = result.slipSetId;
  } catch (error) {
    if (error instanceof ForbiddenError) return notAllowedState();
    throw error;
  }
  redirect(`/admin/slips/${slipSetId}`);
}
