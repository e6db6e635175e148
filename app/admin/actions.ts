"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireAdmin } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/data/users";
import {
  clearSecurityQuestions,
  issueResetCode,
  resetPasswordFormToken,
  resetStudentPassword,
  setStudentEnabled,
  setStudentLanguage,
  unlockAccount,
  type AdminReset,
} from "@/lib/data/student-accounts";
import { ForbiddenError } from "@/lib/data/errors";
import {
  notAllowedState,
  parseForm,
  studentIdSchema,
  studentLanguageSchema,
  studentResetSchema,
  type FormState,
} from "@/lib/forms";
import { schoolMessages } from "@/lib/messages";
import { LOCALE_NAMES } from "@/lib/messages/locales";
import { clientInfo, type ClientInfo } from "@/lib/http/request";
import { formatResetCode } from "@/lib/reset/reset-code";
import { schoolTime } from "@/lib/school/time";

export async function unlock(_state: FormState, formData: FormData): Promise<FormState> {
  // The action checks its caller itself: a page's guard does not protect its actions.
  return onStudentById(formData, unlockAccount, said(schoolMessages().admin.unlocked));
}

/** Once per form: the same post again (a reload that posts it again, without JavaScript) resets
 *  nothing and says so; the answer carries a fresh token for the next press of the button. */
export async function giveTemporaryPassword(_state: FormState, formData: FormData): Promise<FormState> {
  const t = schoolMessages().admin;
  return onStudent(formData, studentResetSchema, resetStudentPassword, (result: AdminReset, acted) => {
    const state = { formToken: resetPasswordFormToken(acted.admin, acted.userId) };
    if (result.status === "alreadyDone") return { ...state, status: "error", message: t.resetAlreadyDone };
    if (result.status === "formExpired") return { ...state, status: "error", message: t.formExpired };
    const { fullName, temporaryPassword } = result;
    return { ...state, status: "success", message: t.resetDone(fullName), generated: temporaryPassword };
  });
}

/** A one-time reset code for the student, shown once here (never kept but as its hash). */
export async function giveResetCode(_state: FormState, formData: FormData): Promise<FormState> {
  const t = schoolMessages().admin;
  return onStudent(
    formData,
    studentIdSchema,
    (admin, { userId }, client) => issueResetCode(admin, userId, client),
    (result) =>
      result.status === "locked"
        ? { status: "error", message: t.codeLocked(result.fullName) }
        : {
            status: "success",
            message: t.codeDone(result.fullName, schoolTime.format(result.expiresAt)),
            generated: formatResetCode(result.code),
          },
  );
}

type Acted = { admin: SessionUser; userId: number };

/** An action on one student: the caller is checked here and again in the data function, and
 *  a malformed id or another school's student gets the same words as a made-up id. */
async function onStudent<S extends z.ZodType<{ userId: number }, Record<string, unknown>>, R>(
  formData: FormData,
  schema: S,
  act: (admin: SessionUser, form: z.output<S>, client: ClientInfo) => Promise<R>,
  done: (result: R, acted: Acted) => FormState,
): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return notAllowedState();
  let result: R;
  try {
    result = await act(admin, parsed.data, await clientInfo());
  } catch (error) {
    if (error instanceof ForbiddenError) return notAllowedState();
    throw error;
  }
  // Every page under /admin shows it: the list, the student's own page.
  revalidatePath("/admin", "layout");
  return done(result, { admin, userId: parsed.data.userId });
}

/** The forms that post the student's id alone. */
function onStudentById<R>(
  formData: FormData,
  act: (admin: SessionUser, userId: number, client: ClientInfo) => Promise<R>,
  done: (result: R, acted: Acted) => FormState,
): Promise<FormState> {
  return onStudent(
    formData,
    studentIdSchema,
    (admin, { userId }, client) => act(admin, userId, client),
    done,
  );
}

const said = (words: (name: string) => string) => (result: { fullName: string }) => ({
  status: "success" as const,
  message: words(result.fullName),
});

export async function clearQuestions(_state: FormState, formData: FormData): Promise<FormState> {
  return onStudentById(formData, clearSecurityQuestions, said(schoolMessages().admin.cleared));
}

export async function disableAccount(_state: FormState, formData: FormData): Promise<FormState> {
  const t = schoolMessages().admin;
  return onStudentById(formData, (a, id, ip) => setStudentEnabled(a, id, false, ip), said(t.disabledDone));
}

export async function enableAccount(_state: FormState, formData: FormData): Promise<FormState> {
  const t = schoolMessages().admin;
  return onStudentById(formData, (a, id, ip) => setStudentEnabled(a, id, true, ip), said(t.enabledDone));
}

/** The language of the student's family notices, or not set (English only). */
export async function changeLanguage(_state: FormState, formData: FormData): Promise<FormState> {
  const t = schoolMessages().admin;
  return onStudent(
    formData,
    studentLanguageSchema,
    (admin, { userId, language }, client) => setStudentLanguage(admin, userId, language, client),
    ({ fullName, language }) => ({
      status: "success",
      message: t.languageDone(fullName, language ? LOCALE_NAMES[language] : null),
    }),
  );
}
