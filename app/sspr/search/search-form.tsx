"use client";
import { FormMessage } from "@/app/components/field";
import { LoginIdField } from "@/app/components/login-id-field";
import { SubmitButton } from "@/app/components/submit-button";
import { useFormAction } from "@/app/components/use-form-action";
import type { Messages } from "@/lib/messages";
import { searchLoginId } from "../actions";

export type SearchWords = Pick<Messages["sspr"], "loginId" | "searchIntro" | "search"> & { summary: string };

export function SearchForm({ t }: { t: SearchWords }) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(searchLoginId);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} summary={t.summary} />
      <LoginIdField label={t.loginId} hint={t.searchIntro} {...fieldProps("loginId")} />
      <SubmitButton>{t.search}</SubmitButton>
    </form>
  );
}
