"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/field";
import { PrintButton } from "@/app/components/print-button";
import { SubmitButton } from "@/app/components/submit-button";
import { schoolMessages } from "@/lib/messages/school";
import { giveResetCode } from "./actions";
import { NO_CODE, type ResetCodeState } from "./code-state";

/** Give a one-time reset code: the answer shows the code once, and its slip for the child, which
 *  prints alone (app/globals.css, `print-alone`). `codeAt`: where the child uses it (/sspr/code). */
export function ResetCodeForm({ userId, codeAt }: { userId: number; codeAt: string }) {
  const t = schoolMessages();
  const [state, formAction] = useActionState(giveResetCode, NO_CODE);
  return (
    <section aria-labelledby="reset-code-heading" className="space-y-3">
      <h2 id="reset-code-heading" className="text-xl font-bold">
        {t.admin.codeHeading}
      </h2>
      <p id="reset-code-hint">{t.admin.codeHint}</p>
      <div aria-live="polite" className="space-y-3">
        <FormMessage state={state} />
        {state.slip && (
          <>
            <p className="break-all font-mono text-2xl tracking-wide" data-testid="reset-code">
              {state.slip.code}
            </p>
            <p className="text-sm font-semibold">{t.teacher.slipOnce}</p>
            <PrintButton label={t.teacher.printSlip} />
            <CodeSlip slip={state.slip} codeAt={codeAt} />
          </>
        )}
      </div>
      <form action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton aria-describedby="reset-code-hint">{t.admin.codeButton}</SubmitButton>
      </form>
    </section>
  );
}

function CodeSlip({ slip, codeAt }: { slip: NonNullable<ResetCodeState["slip"]>; codeAt: string }) {
  const t = schoolMessages().teacher;
  const facts: [string, string, string?][] = [
    [t.slipName, slip.fullName],
    [t.slipClass, slip.className || "—"],
    [t.slipLoginId, slip.loginId, "font-mono text-lg"],
    [t.slipCode, slip.code, "font-mono text-2xl tracking-wide"],
    [t.slipUntil, slip.until],
    [t.slipWhere, codeAt, "break-all"],
  ];
  return (
    <article
      aria-label={t.slipLabel}
      className="print-alone space-y-3 rounded-xl border-2 border-dashed border-slate-400 bg-white p-5"
    >
      <h3 className="text-xl font-bold">{t.slipHeading}</h3>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr] print:grid-cols-[auto_1fr]">
        {facts.map(([term, value, style = "break-words"]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className={style}>{value}</dd>
          </div>
        ))}
      </dl>
      <p>{t.slipSteps}</p>
    </article>
  );
}
