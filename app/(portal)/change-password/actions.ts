"use server";
import { unlessBusy } from "@/app/components/busy";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { requireSignedIn } from "@/lib/auth/guards";
import { changeOwnPassword } from "@/lib/data/passwords";
import { changePasswordSchema, fieldErrorsOf, formValues, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { policyFormState } from "@/lib/messages/policy";
import { clientAddress } from "@/lib/request";

export async function changePassword(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => changePasswordNow(state, formData));
}

async function changePasswordNow(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireSignedIn();
  const t = getMessages();
  const parsed = changePasswordSchema.safeParse(formValues(formData));
  if (!parsed.success)
    return { status: "error", message: t.changePassword.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await changeOwnPassword(user, parsed.data, await clientAddress());
  if (result.status === "wrongCurrentPassword") {
    return { status: "error", fieldErrors: { currentPassword: t.changePassword.wrongCurrent } };
  }
  if (result.status === "policy") return policyFormState(result.failure, t);
  // Every old session has ended with the change; this one starts afresh with the new password.
  await signIn("credentials", { loginId: user.loginId, password: parsed.data.newPassword, redirect: false });
  redirect(user.role === "admin" ? "/admin" : "/");
}
