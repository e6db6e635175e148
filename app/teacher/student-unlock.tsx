"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { unlockStudent } from "./actions";

/** Unlock on the student's own page, while the account is locked; its answer stays once the page
 *  shows the student unlocked. */
export function StudentUnlock({
  userId,
  fullName,
  locked,
}: {
  userId: number;
  fullName: string;
  locked: boolean;
}) {
  const t = schoolMessages().admin;
  const [state, formAction] = useActionState(unlockStudent, IDLE);
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      {locked && (
        <form action={formAction}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton variant="secondary" aria-label={t.unlockFor(fullName)}>
            {t.unlock}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
