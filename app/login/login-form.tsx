"use client";
import { FormMessage } from "@/app/components/field";
import { LoginIdField } from "@/app/components/login-id-field";
import { PasswordField, type RevealWords } from "@/app/components/password-field";
import { SubmitButton } from "@/app/components/submit-button";
import { useFormAction } from "@/app/components/use-form-action";
import type { Messages } from "@/lib/messages";
import { PASSWORD_MAX_LENGTH } from "@/lib/passwords/policy";
import { logIn } from "./actions";

export type LoginWords = Pick<Messages["login"], "loginId" | "loginIdHint" | "password" | "submit"> & {
  summary: string;
  reveal: RevealWords;
};

/** The words come from the page (lib/messages on the server): the browser loads none it does
 *  not show. */
export function LoginForm({ t }: { t: LoginWords }) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(logIn);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} summary={t.summary} />
      <LoginIdField
        label={t.loginId}
        hint={t.loginIdHint}
        defaultValue={state.values?.loginId}
        {...fieldProps("loginId")}
      />
      <PasswordField
        label={t.password}
        reveal={t.reveal}
        autoComplete="current-password"
        maxLength={PASSWORD_MAX_LENGTH}
        {...fieldProps("password")}
      />
      <SubmitButton>{t.submit}</SubmitButton>
    </form>
  );
}
