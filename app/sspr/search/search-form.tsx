"use client";
import { Field, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { useFormAction } from "@/app/components/use-form-action";
import { LOGIN_ID_MAX_LENGTH } from "@/lib/forms/state";
import type { Messages } from "@/lib/messages";
import { searchLoginId } from "../actions";

export type SearchWords = Pick<Messages["sspr"], "loginId" | "searchIntro" | "search"> & { summary: string };

export function SearchForm({ t }: { t: SearchWords }) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(searchLoginId);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} summary={t.summary} />
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
