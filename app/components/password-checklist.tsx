"use client";
import type { ChecklistWords } from "@/lib/messages/policy";
import { checkPassword, type PasswordContext } from "@/lib/passwords/policy";

/** The policy, ticking each rule as the new password is typed. The same code the server runs. */
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
    </div>
  );
}
