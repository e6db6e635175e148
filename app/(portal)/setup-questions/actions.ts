"use server";
import { unlessBusy } from "@/app/components/busy";
import { redirect } from "next/navigation";
import { requireStudent } from "@/lib/auth/guards";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import {
  fieldErrorsOf,
  formValues,
  setupQuestionsSchema,
  SETUP_POSITIONS,
  type FormState,
} from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { clientAddress } from "@/lib/request";

export async function saveAnswers(state: FormState, formData: FormData): Promise<FormState> {
  return unlessBusy(() => saveAnswersNow(state, formData));
}

async function saveAnswersNow(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStudent();
  const t = getMessages();
  const raw = formValues(formData);
  // Only the question choices go back into the form: answers and passwords are never echoed.
  const values = Object.fromEntries(
    SETUP_POSITIONS.map((i) => [`question${i}`, String(raw[`question${i}`] ?? "").slice(0, 2)]),
  );
  const parsed = setupQuestionsSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: t.setup.fixErrors, fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  const { question1, question2, question3, answer1, answer2, answer3, currentPassword } = parsed.data;
  const result = await saveSecurityAnswers(
    user,
    { questionIds: [question1, question2, question3], answers: [answer1, answer2, answer3], currentPassword },
    await clientAddress(),
  );
  if (result.status === "saved") redirect("/?saved=1");
  switch (result.status) {
    case "invalid": {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.problems).map(([field, problem]) => [
          field,
          problem === "questionMissing" ? t.errors.chooseQuestion : t.errors[problem!],
        ]),
      );
      return { status: "error", message: t.setup.fixErrors, fieldErrors, values };
    }
    case "currentPasswordRequired":
      return { status: "error", fieldErrors: { currentPassword: t.errors.required }, values };
    case "wrongCurrentPassword":
      return { status: "error", fieldErrors: { currentPassword: t.changePassword.wrongCurrent }, values };
  }
}
