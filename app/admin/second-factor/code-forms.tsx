"use client";
import { Field, FormMessage } from "@/app/components/field";
import { LinkButton } from "@/app/components/card";
import { SubmitButton } from "@/app/components/submit-button";
import { useSchemaForm } from "@/app/components/use-schema-form";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/forms/second-factor";
import { schoolMessages } from "@/lib/messages/school";
import { errorWords } from "@/lib/forms/parse";

import { confirmEnrolmentAction, recoveryCodeAction, verifyCodeAction } from "./actions";

/** The school's pages are English: the codes' fields are at most 64 characters. */
const ERROR_WORDS = errorWords(schoolMessages(), [64]);

const codeInput = {
  inputMode: "numeric",
  autoComplete: "one-time-code",
  maxLength: 12,
  spellCheck: false,
} as const;

/** The 6-digit code of a later sign-in. */
export function VerifyCodeForm() {
  const t = schoolMessages().secondFactor;
  const { state, formAction, onSubmit, fieldProps } = useSchemaForm(
    totpCodeSchema,
    verifyCodeAction,
    ERROR_WORDS,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field label={t.code} hint={t.codeHint} {...codeInput} {...fieldProps("code")} />
      <SubmitButton>{t.verify}</SubmitButton>
    </form>
  );
}

/** A recovery code instead: for a lost or broken phone. */
export function RecoveryCodeForm() {
  const t = schoolMessages().secondFactor;
  const { state, formAction, onSubmit, fieldProps } = useSchemaForm(
    recoveryCodeSchema,
    recoveryCodeAction,
    ERROR_WORDS,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field
        label={t.recoveryCode}
        hint={t.recoveryHint}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={24}
        {...fieldProps("recoveryCode")}
      />
      <SubmitButton variant="secondary">{t.useRecovery}</SubmitButton>
    </form>
  );
}

export type EnrolmentView = { qrCode: string; secret: string };

/** Enrolment: the QR code and key, the first code to confirm, then the recovery codes, once.
 *  `home`: where the person goes on from here (an administrator's or a teacher's page). */
export function EnrolForm({
  enrolment,
  home,
}: {
  enrolment: EnrolmentView | null;
  home: { href: string; label: string };
}) {
  const t = schoolMessages().secondFactor;
  const { state, formAction, onSubmit, fieldProps } = useSchemaForm(
    totpCodeSchema,
    confirmEnrolmentAction,
    ERROR_WORDS,
  );
  const recoveryCodes = state.generated?.split(" ") ?? [];
  return (
    <div aria-live="polite" className="space-y-5">
      {recoveryCodes.length > 0 ? (
        <section aria-labelledby="recovery-codes-heading" className="space-y-4">
          <h2 id="recovery-codes-heading" className="text-xl font-bold">
            {t.recoveryHeading}
          </h2>
          <p>{t.recoveryIntro}</p>
          <ul
            aria-labelledby="recovery-codes-heading"
            className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-lg"
          >
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <LinkButton href={home.href}>{home.label}</LinkButton>
        </section>
      ) : enrolment ? (
        <>
          <p className="font-semibold">{t.scanStep}</p>
          {/* A data: image (allowed by the CSP's img-src), not inline markup or a request. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={enrolment.qrCode}
            alt={t.qrLabel}
            width={240}
            height={240}
            className="h-60 w-60 bg-white"
          />
          <p>{t.manualStep}</p>
          <p>
            <span className="font-semibold">{t.secretLabel}: </span>
            <code data-testid="totp-secret" className="break-all font-mono text-lg">
              {enrolment.secret}
            </code>
          </p>
          <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
            <p className="font-semibold">{t.confirmStep}</p>
            <FormMessage state={state} />
            <Field label={t.code} hint={t.codeHint} {...codeInput} {...fieldProps("code")} />
            <SubmitButton>{t.confirm}</SubmitButton>
          </form>
        </>
      ) : (
        <>
          <p>{t.alreadySetUp}</p>
          <LinkButton href={home.href}>{home.label}</LinkButton>
        </>
      )}
    </div>
  );
}
