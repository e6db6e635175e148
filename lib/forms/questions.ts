// Setup Security Questions: three questions chosen, three answers, and the current password when
// the page asks for it. The browser's resolver (app/(portal)/setup-questions/setup-form.tsx) and
// the action parse with this schema; the answers' own rules are lib/reset/answers.ts.
import { z } from "zod";
import type { SaveAnswersInput, SaveAnswersResult } from "@/lib/data/security-questions";
import type { Messages } from "@/lib/messages/en";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";
import type { QUESTIONS_TO_SET } from "@/lib/reset/questions";
import { answerField } from "./fields";
import { formValues, type Refusal } from "./parse";
import type { FormState } from "./state";

/** The form's positions, as literals so that `question${i}` names a field of the schema. */
export const SETUP_POSITIONS = [1, 2, 3] as const satisfies { length: typeof QUESTIONS_TO_SET };

const questionField = z.coerce
  .number({ error: "chooseQuestion" })
  .int({ error: "chooseQuestion" })
  .min(1, { error: "chooseQuestion" })
  .max(8, { error: "chooseQuestion" });

export const setupQuestionsSchema = z.object({
  question1: questionField,
  question2: questionField,
  question3: questionField,
  answer1: answerField,
  answer2: answerField,
  answer3: answerField,
  currentPassword: z
    .string()
    .max(PASSWORD_MAX_LENGTH, { error: `tooLong:${PASSWORD_MAX_LENGTH}` })
    .optional(),
});

/** Only the question choices go back into the form: answers and passwords are never echoed. */
export function setupRefusal(formData: FormData, t: Messages): Required<Refusal> {
  const raw = formValues(formData);
  const values = Object.fromEntries(
    SETUP_POSITIONS.map((i) => [`question${i}`, String(raw[`question${i}`] ?? "").slice(0, 2)]),
  );
  return { message: t.setup.fixErrors, values };
}

/** The parsed form as the data layer takes it. */
export function answerSetOf(data: z.output<typeof setupQuestionsSchema>): SaveAnswersInput {
  const { question1, question2, question3, answer1, answer2, answer3, currentPassword } = data;
  return {
    questionIds: [question1, question2, question3],
    answers: [answer1, answer2, answer3],
    currentPassword,
  };
}

/** An answer set the domain refused, in the page's words; `values` are the question choices. */
export function setupRefusedState(
  result: Exclude<SaveAnswersResult, { status: "saved" }>,
  values: Record<string, string>,
  t: Messages,
): FormState {
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
