"use server";
import { revalidatePath } from "next/cache";
import { requireTeacher } from "@/lib/auth/guards";
import { issueClassResetCode, unlockClassStudent } from "@/lib/data/class-students";
import { ForbiddenError } from "@/lib/data/errors";
import type { SessionUser } from "@/lib/data/users";
import { notAllowedState, parseForm, studentIdSchema, type FormState } from "@/lib/forms";
import { clientInfo, type ClientInfo } from "@/lib/http/request";
import { schoolMessages } from "@/lib/messages";
import { formatResetCode } from "@/lib/reset/reset-code";
import { schoolTime } from "@/lib/school/time";
import type { ResetCodeState } from "./code-state";

// A teacher's two actions on a student of their classes. Each checks its caller here
// (requireTeacher: a page's guard does not protect its actions), and the data function checks again
// that the student is of the teacher's school and classes: anyone else's id, a malformed one and a
// made-up one get the same "You cannot do that."

/** The student's id from the form, and the data function's answer, or null when refused. */
async function onClassStudent<R>(
  formData: FormData,
  act: (teacher: SessionUser, userId: number, client: ClientInfo) => Promise<R>,
): Promise<R | null> {
  const teacher = await requireTeacher();
  const parsed = parseForm(studentIdSchema, formData);
  if (!parsed.ok) return null;
  try {
    const result = await act(teacher, parsed.data.userId, await clientInfo());
    revalidatePath("/teacher", "layout");
    return result;
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
}

export async function unlockStudent(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await onClassStudent(formData, unlockClassStudent);
  if (!result) return notAllowedState();
  return { status: "success", message: schoolMessages().admin.unlocked(result.fullName) };
}

/** The code is shown once, in this answer, with its slip to print. */
export async function giveResetCode(_state: ResetCodeState, formData: FormData): Promise<ResetCodeState> {
  const t = schoolMessages().admin;
  const result = await onClassStudent(formData, (teacher, userId, client) =>
    issueClassResetCode(teacher, userId, client),
  );
  if (!result) return notAllowedState();
  if (result.status === "locked") return { status: "error", message: t.codeLocked(result.fullName) };
  const until = schoolTime.format(result.expiresAt);
  return {
    status: "success",
    message: t.codeDone(result.fullName, until),
    slip: {
      fullName: result.fullName,
      loginId: result.loginId,
      className: result.className ?? "",
      code: formatResetCode(result.code),
      until,
    },
  };
}
