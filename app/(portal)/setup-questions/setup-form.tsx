"use client";
import { Field, FieldError, FormMessage } from "@/app/components/field";
import { PasswordField, type RevealWords } from "@/app/components/password-field";
import { SubmitButton } from "@/app/components/submit-button";
import { useSchemaForm } from "@/app/components/use-schema-form";
import { SETUP_POSITIONS, setupQuestionsSchema } from "@/lib/forms/questions";
import { ANSWER_FIELD_MAX_LENGTH } from "@/lib/forms/state";
import type { ErrorWords } from "@/lib/forms/state";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";
import { saveAnswers } from "./actions";

/** The words the form shows, in the reader's language, handed from the page (functions cannot
 *  cross to the browser: the page says each numbered label). */
export type SetupWords = {
  prompt: string;
  placeholder: string;
  questionLabels: string[];
  answerLabels: string[];
  answerHint: string;
  currentPassword: string;
  currentPasswordHint: string;
  submit: string;
  questions: { id: number; text: string }[];
  errors: ErrorWords;
  summary: string;
  reveal: RevealWords;
};

type SetupFormProps = { current: number[]; askPassword: boolean; t: SetupWords };

export function SetupForm({ current, askPassword, t }: SetupFormProps) {
  const { state, shown, submitted, formAction, form, onSubmit, errorOf, fieldProps } = useSchemaForm(
    setupQuestionsSchema,
    saveAnswers,
    t.errors,
  );
  // The server may ask for the password although the page did not (the page stayed open past
  // the minutes after signing in): the field then appears, with its error beside it.
  const showPassword = askPassword || state.fieldErrors?.currentPassword !== undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormMessage state={shown} summary={t.summary} focusKey={submitted} />
      <p className="font-semibold">{t.prompt}</p>
      {SETUP_POSITIONS.map((i) => {
        const select = `question${i}` as const;
        const error = errorOf(select);
        const initial = state.values?.[select] ?? String(current[i - 1] ?? "");
        const watched: unknown = form.watch(select);
        const value = typeof watched === "string" || typeof watched === "number" ? String(watched) : initial;
        const chosen = t.questions.find((q) => String(q.id) === value);
        return (
          <fieldset key={i} className="space-y-3 rounded-xl border border-slate-300 p-4">
            <legend className="sr-only">{t.questionLabels[i - 1] ?? ""}</legend>
            <div className="space-y-1">
              <label htmlFor={select} className="block font-semibold">
                {t.questionLabels[i - 1] ?? ""}
              </label>
              <select
                id={select}
                defaultValue={initial}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${select}-error`}
                className="block w-full rounded-lg border-2 border-slate-400 bg-white px-3 py-3 text-base"
                {...form.register(select)}
                name={select}
              >
                <option value="">{t.placeholder}</option>
                {t.questions.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.text}
                  </option>
                ))}
              </select>
              {/* A phone cuts a long question in the closed list: the whole of it, under the list.
                  Screen readers hear it as the list's value already. */}
              {chosen && (
                <p
                  aria-hidden="true"
                  className="rounded-md bg-slate-100 px-3 py-2"
                  data-testid={`${select}-text`}
                >
                  {chosen.text}
                </p>
              )}
              <FieldError id={`${select}-error`} error={error} />
            </div>
            <Field
              label={t.answerLabels[i - 1] ?? ""}
              hint={t.answerHint}
              autoComplete="off"
              maxLength={ANSWER_FIELD_MAX_LENGTH}
              {...fieldProps(`answer${i}` as const)}
            />
          </fieldset>
        );
      })}
      {showPassword && (
        <PasswordField
          label={t.currentPassword}
          hint={t.currentPasswordHint}
          reveal={t.reveal}
          autoComplete="current-password"
          maxLength={PASSWORD_MAX_LENGTH}
          {...fieldProps("currentPassword")}
        />
      )}
      <SubmitButton>{t.submit}</SubmitButton>
    </form>
  );
}
