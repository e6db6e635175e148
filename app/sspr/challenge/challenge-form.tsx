"use client";
import { Field, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { useSchemaForm } from "@/app/components/use-schema-form";
import { ANSWER_FIELD_MAX_LENGTH, challengeSchema } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { submitAnswers } from "../actions";

/** Each answer box is labelled by its question's own text. */
export function ChallengeForm({ questions }: { questions: string[] }) {
  const t = getMessages().sspr;
  const { state, formAction, onSubmit, fieldProps } = useSchemaForm(challengeSchema, submitAnswers);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      {questions.map((question, i) => (
        <Field
          key={question}
          label={question}
          autoComplete="off"
          maxLength={ANSWER_FIELD_MAX_LENGTH}
          {...fieldProps(`answer${i + 1}`)}
        />
      ))}
      <SubmitButton>{t.checkAnswers}</SubmitButton>
    </form>
  );
}
