"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/app/components/submit-button";
import type { Slip } from "@/lib/data/slips";
import { schoolMessages } from "@/lib/messages/school";
import { collectLoginSlips } from "./actions";
import { NOT_COLLECTED } from "./collect-state";
import { PrintButton } from "@/app/components/print-button";

/** The button that takes the slips (a POST, answered with the slips: without JavaScript too),
 *  then the slips themselves; or when they were taken, if they already were. */
export function SlipsCollector({
  slipSetId,
  collectedNote,
  signInAt,
}: {
  slipSetId: string;
  /** Set when the page found them already taken: when. */
  collectedNote: string | null;
  signInAt: string;
}) {
  const c = schoolMessages().cohort;
  const [state, formAction] = useActionState(collectLoginSlips, NOT_COLLECTED);
  if (state.status === "slips") return <SlipSheets slips={state.slips} signInAt={signInAt} />;
  const note = state.status === "idle" ? collectedNote : state.message;
  const taken = state.status === "collected" || (state.status === "idle" && collectedNote !== null);
  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-3">
        {note && (
          <p
            className={`rounded-lg p-3 font-semibold ${state.status === "error" ? "bg-red-50 text-red-800" : "bg-amber-50"}`}
          >
            {note}
          </p>
        )}
        {taken && <p>{c.collectedHelp}</p>}
      </div>
      {!note && (
        <form action={formAction} className="space-y-3">
          <p className="rounded-lg bg-green-50 p-3 font-semibold text-green-900">{c.collectIntro}</p>
          <input type="hidden" name="slipSetId" value={slipSetId} />
          <SubmitButton>{c.collectButton}</SubmitButton>
        </form>
      )}
    </div>
  );
}

function SlipSheets({ slips, signInAt }: { slips: Slip[]; signInAt: string }) {
  const c = schoolMessages().cohort;
  return (
    <>
      <div className="space-y-4 print:hidden">
        <p aria-live="polite" className="rounded-lg bg-amber-50 p-3 font-semibold">
          {c.printIntro(slips.length)}
        </p>
        <PrintButton label={c.print} />
      </div>
      <ol className="mt-6 space-y-6 print:mt-0 print:space-y-0" aria-label={c.progressHeading}>
        {slips.map((slip) => (
          <li
            key={slip.loginId}
            className="break-inside-avoid rounded-xl border-2 border-slate-400 bg-white p-5 print:break-after-page print:rounded-none print:border-0"
          >
            <article aria-label={slip.fullName} className="space-y-3">
              <h2 className="text-xl font-bold">{c.slipHeading}</h2>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr] print:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{c.slipName}</dt>
                <dd className="break-words">{slip.fullName}</dd>
                <dt className="font-semibold">{c.slipClass}</dt>
                <dd className="break-words">{slip.className ?? "—"}</dd>
                <dt className="font-semibold">{c.slipLoginId}</dt>
                <dd className="break-all font-mono text-lg">{slip.loginId}</dd>
                <dt className="font-semibold">{c.slipPassword}</dt>
                <dd className="break-all font-mono text-lg" data-testid="slip-password">
                  {slip.temporaryPassword}
                </dd>
                <dt className="font-semibold">{c.slipWhere}</dt>
                <dd className="break-all">{signInAt}</dd>
              </dl>
              <p>{c.slipReminder}</p>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
