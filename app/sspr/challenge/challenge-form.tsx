"use client";
import { Field, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { useFormAction } from "@/app/components/use-form-action";
import { ANSWER_FIELD_MAX_LENGTH } from "@/lib/forms/state";
import { submitAnswers } from "../actions";

/** Each answer box is labelled by its question's own text. */
type Props = { questions: string[]; checkAnswers: string; summary: string };

export function ChallengeForm({ questions, checkAnswers, summary }: Props) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(submitAnswers);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} summary={summary} />
      {questions.map((question, i) => (
        <Field
          key={question}
          label={question}
          autoComplete="off"
          maxLength={ANSWER_FIELD_MAX_LENGTH}
          {...fieldProps(`answer${i + 1}`)}
        />
      ))}
      <SubmitButton>{checkAnswers}</SubmitButton>
    </form>
  );
}
