"use client";
import { FormMessage } from "@/app/components/field";
import { LoginIdField } from "@/app/components/login-id-field";
import { SubmitButton } from "@/app/components/submit-button";
import { useFormAction } from "@/app/components/use-form-action";
import { askGuardian } from "./actions";

export type GuardianWords = { loginId: string; send: string; summary: string };

/** The Login ID whose guardian is asked for approval; the words come from the page. */
export function GuardianForm({ t }: { t: GuardianWords }) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(askGuardian);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} summary={t.summary} />
      <LoginIdField label={t.loginId} {...fieldProps("loginId")} />
      <SubmitButton>{t.send}</SubmitButton>
    </form>
  );
}
