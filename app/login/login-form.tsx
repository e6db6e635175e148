"use client";
import { Field, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { useSchemaForm } from "@/app/components/use-schema-form";
import { LOGIN_ID_MAX_LENGTH, loginSchema } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { PASSWORD_MAX_LENGTH } from "@/lib/password-policy";
import { logIn } from "./actions";

export function LoginForm() {
  const t = getMessages().login;
  const { state, formAction, onSubmit, fieldProps } = useSchemaForm(loginSchema, logIn);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field
        label={t.loginId}
        hint={t.loginIdHint}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={LOGIN_ID_MAX_LENGTH}
        defaultValue={state.values?.loginId}
        {...fieldProps("loginId")}
      />
      <Field
        label={t.password}
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX_LENGTH}
        {...fieldProps("password")}
      />
      <SubmitButton>{t.submit}</SubmitButton>
    </form>
  );
}
