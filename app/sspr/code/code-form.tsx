"use client";
import { Field, FormMessage } from "@/app/components/field";
import { LoginIdField } from "@/app/components/login-id-field";
import { SubmitButton } from "@/app/components/submit-button";
import { useFormAction } from "@/app/components/use-form-action";
import { RESET_CODE_FIELD_MAX_LENGTH, type FormAction } from "@/lib/forms/state";

export type CodeWords = { loginId: string; code: string; codeHint: string; useCode: string; summary: string };

/** Login ID and a one-time code: the teacher's (/sspr/code) or the one in the guardian's e-mail
 *  (/sspr/guardian/code). The words, the action and the Login ID to start with come from the page. */
export function CodeForm({ t, action, loginId }: { t: CodeWords; action: FormAction; loginId?: string }) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} summary={t.summary} />
      <LoginIdField
        label={t.loginId}
        defaultValue={state.values?.loginId ?? loginId}
        {...fieldProps("loginId")}
      />
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
