"use client";
import { useActionState, useId } from "react";
import { FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { FORM_TOKEN_FIELD, IDLE, type FormAction, type FormState } from "@/lib/forms/state";
import { LOCALE_NAMES, LOCALE_TAGS } from "@/lib/messages/locales";
import { schoolMessages } from "@/lib/messages/school";
import { STUDENT_LANGUAGES, type StudentLanguage } from "@/lib/school/student-language";
import { changeLanguage, giveResetCode, giveTemporaryPassword } from "./actions";

/** A form whose answer carries a secret made for the reader (`state.generated`): a temporary
 *  password, a one-time reset code. It is shown here once, from the action's answer only. */
function GivesSecret({
  id,
  heading,
  hint,
  label,
  action,
  button,
  children,
  secondary = false,
}: {
  id: string;
  heading: string;
  hint: string;
  label: string;
  action: FormAction;
  button: string;
  /** Hidden fields, from the latest answer. */
  children: (state: FormState) => React.ReactNode;
  secondary?: boolean;
}) {
  const t = schoolMessages().admin;
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        {heading}
      </h2>
      <p id={`${id}-hint`}>{hint}</p>
      <div aria-live="polite" className="space-y-2">
        <FormMessage state={state} />
        {state.generated && (
          <div className="rounded-lg border-2 border-brand p-3">
            <p className="text-sm font-semibold">{label}</p>
            <p className="break-all font-mono text-xl tracking-wide" data-testid={id}>
              {state.generated}
            </p>
            <p className="text-sm">{t.resetOnce}</p>
          </div>
        )}
      </div>
      <form action={formAction}>
        {children(state)}
        <SubmitButton variant={secondary ? "secondary" : "primary"} aria-describedby={`${id}-hint`}>
          {button}
        </SubmitButton>
      </form>
    </section>
  );
}

/** Reset password: a temporary password. The form's one-time token (from the page, then from each
 *  answer) makes a repeated post harmless. */
export function ResetPasswordForm({ userId, formToken }: { userId: number; formToken: string }) {
  const t = schoolMessages().admin;
  return (
    <GivesSecret
      id="temporary-password"
      heading={t.resetHeading}
      hint={t.resetHint}
      label={t.temporaryPassword}
      action={giveTemporaryPassword}
      button={t.resetButton}
    >
      {(state) => (
        <>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name={FORM_TOKEN_FIELD} value={state.formToken ?? formToken} />
        </>
      )}
    </GivesSecret>
  );
}

/** A one-time reset code: the child types it at Forgot Password? (/sspr/code). */
export function ResetCodeForm({ userId }: { userId: number }) {
  const t = schoolMessages().admin;
  return (
    <GivesSecret
      id="reset-code"
      heading={t.codeHeading}
      hint={t.codeHint}
      label={t.codeLabel}
      action={giveResetCode}
      button={t.codeButton}
      secondary
    >
      {() => <input type="hidden" name="userId" value={userId} />}
    </GivesSecret>
  );
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** One button acting on the student, its explanation, and the answer announced above it. */
export function StudentAction({
  userId,
  action,
  heading,
  hint,
  button,
}: {
  userId: number;
  action: Action;
  heading?: string;
  hint?: string;
  button: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const id = useId();
  return (
    <section aria-labelledby={heading ? `${id}-heading` : undefined} className="space-y-2">
      {heading && (
        <h2 id={`${id}-heading`} className="text-xl font-bold">
          {heading}
        </h2>
      )}
      {hint && <p id={`${id}-hint`}>{hint}</p>}
      <FormMessage state={state} />
      <form action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton variant="secondary" aria-describedby={hint ? `${id}-hint` : undefined}>
          {button}
        </SubmitButton>
      </form>
    </section>
  );
}

/** The language of the family's notices: each language named in itself, or not set. */
export function StudentLanguageForm({
  userId,
  language,
}: {
  userId: number;
  language: StudentLanguage | null;
}) {
  const t = schoolMessages().admin;
  const [state, formAction] = useActionState(changeLanguage, IDLE);
  return (
    <section aria-labelledby="language-heading" className="space-y-2">
      <h2 id="language-heading" className="text-xl font-bold">
        {t.languageHeading}
      </h2>
      <p id="language-hint">{t.languageHint}</p>
      <FormMessage state={state} />
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="userId" value={userId} />
        <div className="space-y-1">
          <label htmlFor="language" className="block font-semibold">
            {t.languageLabel}
          </label>
          {/* Keyed by the saved language: after a change the page's new value is shown. */}
          <select
            id="language"
            name="language"
            key={language ?? ""}
            defaultValue={language ?? ""}
            aria-describedby="language-hint"
            className="block w-full rounded-lg border-2 border-slate-400 bg-white px-3 py-3 text-lg"
          >
            <option value="">{t.languageNotSet}</option>
            {STUDENT_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={LOCALE_TAGS[code]}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton variant="secondary">{t.languageButton}</SubmitButton>
      </form>
    </section>
  );
}
