"use client";
import { Field, FieldError, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { useSchemaForm } from "@/app/components/use-schema-form";
import { FIRST_SETUP_WITHOUT_PASSWORD_MINUTES } from "@/lib/reset/answers";
import { SETUP_POSITIONS, setupQuestionsSchema } from "@/lib/forms/questions";
import { ANSWER_FIELD_MAX_LENGTH } from "@/lib/forms/state";
import { getMessages } from "@/lib/messages";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";
import { SECURITY_QUESTIONS } from "@/lib/reset/questions";
import { saveAnswers } from "./actions";

type SetupFormProps = { replacing: boolean; current: number[]; askPassword: boolean };

export function SetupForm({ replacing, current, askPassword }: SetupFormProps) {
  const t = getMessages().setup;
  const { state, formAction, form, onSubmit, errorOf, fieldProps } = useSchemaForm(
    setupQuestionsSchema,
    saveAnswers,
  );
  // The server may ask for the password although the page did not (the page stayed open past
  // the minutes after signing in): the field then appears, with its error beside it.
  const showPassword = askPassword || state.fieldErrors?.currentPassword !== undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormMessage state={state} />
      <p className="font-semibold">{t.prompt}</p>
      {SETUP_POSITIONS.map((i) => {
        const select = `question${i}` as const;
        const error = errorOf(select);
        return (
          <fieldset key={i} className="space-y-3 rounded-xl border border-slate-300 p-4">
            <legend className="sr-only">{t.question(i)}</legend>
            <div className="space-y-1">
              <label htmlFor={select} className="block font-semibold">
                {t.question(i)}
              </label>
              <select
                id={select}
                defaultValue={state.values?.[select] ?? String(current[i - 1] ?? "")}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${select}-error`}
                className="block w-full rounded-lg border-2 border-slate-400 bg-white px-3 py-3 text-base"
                {...form.register(select)}
                name={select}
              >
                <option value="">{t.placeholder}</option>
                {SECURITY_QUESTIONS.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.text}
                  </option>
                ))}
              </select>
              <FieldError id={`${select}-error`} error={error} />
            </div>
            <Field
              label={t.answer(i)}
              hint={t.answerHint}
              autoComplete="off"
              maxLength={ANSWER_FIELD_MAX_LENGTH}
              {...fieldProps(`answer${i}` as const)}
            />
          </fieldset>
        );
      })}
      {showPassword && (
        <Field
          label={t.currentPassword}
          hint={
            replacing
              ? t.currentPasswordHint
              : t.currentPasswordHintLateSignIn(FIRST_SETUP_WITHOUT_PASSWORD_MINUTES)
          }
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX_LENGTH}
          {...fieldProps("currentPassword")}
        />
      )}
      <SubmitButton>{t.submit}</SubmitButton>
    </form>
  );
}
