"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { unlock } from "./actions";

export type LockedRow = {
  userId: number;
  loginId: string;
  fullName: string;
  className: string | null;
  lockText: string;
};

/** One action state for the whole list: the message outlives the row that was unlocked. */
export function LockedAccounts({ rows }: { rows: LockedRow[] }) {
  const t = schoolMessages().admin;
  const [state, formAction] = useActionState(unlock, IDLE);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <p>{t.noneLocked}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => (
            <li
              key={row.userId}
              aria-label={row.fullName}
              className="space-y-2 rounded-xl border border-slate-300 p-4"
            >
              <p className="font-semibold">{row.fullName}</p>
              <dl id={`locked-${row.userId}`} className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt>{t.loginId}</dt>
                <dd>{row.loginId}</dd>
                <dt>{t.className}</dt>
                <dd>{row.className ?? "—"}</dd>
                <dt>{t.lock}</dt>
                <dd>{row.lockText}</dd>
              </dl>
              <form action={formAction}>
                <input type="hidden" name="userId" value={row.userId} />
                <SubmitButton aria-describedby={`locked-${row.userId}`}>{t.unlock}</SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
