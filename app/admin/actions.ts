"use server";
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/data/users";
import type { ClientInput } from "@/lib/mail/client-info";
import {
  clearSecurityQuestions,
  resetPasswordFormToken,
  resetStudentPassword,
  setStudentEnabled,
  unlockAccount,
  type AdminReset,
} from "@/lib/data/admin";
import { ForbiddenError } from "@/lib/data/errors";
import { parseUnlockForm, unlockRefusedState } from "@/lib/form-handlers";
import { FORM_TOKEN_FIELD, formValues, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/request";

export async function unlock(_state: FormState, formData: FormData): Promise<FormState> {
  // The action checks its caller itself: a page's guard does not protect its actions.
  return onStudent(formData, unlockAccount, said(getMessages().admin.unlocked));
}

/** Once per form: the same post again (a reload that posts it again, without JavaScript) resets
 *  nothing and says so; the answer carries a fresh token for the next press of the button. */
export async function resetPassword(_state: FormState, formData: FormData): Promise<FormState> {
  const t = getMessages().admin;
  const formToken = formValues(formData)[FORM_TOKEN_FIELD] ?? "";
  const reset = (admin: SessionUser, userId: number, client: ClientInput) =>
    resetStudentPassword(admin, { userId, formToken }, client);
  return onStudent(formData, reset, (result: AdminReset, { admin, userId }): FormState => {
    const state = { formToken: resetPasswordFormToken(admin, userId) };
    if (result.status === "alreadyDone") return { ...state, status: "error", message: t.resetAlreadyDone };
    if (result.status === "formExpired") return { ...state, status: "error", message: t.formExpired };
    const { fullName, temporaryPassword } = result;
    return { ...state, status: "success", message: t.resetDone(fullName), generated: temporaryPassword };
  });
}

/** An action on one student: the caller is checked here and again in the data function, and
 *  another school's student gets the same words as a made-up id. */
async function onStudent<R extends { fullName: string }>(
  formData: FormData,
  act: (admin: SessionUser, userId: number, client: ClientInput) => Promise<R>,
  done: (result: R, acted: { admin: SessionUser; userId: number }) => FormState,
): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = parseUnlockForm(formData);
  if (!parsed.ok) return parsed.state;
  let result: R;
  try {
    result = await act(admin, parsed.data.userId, await clientInfo());
  } catch (error) {
    if (error instanceof ForbiddenError) return unlockRefusedState();
    throw error;
  }
  // Every page under /admin shows it: the list, the student's own page.
  revalidatePath("/admin", "layout");
  return done(result, { admin, userId: parsed.data.userId });
}

const said = (words: (name: string) => string) => (result: { fullName: string }) => ({
  status: "success" as const,
  message: words(result.fullName),
});

export async function clearQuestions(_state: FormState, formData: FormData): Promise<FormState> {
  return onStudent(formData, clearSecurityQuestions, said(getMessages().admin.cleared));
}

export async function disableAccount(_state: FormState, formData: FormData): Promise<FormState> {
  const t = getMessages().admin;
  return onStudent(formData, (a, id, ip) => setStudentEnabled(a, id, false, ip), said(t.disabledDone));
}

export async function enableAccount(_state: FormState, formData: FormData): Promise<FormState> {
  const t = getMessages().admin;
  return onStudent(formData, (a, id, ip) => setStudentEnabled(a, id, true, ip), said(t.enabledDone));
}
