"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { chooseSchoolId } from "@/lib/auth/admin-school";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { schoolAnAdminMayActOn } from "@/lib/data/actor";
import { ForbiddenError } from "@/lib/data/errors";
import { createSchool, createSchoolAdmin, grantSchool, setSchoolAdminAccess } from "@/lib/data/ministry";
import {
  adminAccessSchema,
  chooseSchoolSchema,
  grantSchoolSchema,
  parseForm,
  schoolAdminSchema,
  schoolSchema,
  type FormState,
} from "@/lib/forms";
import { schoolMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/http/request";

// Every action checks its caller (requireAdmin) and the data functions check again that the
// caller is a ministry administrator: a school administrator gets "You cannot do that."

async function refusedUnlessMinistry(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError)
      return { status: "error", message: schoolMessages().admin.notAllowed };
    throw error;
  }
}

export async function addSchool(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = parseForm(schoolSchema, formData);
  if (!parsed.ok) return parsed.state;
  const t = schoolMessages().ministry;
  return refusedUnlessMinistry(async () => {
    const result = await createSchool(admin, parsed.data, await clientInfo());
    if (result.status === "taken") return { status: "error", fieldErrors: { name: t.schoolTaken } };
    revalidatePath("/admin", "layout");
    return { status: "success", message: t.schoolAdded(result.value.name) };
  });
}

export async function addSchoolAdmin(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = parseForm(schoolAdminSchema, formData);
  if (!parsed.ok) return parsed.state;
  const t = schoolMessages().ministry;
  return refusedUnlessMinistry(async () => {
    const result = await createSchoolAdmin(admin, parsed.data, await clientInfo());
    if (result.status === "taken") return { status: "error", fieldErrors: { loginId: t.adminTaken } };
    revalidatePath("/admin", "layout");
    const { loginId, schoolName, temporaryPassword } = result.value;
    return { status: "success", message: t.adminAdded(loginId, schoolName), generated: temporaryPassword };
  });
}

export async function giveSchool(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = parseForm(grantSchoolSchema, formData);
  if (!parsed.ok) return parsed.state;
  const t = schoolMessages().ministry;
  return refusedUnlessMinistry(async () => {
    const result = await grantSchool(admin, parsed.data, await clientInfo());
    if (result.status === "unknownAdmin")
      return { status: "error", fieldErrors: { adminLoginId: t.unknownAdmin } };
    revalidatePath("/admin", "layout");
    return { status: "success", message: t.granted(result.fullName, result.schoolName) };
  });
}

export async function changeAdminAccess(_state: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = parseForm(adminAccessSchema, formData);
  if (!parsed.ok) return parsed.state;
  const t = schoolMessages().ministry;
  return refusedUnlessMinistry(async () => {
    const result = await setSchoolAdminAccess(admin, parsed.data, await clientInfo());
    if (result.status === "unknownAdmin")
      return { status: "error", fieldErrors: { adminLoginId: t.unknownAdmin } };
    revalidatePath("/admin", "layout");
    return { status: "success", message: (parsed.data.enabled ? t.enabled : t.disabled)(result.fullName) };
  });
}

/** Switches the school the administrator acts on, when they may act on it. */
export async function switchSchool(formData: FormData): Promise<void> {
  await requireAdmin();
  // Checked against the administrator's own school and grants, not the school chosen now.
  const home = (await currentUser())!;
  const parsed = parseForm(chooseSchoolSchema, formData);
  if (parsed.ok && (await schoolAnAdminMayActOn(home, parsed.data.schoolId))) {
    await chooseSchoolId(parsed.data.schoolId);
  }
  redirect("/admin");
}
