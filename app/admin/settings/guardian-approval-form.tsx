"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE, SCHOOL_FIELD } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { changeGuardianApproval } from "./actions";

/** On or off, for `schoolId`: the school the page shows, which the change acts on. */
export function GuardianApprovalForm({ schoolId, enabled }: { schoolId: number; enabled: boolean }) {
  const t = schoolMessages().admin.settings;
  const [state, formAction] = useActionState(changeGuardianApproval, IDLE);
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="guardian-approval-heading">
      <h2 id="guardian-approval-heading" className="text-xl font-bold">
        {t.guardianHeading}
      </h2>
      <p>{t.guardianHint}</p>
      <p className="font-semibold">{t.guardianNow(enabled)}</p>
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>
      <input type="hidden" name={SCHOOL_FIELD} value={schoolId} />
      <SubmitButton
        name="enabled"
        value={enabled ? "false" : "true"}
        variant={enabled ? "secondary" : "primary"}
      >
        {enabled ? t.turnOff : t.turnOn}
      </SubmitButton>
    </form>
  );
}
