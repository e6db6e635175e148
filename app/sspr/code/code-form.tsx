"use client";
import { Field, FormMessage } from "@/app/components/field";
import { LoginIdField } from "@/app/components/login-id-field";
import { SubmitButton } from "@/app/components/submit-button";
import { useFormAction } from "@/app/components/use-form-action";
import { RESET_CODE_FIELD_MAX_LENGTH } from "@/lib/forms/state";
import type { Messages } from "@/lib/messages";
import { redeemCode } from "../actions";

export type CodeWords = Pick<Messages["sspr"], "loginId" | "code" | "codeHint" | "useCode"> & {
  summary: string;
};

/** Login ID and the code from the teacher; the words come from the page. */
export function CodeForm({ t }: { t: CodeWords }) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(redeemCode);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} summary={t.summary} />
      <LoginIdField label={t.loginId} defaultValue={state.values?.loginId} {...fieldProps("loginId")} />
      <Field
        label={t.code}
        hint={t.codeHint}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={RESET_CODE_FIELD_MAX_LENGTH}
        {...fieldProps("code")}
      />
      <SubmitButton>{t.useCode}</SubmitButton>
    </form>
  );
}
