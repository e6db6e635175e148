"use client";
import { Field, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { useSchemaForm } from "@/app/components/use-schema-form";
import { LOGIN_ID_MAX_LENGTH, ssprSearchSchema } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { searchLoginId } from "../actions";

export function SearchForm() {
  const t = getMessages().sspr;
  const { state, formAction, onSubmit, fieldProps } = useSchemaForm(ssprSearchSchema, searchLoginId);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field
        label={t.loginId}
        hint={t.searchIntro}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={LOGIN_ID_MAX_LENGTH}
        {...fieldProps("loginId")}
      />
      <SubmitButton>{t.search}</SubmitButton>
    </form>
  );
}
