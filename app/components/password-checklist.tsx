"use client";
import { useEffect, useState } from "react";
import type { ChecklistWords } from "@/lib/messages/policy";
import { checkPassword, type PasswordContext } from "@/lib/passwords/policy";

/** How long typing must pause before a screen reader hears how many rules are met. */
const ANNOUNCE_AFTER_MS = 1200;

/** The policy, ticking each rule as the new password is typed. The same code the server runs.
 *  A screen reader hears how many rules are met once typing pauses, politely, not on every key. */
export function PasswordChecklist({
  password,
  context,
  t,
}: {
  password: string;
  context: PasswordContext;
  t: ChecklistWords;
}) {
  const results = checkPassword(password, context);
  const typed = password.length > 0;
  const met = typed ? t.items.filter((i) => i.rule && results.find((r) => r.rule === i.rule)?.ok).length : 0;
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(t.progress[met] ?? ""), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [password, met, t.progress]);
  return (
    <div>
      <p id="policy-intro" className="font-semibold">
        {t.intro}
      </p>
      <ul aria-label={t.label} className="mt-2 space-y-2">
        {t.items.map((item) => {
          const ok = item.rule ? typed && results.find((r) => r.rule === item.rule)?.ok === true : null;
          return (
            <li
              key={item.text}
              className="flex gap-2"
              data-rule={item.rule ?? "info"}
              data-met={ok === null ? undefined : String(ok)}
            >
              <span
                aria-hidden="true"
                className={`w-5 shrink-0 font-bold ${ok ? "text-green-700" : "text-slate-500"}`}
              >
                {ok === null ? "•" : ok ? "✓" : "○"}
              </span>
              <span>
                {item.text}
                {ok !== null && <span className="sr-only"> ({ok ? t.met : t.notMet})</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <p aria-live="polite" aria-atomic="true" className="sr-only" data-testid="policy-progress">
        {typed ? announced : ""}
      </p>
    </div>
  );
}
