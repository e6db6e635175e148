"use client";
import { getMessages } from "@/lib/messages";
import { checklistItems } from "@/lib/messages/policy";
import { checkPassword, type PasswordContext } from "@/lib/password-policy";

/** The policy, ticking each rule as the new password is typed. The same code the server runs. */
export function PasswordChecklist({ password, context }: { password: string; context: PasswordContext }) {
  const t = getMessages();
  const results = checkPassword(password ?? "", context);
  const typed = (password ?? "").length > 0;
  return (
    <div>
      <p id="policy-intro" className="font-semibold">
        {t.changePassword.requirementsIntro}
      </p>
      <ul aria-label={t.policy.checklistLabel} className="mt-2 space-y-2">
        {checklistItems(t).map((item) => {
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
                {ok !== null && <span className="sr-only"> ({ok ? t.policy.met : t.policy.notMet})</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
