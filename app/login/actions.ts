"use server";
import { isHashingBusy, unlessBusy } from "@/app/components/busy";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { fieldErrorsOf, formValues, LOGIN_ID_MAX_LENGTH, loginSchema, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";

export async function logIn(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => logInNow(state, formData));
}

async function logInNow(_state: FormState, formData: FormData): Promise<FormState> {
  const t = getMessages();
  const parsed = loginSchema.safeParse(formValues(formData));
  const typed = formData.get("loginId");
  const loginId = typeof typed === "string" ? typed.slice(0, LOGIN_ID_MAX_LENGTH) : "";
  if (!parsed.success)
    return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: { loginId } };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    // The same words whether the Login ID exists or not.
    if (error instanceof AuthError && !isHashingBusy(error))
      return { status: "error", message: t.login.failed, values: { loginId } };
    throw error;
  }
  redirect("/");
}
