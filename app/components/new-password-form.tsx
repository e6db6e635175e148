"use client";
import { changePasswordSchema, newPasswordSchema, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { PASSWORD_MAX_LENGTH, type PasswordContext } from "@/lib/password-policy";
import { Field, FormMessage } from "./field";
import { PasswordChecklist } from "./password-checklist";
import { SubmitButton } from "./submit-button";
import { useSchemaForm } from "./use-schema-form";

type Props = {
  context: PasswordContext;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Signed in: the current password first. */
  askCurrent?: boolean;
  cancelAction?: () => Promise<void>;
};

/** New Password and Confirm Password, with the policy ticking live. */
export function NewPasswordForm({ context, action, askCurrent = false, cancelAction }: Props) {
  const t = getMessages().changePassword;
  const schema = askCurrent ? changePasswordSchema : newPasswordSchema;
  const { state, formAction, form, onSubmit, fieldProps } = useSchemaForm(schema, action);
  const password = form.watch("newPassword") as string | undefined;
  return (
    <div className="space-y-5">
      <PasswordChecklist password={password ?? ""} context={context} />
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
        <FormMessage state={state} />
        <p className="font-semibold">{t.prompt}</p>
        {/* Lets password managers save the new password against the right account. */}
        <input type="text" name="username" autoComplete="username" value={context.loginId} readOnly hidden />
        {askCurrent && (
          <Field
            label={t.currentPassword}
            type="password"
            autoComplete="current-password"
            maxLength={PASSWORD_MAX_LENGTH}
            {...fieldProps("currentPassword")}
          />
        )}
        <Field
          label={t.newPassword}
          hint={t.newPasswordHint}
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          {...fieldProps("newPassword")}
        />
        <Field
          label={t.confirmPassword}
          hint={t.confirmPasswordHint}
          type="password"
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
