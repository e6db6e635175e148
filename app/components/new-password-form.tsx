"use client";
import { useState } from "react";
import type { FormAction } from "@/lib/forms/state";
import type { NewPasswordWords } from "@/lib/messages/policy";
import { PASSWORD_MAX_LENGTH, type PasswordContext } from "@/lib/passwords/policy";
import { FormMessage } from "./field";
import { PasswordField } from "./password-field";
import { PasswordChecklist } from "./password-checklist";
import { SubmitButton } from "./submit-button";
import { useFormAction } from "./use-form-action";

type Props = {
  context: PasswordContext;
  action: FormAction;
  /** The words, from lib/messages/policy.ts newPasswordWords on the page. */
  t: NewPasswordWords;
  /** Signed in: the current password first. */
  askCurrent?: boolean;
  cancelAction?: () => Promise<void>;
};

/** New Password and Confirm Password, with the policy ticking live. */
export function NewPasswordForm({ context, action, t, askCurrent = false, cancelAction }: Props) {
  const { state, formAction, onSubmit, fieldProps } = useFormAction(action);
  const [password, setPassword] = useState("");
  return (
    <div className="space-y-5">
      <PasswordChecklist password={password} context={context} t={t.checklist} />
      <form
        action={formAction}
        onSubmit={onSubmit}
        onReset={() => setPassword("")}
        noValidate
        className="space-y-4"
      >
        <FormMessage state={state} summary={t.summary} />
        <p className="font-semibold">{t.prompt}</p>
        {/* Lets password managers save the new password against the right account. */}
        <input type="text" name="username" autoComplete="username" value={context.loginId} readOnly hidden />
        {askCurrent && (
          <PasswordField
            label={t.currentPassword}
            reveal={t.reveal}
            autoComplete="current-password"
            maxLength={PASSWORD_MAX_LENGTH}
            {...fieldProps("currentPassword")}
          />
        )}
        <PasswordField
          label={t.newPassword}
          hint={t.newPasswordHint}
          reveal={t.reveal}
          autoComplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          onChange={(event) => setPassword(event.currentTarget.value)}
          {...fieldProps("newPassword")}
        />
        <PasswordField
          label={t.confirmPassword}
          hint={t.confirmPasswordHint}
          reveal={t.reveal}
          autoComplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          {...fieldProps("confirmPassword")}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </form>
      {cancelAction && (
        <form action={cancelAction}>
          <SubmitButton variant="secondary">{t.cancel}</SubmitButton>
        </form>
      )}
    </div>
  );
}
